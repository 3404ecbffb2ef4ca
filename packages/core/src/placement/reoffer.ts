import { PlacementInputError } from "./compile";
import type { Assignment, PlacementInput, RankingEntry } from "./deferred-acceptance";
import { type PlacementRound, runPlacementRound } from "./round";
import { breakTies } from "./tie-break";

/** A student's answer to the seat a round gave them. */
export type AssignmentDecision = "confirmed" | "declined";

export interface ReofferedRound extends PlacementRound {
  /**
   * Everyone's seat after the re-offer, in the students' input order: confirmed students on the seat they
   * confirmed, the others as the re-run placed them.
   */
  assignments: Assignment[];
  /**
   * Students without a seat after the re-offer, in input order: decliners included, so assignments + unassigned
   * are still every student of the input.
   */
  unassigned: string[];
  /** The assignments of `previous` whose students declined them (earlier decliners are no longer there). */
  declined: Assignment[];
  /** The confirmed assignments kept as they were, in input order. */
  confirmed: Assignment[];
  /** The reduced market the engine ran on; `audit` describes this run, so anyone can re-run it. */
  reducedInput: PlacementInput;
}

/**
 * The round with every tie group replaced by its members in tie-break order (the seeded public rule). A result is
 * the same for both; the strict form no longer depends on the students' ids, so it can be kept and re-run as is.
 * @example withTiesBroken({ seed: "s", students, listings: [{ id: "x", capacity: 1, ranking: [["a", "b"]] }] })
 */
export function withTiesBroken(input: PlacementInput): PlacementInput {
  return {
    ...input,
    listings: input.listings.map((listing) => ({
      ...listing,
      ranking: listing.ranking.flatMap((entry) =>
        typeof entry === "string" ? [entry] : breakTies(input.seed, [...entry]),
      ),
    })),
  };
}

const keep = (entry: RankingEntry, present: (id: string) => boolean): RankingEntry[] => {
  if (typeof entry === "string") return present(entry) ? [entry] : [];
  const left = entry.filter(present);
  return left.length === 0 ? [] : [left];
};

/**
 * Offers declined seats onwards: re-runs student-proposing deferred acceptance with the students who declined
 * removed, and those who confirmed taken out of the market with their seat (one unit of their listing's capacity).
 * Everyone else takes part again with their own choices, the organisations' rankings and the same seeded
 * tie-break. `previous` must be the round's current result on this same input (stable for it).
 *
 * Guarantees (the vacancy property of Gale and Sotomayor; property-tested in reoffer.test.ts): every student who
 * did not decline gets a seat at least as good as in `previous` by their own ranking; confirmed students keep
 * their seat; capacities hold; the result is stable among the students still in the market; decliners get nothing;
 * the same inputs give the same result. Only students who have not answered can move, so no answer ever refers to
 * a seat the student no longer holds.
 *
 * Throws `PlacementInputError` (`invalid_capacity`) when the confirmed seats exceed a listing's capacity, and
 * `unknown_student` / `unknown_listing` when `previous` names a student or listing the input lacks.
 * @example const next = await reofferRound(input, round.assignments, new Map([["sv-a", "declined"]]));
 */
export async function reofferRound(
  input: PlacementInput,
  previous: readonly Assignment[],
  responses: ReadonlyMap<string, AssignmentDecision>,
): Promise<ReofferedRound> {
  const studentIds = new Set(input.students.map((s) => s.id));
  const listingIds = new Set(input.listings.map((l) => l.id));
  for (const a of previous) {
    if (!studentIds.has(a.studentId)) throw new PlacementInputError("unknown_student", a.studentId);
    if (!listingIds.has(a.listingId)) throw new PlacementInputError("unknown_listing", a.listingId);
  }
  const declinedIds = new Set([...responses].flatMap(([id, decision]) => (decision === "declined" ? [id] : [])));
  const confirmed = previous.filter((a) => responses.get(a.studentId) === "confirmed");
  const confirmedIds = new Set(confirmed.map((a) => a.studentId));
  const pinnedSeats = new Map<string, number>();
  for (const a of confirmed) pinnedSeats.set(a.listingId, (pinnedSeats.get(a.listingId) ?? 0) + 1);

  const inMarket = (id: string) => !declinedIds.has(id) && !confirmedIds.has(id);
  const reducedInput: PlacementInput = {
    seed: input.seed,
    students: input.students.filter((s) => inMarket(s.id)),
    listings: input.listings.map((listing) => {
      const capacity = listing.capacity - (pinnedSeats.get(listing.id) ?? 0);
      if (capacity < 0) throw new PlacementInputError("invalid_capacity", listing.id);
      return { ...listing, capacity, ranking: listing.ranking.flatMap((entry) => keep(entry, inMarket)) };
    }),
  };
  const rerun = await runPlacementRound(reducedInput);

  const seatOf = new Map<string, Assignment>();
  for (const a of [...confirmed, ...rerun.assignments]) seatOf.set(a.studentId, a);
  const order = (as: readonly Assignment[]) => {
    const byId = new Map(as.map((a) => [a.studentId, a]));
    return input.students.flatMap((s) => byId.get(s.id) ?? []);
  };
  const assignments = input.students.flatMap((s) => seatOf.get(s.id) ?? []);
  const unassigned = input.students.filter((s) => !seatOf.has(s.id)).map((s) => s.id);
  return {
    assignments,
    unassigned,
    proposals: rerun.proposals,
    audit: rerun.audit,
    declined: order(previous.filter((a) => declinedIds.has(a.studentId))),
    confirmed: order(confirmed),
    reducedInput,
  };
}
