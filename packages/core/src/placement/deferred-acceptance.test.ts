import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlacement } from "./checks";
import { PlacementInputError } from "./compile";
import { type Assignment, type PlacementInput, placeStudents, type RankingEntry } from "./deferred-acceptance";
import { tieBreakKey } from "./tie-break";

/**
 * Random rounds: students rank a subset of the listings, organisations a subset of the students, with ties.
 * `long` lists leave out at most one entry, which makes competing preferences (and several stable matchings) common.
 */
function roundArb(
  maxStudents: number,
  maxListings: number,
  capacity: fc.Arbitrary<number>,
  lists: "any" | "long" = "any",
): fc.Arbitrary<PlacementInput> {
  const subset = (ids: string[]) =>
    fc.shuffledSubarray(ids, { minLength: lists === "long" ? Math.max(0, ids.length - 1) : 0 });
  return fc
    .tuple(fc.integer({ min: 1, max: maxStudents }), fc.integer({ min: 1, max: maxListings }))
    .chain(([studentCount, listingCount]) => {
      const studentIds = Array.from({ length: studentCount }, (_, i) => `sv-${i}`);
      const listingIds = Array.from({ length: listingCount }, (_, i) => `tin-${i}`);
      const listing = (id: string) =>
        fc
          .record({
            capacity,
            ranked: subset(studentIds),
            tiedWithPrevious: fc.array(fc.constantFrom(false, false, false, true), {
              minLength: studentCount,
              maxLength: studentCount,
            }),
          })
          .map(({ capacity, ranked, tiedWithPrevious }) => {
            const groups: string[][] = [];
            ranked.forEach((s, i) => {
              if (tiedWithPrevious[i] && groups.length > 0) groups.at(-1)!.push(s);
              else groups.push([s]);
            });
            const ranking: RankingEntry[] = groups.map((g) => (g.length === 1 ? g[0]! : g));
            return { id, capacity, ranking };
          });
      return fc.record({
        seed: fc.string({ maxLength: 6 }),
        students: fc.tuple(...studentIds.map((id) => subset(listingIds).map((choices) => ({ id, choices })))),
        listings: fc.tuple(...listingIds.map(listing)),
      });
    });
}

/**
 * Balanced markets (as many seats as students, every list complete) where each side's tastes compete: these
 * often have several stable matchings, which is where student-optimality can fail.
 */
const balancedRoundArb: fc.Arbitrary<PlacementInput> = fc
  .array(fc.constantFrom(1, 1, 2), { minLength: 2, maxLength: 4 })
  .chain((capacities) => {
    const studentCount = Math.min(
      6,
      capacities.reduce((a, b) => a + b, 0),
    );
    const studentIds = Array.from({ length: studentCount }, (_, i) => `sv-${i}`);
    const listingIds = capacities.map((_, i) => `tin-${i}`);
    const permutation = (ids: string[]) => fc.shuffledSubarray(ids, { minLength: ids.length });
    return fc.record({
      seed: fc.string({ maxLength: 6 }),
      students: fc.tuple(...studentIds.map((id) => permutation(listingIds).map((choices) => ({ id, choices })))),
      listings: fc.tuple(
        ...listingIds.map((id, i) =>
          permutation(studentIds).map((ranking) => ({ id, capacity: capacities[i]!, ranking })),
        ),
      ),
    });
  });

/** Mostly one or two seats, so that students compete and rounds have several stable matchings. */
const scarceSeats = fc.constantFrom(0, 1, 1, 1, 2, 2, 3);

// An independent reference: strict preferences written out plainly, every individually rational matching
// enumerated, the stable ones kept.
type Matching = Map<string, string | null>;

function strictRanks(input: PlacementInput): Map<string, Map<string, number>> {
  return new Map(
    input.listings.map((listing) => {
      const order = listing.ranking.flatMap((entry) =>
        (typeof entry === "string" ? [entry] : [...entry]).sort(
          (a, b) => tieBreakKey(input.seed, a) - tieBreakKey(input.seed, b) || (a < b ? -1 : a > b ? 1 : 0),
        ),
      );
      return [listing.id, new Map(order.map((s, r) => [s, r]))];
    }),
  );
}

function isStable(input: PlacementInput, ranks: Map<string, Map<string, number>>, m: Matching): boolean {
  for (const student of input.students) {
    const mine = m.get(student.id) ?? null;
    const better = mine === null ? student.choices : student.choices.slice(0, student.choices.indexOf(mine));
    for (const listingId of better) {
      const rank = ranks.get(listingId)!.get(student.id);
      if (rank === undefined) continue;
      const listing = input.listings.find((l) => l.id === listingId)!;
      const holders = input.students.filter((s) => m.get(s.id) === listingId);
      if (holders.length < listing.capacity) return false;
      if (holders.some((h) => ranks.get(listingId)!.get(h.id)! > rank)) return false;
    }
  }
  return true;
}

function allMatchings(input: PlacementInput, ranks: Map<string, Map<string, number>>): Matching[] {
  const result: Matching[] = [];
  const used = new Map<string, number>();
  const current: Matching = new Map();
  const visit = (i: number) => {
    if (i === input.students.length) {
      result.push(new Map(current));
      return;
    }
    const student = input.students[i]!;
    current.set(student.id, null);
    visit(i + 1);
    for (const listingId of student.choices) {
      const capacity = input.listings.find((l) => l.id === listingId)!.capacity;
      if (!ranks.get(listingId)!.has(student.id) || (used.get(listingId) ?? 0) >= capacity) continue;
      used.set(listingId, (used.get(listingId) ?? 0) + 1);
      current.set(student.id, listingId);
      visit(i + 1);
      used.set(listingId, used.get(listingId)! - 1);
    }
    current.delete(student.id);
  };
  visit(0);
  return result;
}

const asMatching = (input: PlacementInput, assignments: readonly Assignment[]): Matching =>
  new Map(input.students.map((s) => [s.id, assignments.find((a) => a.studentId === s.id)?.listingId ?? null]));

const position = (choices: readonly string[], listingId: string | null) =>
  listingId === null ? choices.length : choices.indexOf(listingId);

describe("placeStudents (deferred acceptance)", () => {
  it("is stable, within both sides' lists and capacities, and student-optimal (brute force, small rounds)", () => {
    let withSeveralStableMatchings = 0;
    fc.assert(
      fc.property(
        fc.oneof(roundArb(6, 3, scarceSeats), roundArb(6, 4, scarceSeats, "long"), balancedRoundArb),
        (input) => {
          const outcome = placeStudents(input);
          const ranks = strictRanks(input);
          const da = asMatching(input, outcome.assignments);
          const stable = allMatchings(input, ranks).filter((m) => isStable(input, ranks, m));
          if (stable.length > 1) withSeveralStableMatchings++;
          // DA's result is one of the stable matchings (so it respects capacities and both sides' lists)…
          expect(stable.some((m) => [...m].every(([s, l]) => da.get(s) === l))).toBe(true);
          // …and every student likes it at least as much as in every other stable matching.
          for (const m of stable) {
            for (const student of input.students) {
              expect(position(student.choices, da.get(student.id)!)).toBeLessThanOrEqual(
                position(student.choices, m.get(student.id)!),
              );
            }
          }
          expect(outcome.assignments.length + outcome.unassigned.length).toBe(input.students.length);
        },
      ),
      { numRuns: 900 },
    );
    // Student-optimality is only tested where there is a choice between stable matchings.
    expect(withSeveralStableMatchings).toBeGreaterThan(50);
    // 900 brute-forced rounds: ~1.6 s alone, past vitest's 5 s default on a loaded shared machine (seen at load 25).
  }, 30_000);

  it("passes the efficient checker on larger rounds", () => {
    fc.assert(
      fc.property(roundArb(300, 40, fc.integer({ min: 0, max: 12 })), (input) => {
        const outcome = placeStudents(input);
        const check = checkPlacement(input, outcome.assignments);
        expect(check).toMatchObject({ valid: true, blockingPairCount: 0, overCapacity: [] });
        for (const a of outcome.assignments) {
          expect(input.students.find((s) => s.id === a.studentId)!.choices[a.choice - 1]).toBe(a.listingId);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("gives the same result whatever the order of the input arrays, and on every re-run", () => {
    const shuffled = roundArb(40, 8, scarceSeats).chain((input) =>
      fc
        .tuple(
          fc.shuffledSubarray([...input.students], { minLength: input.students.length }),
          fc.shuffledSubarray([...input.listings], { minLength: input.listings.length }),
        )
        .map(([students, listings]) => ({ input, reordered: { ...input, students, listings } })),
    );
    fc.assert(
      fc.property(shuffled, ({ input, reordered }) => {
        const sortById = (as: Assignment[]) => [...as].sort((a, b) => a.studentId.localeCompare(b.studentId, "en"));
        const first = placeStudents(input);
        expect(placeStudents(input)).toEqual(first);
        expect(sortById(placeStudents(reordered).assignments)).toEqual(sortById(first.assignments));
      }),
      { numRuns: 150 },
    );
  });

  it("shows that stable does not mean everyone gets their first choice", () => {
    const input: PlacementInput = {
      seed: "demo",
      students: [
        { id: "an", choices: ["chip", "robot"] },
        { id: "binh", choices: ["chip", "robot"] },
      ],
      listings: [
        { id: "chip", capacity: 1, ranking: ["binh", "an"] },
        { id: "robot", capacity: 1, ranking: ["an", "binh"] },
      ],
    };
    expect(placeStudents(input).assignments).toEqual([
      { studentId: "an", listingId: "robot", choice: 2 },
      { studentId: "binh", listingId: "chip", choice: 1 },
    ]);
  });

  it("never places a student where they did not apply or were not ranked", () => {
    const input: PlacementInput = {
      seed: "s",
      students: [
        { id: "an", choices: ["chip"] },
        { id: "binh", choices: [] },
      ],
      listings: [
        { id: "chip", capacity: 5, ranking: ["binh"] },
        { id: "robot", capacity: 5, ranking: ["an", "binh"] },
      ],
    };
    expect(placeStudents(input)).toMatchObject({ assignments: [], unassigned: ["an", "binh"] });
  });

  it("orders a tie group by the seeded rule, so another seed can change who gets the seat", () => {
    const round = (seed: string) =>
      placeStudents({
        seed,
        students: ["a", "b", "c", "d"].map((id) => ({ id, choices: ["lab"] })),
        listings: [{ id: "lab", capacity: 1, ranking: [["a", "b", "c", "d"]] }],
      }).assignments[0]!.studentId;
    const winners = new Set(["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"].map(round));
    expect(winners.size).toBeGreaterThan(1);
    const expected = ["a", "b", "c", "d"].sort((x, y) => tieBreakKey("r1", x) - tieBreakKey("r1", y))[0];
    expect(round("r1")).toBe(expected);
  });

  it("rejects inputs it cannot run on, with a stable code", () => {
    const base: PlacementInput = {
      seed: "s",
      students: [{ id: "an", choices: ["chip"] }],
      listings: [{ id: "chip", capacity: 1, ranking: ["an"] }],
    };
    const codeOf = (input: PlacementInput) => {
      try {
        placeStudents(input);
        return "ok";
      } catch (error) {
        return error instanceof PlacementInputError ? error.code : "other";
      }
    };
    expect(codeOf(base)).toBe("ok");
    expect(codeOf({ ...base, students: [...base.students, ...base.students] })).toBe("duplicate_student");
    expect(codeOf({ ...base, listings: [...base.listings, ...base.listings] })).toBe("duplicate_listing");
    expect(codeOf({ ...base, students: [{ id: "an", choices: ["nowhere"] }] })).toBe("unknown_listing");
    expect(codeOf({ ...base, students: [{ id: "an", choices: ["chip", "chip"] }] })).toBe("duplicate_choice");
    expect(codeOf({ ...base, listings: [{ id: "chip", capacity: 1, ranking: ["ghost"] }] })).toBe("unknown_student");
    expect(codeOf({ ...base, listings: [{ id: "chip", capacity: 1, ranking: ["an", ["an"]] }] })).toBe(
      "duplicate_ranking",
    );
    expect(codeOf({ ...base, listings: [{ id: "chip", capacity: -1, ranking: [] }] })).toBe("invalid_capacity");
  });
});

describe("checkPlacement", () => {
  it("agrees with the brute-force definition of stability on arbitrary matchings", () => {
    const withMatching = roundArb(5, 3, scarceSeats).chain((input) => {
      const ranks = strictRanks(input);
      const matchings = allMatchings(input, ranks);
      return fc.constantFrom(...matchings).map((m) => ({ input, ranks, m }));
    });
    fc.assert(
      fc.property(withMatching, ({ input, ranks, m }) => {
        const assignments = [...m].flatMap(([studentId, listingId]) =>
          listingId === null
            ? []
            : [
                {
                  studentId,
                  listingId,
                  choice: input.students.find((s) => s.id === studentId)!.choices.indexOf(listingId) + 1,
                },
              ],
        );
        expect(checkPlacement(input, assignments).blockingPairCount === 0).toBe(isStable(input, ranks, m));
      }),
      { numRuns: 400 },
    );
  });

  it("reports assignments outside capacities or outside either side's list", () => {
    const input: PlacementInput = {
      seed: "s",
      students: [
        { id: "an", choices: ["chip"] },
        { id: "binh", choices: ["chip"] },
      ],
      listings: [{ id: "chip", capacity: 1, ranking: ["an"] }],
    };
    const check = checkPlacement(input, [
      { studentId: "an", listingId: "chip", choice: 1 },
      { studentId: "binh", listingId: "chip", choice: 1 },
    ]);
    expect(check.valid).toBe(false);
    expect(check.overCapacity).toEqual(["chip"]);
    expect(check.notAcceptable.map((a) => a.studentId)).toEqual(["binh"]);
  });
});
