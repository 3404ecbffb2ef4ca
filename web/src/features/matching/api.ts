import type {
  Candidate,
  CandidateInviteResult,
  Listing,
  OrgPlacementRound,
  PlacementRanking,
  PlacementResponse,
  PlacementRoundCreate,
  PlacementRoundView,
  Recommendation,
} from "@ketnoi/core";
import { api, request } from "../../app/api/client";

export { fetchSchools } from "../student/api";
export type { Candidate, OrgPlacementRound, PlacementRanking, PlacementRoundView, Recommendation };

/** My recommended listings, best first. */
export async function fetchRecommendations(limit = 20): Promise<Recommendation[]> {
  return (await request(() => api.recommendations.$get({ query: { limit: String(limit) } }))).items;
}

/** Suitable candidates for one of my organisation's listings. */
export async function fetchCandidates(listingId: string, limit = 30): Promise<Candidate[]> {
  return (
    await request(() =>
      api.listings[":id"].candidates.$get({ param: { id: listingId }, query: { limit: String(limit) } }),
    )
  ).items;
}

export function inviteCandidate(listingId: string, candidateId: string): Promise<CandidateInviteResult> {
  return request(() => api.listings[":id"].invite.$post({ param: { id: listingId }, json: { candidateId } }));
}

/** Published listings a round may include (the first 100 of the feed). */
export async function fetchPublishedListings(): Promise<Listing[]> {
  return (await request(() => api.listings.$get({ query: { limit: "100" } }))).items;
}

export async function fetchRounds(): Promise<PlacementRoundView[]> {
  return (await request(() => api["placement-rounds"].$get())).items;
}

/** One round as I may see it (its owner: everything; a student: their own choices and seat). */
export function fetchRound(roundId: string): Promise<PlacementRoundView> {
  return request(() => api["placement-rounds"][":id"].$get({ param: { id: roundId } }));
}

/** The rounds that include my organisation's listings, newest first, with only its own listings. */
export async function fetchOrganisationRounds(orgId: string): Promise<OrgPlacementRound[]> {
  return (await request(() => api.organisations[":id"]["placement-rounds"].$get({ param: { id: orgId } }))).items;
}

export function createRound(input: PlacementRoundCreate): Promise<PlacementRoundView> {
  return request(() => api["placement-rounds"].$post({ json: input }));
}

/** Runs a round; before its ranking deadline only with `confirmEarly` (the owner read the consequence). */
export function runRound(roundId: string, confirmEarly = false): Promise<PlacementRoundView> {
  return request(() => api["placement-rounds"][":id"].run.$post({ param: { id: roundId }, json: { confirmEarly } }));
}

export function savePreferences(roundId: string, choices: string[]): Promise<PlacementRoundView> {
  return request(() => api["placement-rounds"][":id"].preferences.$put({ param: { id: roundId }, json: { choices } }));
}

/** The assigned student's answer to their seat; given once. */
export function respondToAssignment(roundId: string, decision: PlacementResponse["decision"]) {
  return request(() => api["placement-rounds"][":id"].response.$post({ param: { id: roundId }, json: { decision } }));
}

/** The students who chose one of my organisation's listings in a round, in the order the run will use. */
export function fetchRanking(roundId: string, listingId: string): Promise<PlacementRanking> {
  return request(() =>
    api["placement-rounds"][":id"].listings[":listingId"].ranking.$get({ param: { id: roundId, listingId } }),
  );
}

/** Saves my organisation's order of a listing's candidates (candidate ids, best first); answers the saved ranking. */
export function saveRanking(roundId: string, listingId: string, order: string[]): Promise<PlacementRanking> {
  return request(() =>
    api["placement-rounds"][":id"].listings[":listingId"].ranking.$put({
      param: { id: roundId, listingId },
      json: { order },
    }),
  );
}

/** Offers the seats students declined to the next students (the round's owner); answers the owner's view. */
export function reofferRound(roundId: string): Promise<PlacementRoundView> {
  return request(() => api["placement-rounds"][":id"].reoffer.$post({ param: { id: roundId } }));
}
