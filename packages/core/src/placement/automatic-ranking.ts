import { matchPoints } from "../matching/score";
import type { MatchListing, MatchStudent } from "../matching/types";
import type { RankingEntry } from "./deferred-acceptance";

/** One place in a ranking given as positions (a student's position, or a tie group of them). */
export type IndexedRankingEntry = number | readonly number[];

/**
 * An organisation's starting ranking of its applicants by match score, best first. Scores equal to 0.1 point
 * form one tie group, which the round orders by the public tie-break rule. The organisation may edit the
 * result (move, merge or drop entries) before submitting it.
 * @example automaticRanking(listing, applicants) // ["sv-a", ["sv-b", "sv-c"], "sv-d"]
 */
export function automaticRanking(listing: MatchListing, applicants: readonly MatchStudent[]): RankingEntry[] {
  return automaticRankingOrder(listing, applicants).map((entry) =>
    typeof entry === "number" ? applicants[entry]!.userId : entry.map((i) => applicants[i]!.userId),
  );
}

/**
 * `automaticRanking` as positions in `applicants`, so a caller holding students by position (the round's data
 * layer) builds the engine's integer input without looking an id up.
 * @example automaticRankingOrder(listing, applicants) // [0, [2, 3], 1]
 */
export function automaticRankingOrder(
  listing: MatchListing,
  applicants: readonly MatchStudent[],
): IndexedRankingEntry[] {
  const scored = applicants
    .map((s, i) => ({ i, id: s.userId, score: Math.round(matchPoints(s, listing) * 10) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranking: IndexedRankingEntry[] = [];
  for (let i = 0; i < scored.length; ) {
    let j = i + 1;
    while (j < scored.length && scored[j]!.score === scored[i]!.score) j++;
    ranking.push(j - i === 1 ? scored[i]!.i : scored.slice(i, j).map((s) => s.i));
    i = j;
  }
  return ranking;
}

/**
 * An organisation's edited ranking applied over the automatic one: the students it ordered come first, in its
 * order, and everyone it did not order (students who ranked the listing after the edit) follows in the automatic
 * order, keeping their tie groups. Ids in the edit that are no longer applicants are dropped. Works on ids or on
 * positions alike.
 * @example applyEditedOrder(["sv-a", ["sv-b", "sv-c"]], ["sv-c"]) // ["sv-c", "sv-a", "sv-b"]
 */
export function applyEditedOrder<T extends string | number>(
  automatic: ReadonlyArray<T | readonly T[]>,
  edited: readonly T[],
): Array<T | T[]> {
  const applicants = new Set(automatic.flatMap((entry): T[] => (Array.isArray(entry) ? [...entry] : [entry as T])));
  const placed = new Set(edited.filter((id) => applicants.has(id)));
  const rest = automatic.flatMap((entry): Array<T | T[]> => {
    if (!Array.isArray(entry)) return placed.has(entry as T) ? [] : [entry as T];
    const left = (entry as readonly T[]).filter((id) => !placed.has(id));
    return left.length === 0 ? [] : left.length === 1 ? [left[0]!] : [left];
  });
  return [...placed, ...rest];
}
