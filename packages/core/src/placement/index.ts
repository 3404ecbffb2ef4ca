export { applyEditedOrder, automaticRanking } from "./automatic-ranking";
export { checkPlacement, type PlacementCheck } from "./checks";
export { PlacementInputError, type PlacementInputErrorCode } from "./compile";
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
  runPlacementRound,
} from "./round";
export { breakTies, tieBreakKey, tieBreakRule } from "./tie-break";
