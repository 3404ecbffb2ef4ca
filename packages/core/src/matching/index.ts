export { type CandidateRecommendation, rankCandidatesForListing } from "./candidates";
export {
  dayNumber,
  expectedLevelOf,
  levelCredit,
  listingCapacity,
  listingPeriod,
  vietnamDay,
} from "./components";
export { demandDamping } from "./demand";
export { indexListings, type ListingIndex } from "./listing-index";
export { type ListingRecommendation, type RecommendOptions, recommendListingsForStudent } from "./recommend";
export {
  exclusionReasons,
  type ListingProfile,
  type MatchAudience,
  matchPoints,
  profileListing,
  scoreMatch,
} from "./score";
export * from "./types";
export { type MatchComponent, matchComponents, matchTuning, matchWeights } from "./weights";
