import type {
  Candidate,
  CandidateInviteResult,
  Listing,
  PlacementResponse,
  PlacementRoundCreate,
  PlacementRoundView,
  Recommendation,
} from "@ketnoi/core";
import { api, request } from "../api/client";

export type { Candidate, PlacementRoundView, Recommendation };

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

export function fetchListing(listingId: string): Promise<Listing> {
  return request(() => api.listings[":id"].$get({ param: { id: listingId } }));
}

/** Published listings a round may include (the first 100 of the feed). */
export async function fetchPublishedListings(): Promise<Listing[]> {
  return (await request(() => api.listings.$get({ query: { limit: "100" } }))).items;
}

export async function fetchRounds(): Promise<PlacementRoundView[]> {
  return (await request(() => api["placement-rounds"].$get())).items;
}

export function createRound(input: PlacementRoundCreate): Promise<PlacementRoundView> {
  return request(() => api["placement-rounds"].$post({ json: input }));
}

export function runRound(roundId: string): Promise<PlacementRoundView> {
  return request(() => api["placement-rounds"][":id"].run.$post({ param: { id: roundId } }));
}

export function savePreferences(roundId: string, choices: string[]): Promise<PlacementRoundView> {
  return request(() => api["placement-rounds"][":id"].preferences.$put({ param: { id: roundId }, json: { choices } }));
}

/** The assigned student's answer to their seat; given once. */
export function respondToAssignment(roundId: string, decision: PlacementResponse["decision"]) {
  return request(() => api["placement-rounds"][":id"].response.$post({ param: { id: roundId }, json: { decision } }));
}
