import { matchTuning } from "./weights";

/**
 * The factor (0, 1] a listing's rank is multiplied by when it is already over-applied:
 * `1 / (1 + α · max(0, applications / seats − β))` with α = 0.25 and β = 2 (see docs/matching.md).
 * Listings without a seat count are never damped. The displayed match score is not changed, only the order.
 * @example demandDamping(60, 10) // 0.5: six applications a seat, four over the untouched two
 */
export function demandDamping(applications: number, seats: number | undefined): number {
  if (seats === undefined || seats <= 0) return 1;
  const pressure = applications / seats - matchTuning.demandBeta;
  return pressure <= 0 ? 1 : 1 / (1 + matchTuning.demandAlpha * pressure);
}
