import { majorIds } from "../catalog";
import { communeIds } from "../places";
import { skills } from "../skills";
import { majorBit } from "./components";
import { type ListingProfile, profileListing } from "./score";
import type { MatchListing } from "./types";
import { matchTuning } from "./weights";

/**
 * Listings laid out for fast recommendation: each listing's matching data in flat typed arrays, and an inverted
 * index from each skill to the listings that require or prefer it. A query then touches only the listings that
 * share a skill with the student for the skill components, and reads a few numbers per listing for the rest.
 */

if (majorIds.length > 30) throw new Error("majors no longer fit a 32-bit mask: widen majorMask");

export const skillIndexById = new Map(skills.map((s, i) => [s.id, i]));
export const skillCount = skills.length;
/** For each skill index, the indices of its related skills. */
export const relatedIndices: readonly Int32Array[] = skills.map(
  (s) => new Int32Array(s.related.map((id) => skillIndexById.get(id)!)),
);
export const communeIndexById = new Map<string, number>(communeIds.map((id, i) => [id, i]));
export const languageCodes = ["vi", "en", "ja", "ko", "zh", "fr", "de"] as const;
export const languageRank = { basic: 1, intermediate: 2, fluent: 3, native: 4 } as const;
export const workModeCode = { onsite: 0, hybrid: 1, remote: 2 } as const;
/** The distinct expected levels, so a query works out each skill's credit once per level. */
export const maxExpectedLevel = Math.max(...Object.values(matchTuning.expectedLevel));

export interface ListingIndex<L extends MatchListing = MatchListing> {
  readonly size: number;
  readonly profiles: readonly ListingProfile<L>[];
  readonly ids: readonly string[];
  readonly requiredCount: Uint16Array;
  readonly preferredCount: Uint16Array;
  readonly expected: Uint8Array;
  /** 0: open to every major. */
  readonly majorMask: Int32Array;
  /** Bit y set when year y is allowed; 0: every year. */
  readonly yearMask: Int32Array;
  readonly communeA: Int16Array;
  readonly communeB: Int16Array;
  readonly workMode: Uint8Array;
  /** 0: no period, 1: a date range, 2: visit sessions. */
  readonly periodKind: Uint8Array;
  readonly periodStart: Int32Array;
  readonly periodEnd: Int32Array;
  readonly sessionStart: Int32Array;
  readonly sessionDays: Int32Array;
  readonly needStart: Int32Array;
  readonly needCode: Uint8Array;
  readonly needRank: Uint8Array;
  readonly published: Uint8Array;
  readonly deadlineDay: Int32Array;
  /** -1: no seat limit. */
  readonly capacity: Int32Array;
  /** Postings: for skill k, listings requiredPosting[requiredStart[k]..requiredStart[k+1]). */
  readonly requiredStart: Int32Array;
  readonly requiredPosting: Int32Array;
  readonly preferredStart: Int32Array;
  readonly preferredPosting: Int32Array;
  /**
   * Per-query scratch sums, reused so that a query allocates almost nothing (fresh 160 KB arrays per query kept
   * the garbage collector busy and showed in the p99). Queries are synchronous, so one set is enough.
   */
  readonly requiredSum: Float64Array;
  readonly preferredSum: Float64Array;
}

function postings(lists: readonly (readonly string[])[]): { start: Int32Array; posting: Int32Array } {
  const start = new Int32Array(skillCount + 1);
  for (const list of lists) for (const id of list) if (skillIndexById.has(id)) start[skillIndexById.get(id)! + 1]!++;
  for (let k = 0; k < skillCount; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, skillCount);
  const posting = new Int32Array(start[skillCount]!);
  lists.forEach((list, j) => {
    for (const id of list) {
      const k = skillIndexById.get(id);
      if (k !== undefined) posting[fill[k]!++] = j;
    }
  });
  return { start, posting };
}

/**
 * Builds the index once per set of listings (about 40 ms for 20,000 here); reuse it for every student.
 * @example const index = indexListings(publishedListings); recommendListingsForStudent(student, index, { now })
 */
export function indexListings<L extends MatchListing>(listings: readonly L[]): ListingIndex<L> {
  const n = listings.length;
  const profiles = listings.map(profileListing);
  const sessionStart = new Int32Array(n + 1);
  const needStart = new Int32Array(n + 1);
  profiles.forEach((p, j) => {
    sessionStart[j + 1] = sessionStart[j]! + (p.period?.kind === "sessions" ? p.period.days.length : 0);
    needStart[j + 1] = needStart[j]! + p.needs.length;
  });
  const index = {
    size: n,
    profiles,
    ids: listings.map((l) => l.id),
    requiredCount: new Uint16Array(n),
    preferredCount: new Uint16Array(n),
    expected: new Uint8Array(n),
    majorMask: new Int32Array(n),
    yearMask: new Int32Array(n),
    communeA: new Int16Array(n),
    communeB: new Int16Array(n),
    workMode: new Uint8Array(n),
    periodKind: new Uint8Array(n),
    periodStart: new Int32Array(n),
    periodEnd: new Int32Array(n),
    sessionStart,
    sessionDays: new Int32Array(sessionStart[n]!),
    needStart,
    needCode: new Uint8Array(needStart[n]!),
    needRank: new Uint8Array(needStart[n]!),
    published: new Uint8Array(n),
    deadlineDay: new Int32Array(n),
    capacity: new Int32Array(n),
  };
  profiles.forEach((p, j) => {
    const l = p.listing;
    index.requiredCount[j] = l.requiredSkills.length;
    index.preferredCount[j] = l.preferredSkills.length;
    index.expected[j] = p.expected;
    index.majorMask[j] = l.majors.reduce((mask, m) => mask | majorBit[m], 0);
    index.yearMask[j] = l.years.reduce((mask, y) => mask | (1 << y), 0);
    index.communeA[j] = communeIndexById.get(p.communes[0]!) ?? -1;
    index.communeB[j] = p.communes[1] === undefined ? -1 : (communeIndexById.get(p.communes[1]) ?? -1);
    index.workMode[j] = workModeCode[l.workMode];
    if (p.period?.kind === "range") {
      index.periodKind[j] = 1;
      index.periodStart[j] = p.period.start;
      index.periodEnd[j] = p.period.end;
    } else if (p.period?.kind === "sessions") {
      index.periodKind[j] = 2;
      index.sessionDays.set(p.period.days, sessionStart[j]!);
    }
    p.needs.forEach((need, i) => {
      index.needCode[needStart[j]! + i] = languageCodes.indexOf(need.code);
      index.needRank[needStart[j]! + i] = languageRank[need.level];
    });
    index.published[j] = l.status === "published" ? 1 : 0;
    index.deadlineDay[j] = p.deadlineDay;
    index.capacity[j] = p.capacity ?? -1;
  });
  const required = postings(listings.map((l) => l.requiredSkills));
  const preferred = postings(listings.map((l) => l.preferredSkills));
  return {
    ...index,
    requiredStart: required.start,
    requiredPosting: required.posting,
    preferredStart: preferred.start,
    preferredPosting: preferred.posting,
    requiredSum: new Float64Array(n),
    preferredSum: new Float64Array(n),
  };
}
