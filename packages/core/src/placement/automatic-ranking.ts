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
