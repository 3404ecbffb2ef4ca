import type { Localized } from "../matching/types";

/**
 * The one rule that orders students an organisation ranked equally (a tie group, or an automatic ranking with
 * equal scores). It is public so anyone can recompute it:
 *
 *   key(student) = FNV-1a 32-bit hash of the UTF-8 bytes of `${roundSeed}:${studentId}`
 *
 * The lower key goes first; equal keys (rare) fall back to the student id in code-unit order. The round's seed
 * is fixed and published when the preference deadline passes, so nobody can pick a seed to favour a student,
 * and each round reshuffles ties differently.
 */
export const tieBreakRule = {
  id: "fnv1a32-seed-student-v1",
  vi:
    "Khi tổ chức xếp nhiều sinh viên ngang hạng, thứ tự giữa họ do một hàm băm công khai quyết định: " +
    "FNV-1a 32 bit của chuỗi “mã đợt:mã sinh viên”, số nhỏ hơn đứng trước (trùng số thì theo mã sinh viên). " +
    "Mã đợt được công bố sau hạn nộp nguyện vọng, nên không ai chọn được kết quả và ai cũng kiểm tra lại được.",
  en:
    "When an organisation ranks several students equally, a public hash orders them: FNV-1a 32-bit of " +
    "“round seed:student id”, lower first (equal hashes fall back to the student id). The seed is published after " +
    "the preference deadline, so nobody can choose the outcome and anyone can check it.",
} as const satisfies Localized & { id: string };

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

/** Continues an FNV-1a 32-bit hash over the UTF-8 bytes of `text` (unpaired surrogates as U+FFFD, like TextEncoder). */
function fnv1aUtf8(start: number, text: string): number {
  let hash = start;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      hash = Math.imul(hash ^ code, fnvPrime);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else code = 0xfffd;
    }
    if (code < 0x800) {
      hash = Math.imul(hash ^ (0xc0 | (code >> 6)), fnvPrime);
    } else {
      if (code < 0x10000) hash = Math.imul(hash ^ (0xe0 | (code >> 12)), fnvPrime);
      else {
        hash = Math.imul(hash ^ (0xf0 | (code >> 18)), fnvPrime);
        hash = Math.imul(hash ^ (0x80 | ((code >> 12) & 0x3f)), fnvPrime);
      }
      hash = Math.imul(hash ^ (0x80 | ((code >> 6) & 0x3f)), fnvPrime);
    }
    hash = Math.imul(hash ^ (0x80 | (code & 0x3f)), fnvPrime);
  }
  return hash;
}

/** The tie-break key function of one round: the seed's part of the hash is worked out once. */
export function tieBreakHasher(seed: string): (studentId: string) => number {
  const prefix = fnv1aUtf8(fnvOffset, `${seed}:`);
  return (studentId) => fnv1aUtf8(prefix, studentId) >>> 0;
}

/**
 * The tie-break key of a student in a round: FNV-1a 32-bit over the UTF-8 bytes of `${seed}:${studentId}`.
 * @example tieBreakKey("", "") // 0x3f0cb86d, the FNV-1a hash of ":"
 */
export function tieBreakKey(seed: string, studentId: string): number {
  return tieBreakHasher(seed)(studentId);
}

/**
 * Orders tied student ids by the rule, in place, and returns them.
 * @example breakTies("2026-hk1", ["sv-b", "sv-a"]) // the two ids in their tie-break order for that seed
 */
export function breakTies(seed: string, studentIds: string[]): string[] {
  const keyOf = tieBreakHasher(seed);
  const keys = new Map(studentIds.map((id) => [id, keyOf(id)]));
  return studentIds.sort((a, b) => keys.get(a)! - keys.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
}
