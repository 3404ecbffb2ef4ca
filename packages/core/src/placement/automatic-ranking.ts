import { matchPoints } from "../matching/score";
import type { MatchListing, MatchStudent } from "../matching/types";
import type { RankingEntry } from "./deferred-acceptance";

/**
 * An organisation's starting ranking of its applicants by match score, best first. Scores equal to 0.1 point
 * form one tie group, which the round orders by the public tie-break rule. The organisation may edit the
 * result (move, merge or drop entries) before submitting it.
 * @example automaticRanking(listing, applicants) // ["sv-a", ["sv-b", "sv-c"], "sv-d"]
 */
export function automaticRanking(listing: MatchListing, applicants: readonly MatchStudent[]): RankingEntry[] {
  const scored = applicants
    .map((s) => ({ id: s.userId, score: Math.round(matchPoints(s, listing) * 10) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranking: RankingEntry[] = [];
  for (let i = 0; i < scored.length; ) {
    let j = i + 1;
    while (j < scored.length && scored[j]!.score === scored[i]!.score) j++;
    ranking.push(j - i === 1 ? scored[i]!.id : scored.slice(i, j).map((s) => s.id));
    i = j;
  }
  return ranking;
}

/**
 * An organisation's edited ranking applied over the automatic one: the students it ordered come first, in its
 * order, and everyone it did not order (students who ranked the listing after the edit) follows in the automatic
 * order, keeping their tie groups. Ids in the edit that are no longer applicants are dropped.
 * @example applyEditedOrder(["sv-a", ["sv-b", "sv-c"]], ["sv-c"]) // ["sv-c", "sv-a", "sv-b"]
 */
export function applyEditedOrder(automatic: readonly RankingEntry[], edited: readonly string[]): RankingEntry[] {
  const applicants = new Set(automatic.flatMap((entry) => (typeof entry === "string" ? [entry] : [...entry])));
  const placed = new Set(edited.filter((id) => applicants.has(id)));
  const rest = automatic.flatMap((entry): RankingEntry[] => {
    if (typeof entry === "string") return placed.has(entry) ? [] : [entry];
    const left = entry.filter((id) => !placed.has(id));
    return left.length === 0 ? [] : left.length === 1 ? [left[0]!] : [left];
  });
  return [...placed, ...rest];
}
