export {
  applyEditedOrder,
  automaticRanking,
  automaticRankingOrder,
  type IndexedRankingEntry,
} from "./automatic-ranking";
export { checkPlacement, type PlacementCheck } from "./checks";
export {
  type IndexedPlacementInput,
  indexPlacementInput,
  PlacementInputError,
  type PlacementInputErrorCode,
  placementInputOf,
} from "./compile";
export {
  type Assignment,
  type PlacementInput,
  type PlacementListing,
  type PlacementOutcome,
  type PlacementStudent,
  placeStudents,
  type RankingEntry,
} from "./deferred-acceptance";
export { placementGuarantees } from "./guarantees";
export { type AssignmentDecision, type ReofferedRound, reofferRound, withTiesBroken } from "./reoffer";
export {
  canonicalPlacementParts,
  type PlacementAudit,
  type PlacementRound,
  placementEngineVersion,
  runIndexedPlacementRound,
  runPlacementRound,
} from "./round";
export { breakTies, tieBreakKey, tieBreakRule } from "./tie-break";
