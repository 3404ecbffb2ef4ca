import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlacement } from "./checks";
import { PlacementInputError } from "./compile";
import { type Assignment, type PlacementInput, placeStudents, type RankingEntry } from "./deferred-acceptance";
import { type AssignmentDecision, reofferRound, withTiesBroken } from "./reoffer";

/**
 * Random rounds with competition: students rank most listings, organisations rank most students (with ties), and
 * seats are scarce, so a declined seat usually sets off a chain of moves.
 */
const roundArb: fc.Arbitrary<PlacementInput> = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 4 }))
  .chain(([studentCount, listingCount]) => {
    const studentIds = Array.from({ length: studentCount }, (_, i) => `sv-${i}`);
    const listingIds = Array.from({ length: listingCount }, (_, i) => `tin-${i}`);
    const most = (ids: string[]) => fc.shuffledSubarray(ids, { minLength: Math.max(0, ids.length - 1) });
    const listing = (id: string) =>
      fc
        .record({
          capacity: fc.constantFrom(0, 1, 1, 2, 2, 3),
          ranked: most(studentIds),
          tied: fc.array(fc.boolean(), { minLength: studentCount, maxLength: studentCount }),
        })
        .map(({ capacity, ranked, tied }) => {
          const groups: string[][] = [];
          ranked.forEach((s, i) => {
            if (tied[i] && groups.length > 0) groups.at(-1)!.push(s);
            else groups.push([s]);
          });
          const ranking: RankingEntry[] = groups.map((g) => (g.length === 1 ? g[0]! : g));
          return { id, capacity, ranking };
        });
    return fc.record({
      seed: fc.string({ maxLength: 6 }),
      students: fc.tuple(...studentIds.map((id) => most(listingIds).map((choices) => ({ id, choices })))),
      listings: fc.tuple(...listingIds.map(listing)),
    });
  });

/** Answers to a result: each assigned student confirms, declines or stays silent; rarely an unplaced one leaves. */
const answersTo = (input: PlacementInput, assignments: readonly Assignment[]) => {
  const assigned = new Set(assignments.map((a) => a.studentId));
  return fc
    .tuple(
      ...input.students.map((s) =>
        assigned.has(s.id)
          ? fc.constantFrom<AssignmentDecision | undefined>(undefined, "confirmed", "declined", "declined")
          : fc.constantFrom<AssignmentDecision | undefined>(undefined, undefined, undefined, "declined"),
      ),
    )
    .map((decisions) => decisions.map((d, i) => [input.students[i]!.id, d] as const));
};

/** A round, its first result and the answers given to it. */
const answeredRoundArb = roundArb.chain((input) => {
  const first = placeStudents(input);
  return answersTo(input, first.assignments).map((answers) => ({
    input,
    first,
    responses: new Map(answers.filter((a): a is [string, AssignmentDecision] => a[1] !== undefined)),
  }));
});

/** Where a listing sits in a student's own list (the list's length when they have no seat). */
const position = (input: PlacementInput, studentId: string, assignments: readonly Assignment[]) => {
  const choices = input.students.find((s) => s.id === studentId)!.choices;
  const seat = assignments.find((a) => a.studentId === studentId);
  return seat ? choices.indexOf(seat.listingId) : choices.length;
};

/** The properties every re-offer must have, relative to the result it re-offers. */
function expectReofferGuarantees(
  input: PlacementInput,
  previous: readonly Assignment[],
  responses: ReadonlyMap<string, AssignmentDecision>,
  next: Awaited<ReturnType<typeof reofferRound>>,
) {
  const declined = (id: string) => responses.get(id) === "declined";
  const confirmed = previous.filter((a) => responses.get(a.studentId) === "confirmed");
  // Nobody who did not decline is worse off, by their own ranking.
  for (const s of input.students) {
    if (declined(s.id)) continue;
    expect(position(input, s.id, next.assignments), s.id).toBeLessThanOrEqual(position(input, s.id, previous));
  }
  // Confirmed students keep their seat; only unanswered students move; decliners get nothing.
  for (const a of confirmed) expect(next.assignments).toContainEqual(a);
  for (const a of next.assignments) {
    expect(declined(a.studentId)).toBe(false);
    const before = previous.find((p) => p.studentId === a.studentId);
    if (responses.has(a.studentId)) expect(a).toEqual(before);
  }
  expect(next.declined).toEqual(previous.filter((a) => declined(a.studentId)));
  // Capacities hold, every seat was chosen by its student, and the counts stay exact.
  for (const listing of input.listings) {
    expect(next.assignments.filter((a) => a.listingId === listing.id).length).toBeLessThanOrEqual(listing.capacity);
  }
  for (const a of next.assignments) {
    expect(input.students.find((s) => s.id === a.studentId)!.choices[a.choice - 1]).toBe(a.listingId);
  }
  expect(next.assignments.length + next.unassigned.length).toBe(input.students.length);
  // Stable among the students still in the market, on the seats left once confirmed seats are taken out.
  const moving = next.assignments.filter((a) => !confirmed.some((c) => c.studentId === a.studentId));
  expect(checkPlacement(next.reducedInput, moving)).toMatchObject({ valid: true, blockingPairCount: 0 });
  const outOfMarket = new Set([
    ...confirmed.map((a) => a.studentId),
    ...input.students.map((s) => s.id).filter(declined),
  ]);
  expect(next.reducedInput.students.map((s) => s.id)).toEqual(
    input.students.filter((s) => !outOfMarket.has(s.id)).map((s) => s.id),
  );
}

describe("reofferRound", () => {
  it("leaves nobody who did not decline worse off, keeps confirmed seats and capacities, and is stable", async () => {
    let improved = 0;
    await fc.assert(
      fc.asyncProperty(answeredRoundArb, async ({ input, first, responses }) => {
        const next = await reofferRound(input, first.assignments, responses);
        expectReofferGuarantees(input, first.assignments, responses, next);
        if (
          input.students.some((s) => position(input, s.id, next.assignments) < position(input, s.id, first.assignments))
        )
          improved++;
      }),
      { numRuns: 700 },
    );
    // The vacancy property is only exercised where a freed seat really moves someone up.
    expect(improved).toBeGreaterThan(100);
  });

  it("keeps its guarantees over several re-offers, each answering the previous result", async () => {
    const chain = roundArb.chain((input) => {
      const first = placeStudents(input);
      return fc
        .array(
          fc.array(fc.constantFrom<AssignmentDecision | undefined>(undefined, "confirmed", "declined"), {
            minLength: input.students.length,
            maxLength: input.students.length,
          }),
          { minLength: 2, maxLength: 4 },
        )
        .map((steps) => ({ input, first, steps }));
    });
    await fc.assert(
      fc.asyncProperty(chain, async ({ input, first, steps }) => {
        let current = first.assignments;
        const responses = new Map<string, AssignmentDecision>();
        for (const step of steps) {
          // Answers are given once, by students who hold a seat now.
          for (const a of current) {
            const decision = step[input.students.findIndex((s) => s.id === a.studentId)];
            if (decision && !responses.has(a.studentId)) responses.set(a.studentId, decision);
          }
          const next = await reofferRound(input, current, responses);
          expectReofferGuarantees(input, current, responses, next);
          current = next.assignments;
        }
      }),
      { numRuns: 250 },
    );
  });

  it("is deterministic, and a second re-offer on the same answers changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(answeredRoundArb, async ({ input, first, responses }) => {
        const next = await reofferRound(input, first.assignments, responses);
        const shuffled = new Map([...responses].reverse());
        expect(await reofferRound(structuredClone(input), [...first.assignments].reverse(), shuffled)).toEqual(next);
        const again = await reofferRound(input, next.assignments, responses);
        expect({ ...again, declined: next.declined }).toEqual(next);
        expect(again.declined).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("changes nothing when nobody answered", async () => {
    await fc.assert(
      fc.asyncProperty(roundArb, async (input) => {
        const first = placeStudents(input);
        const next = await reofferRound(input, first.assignments, new Map());
        expect(next.assignments).toEqual(first.assignments);
        expect(next.unassigned).toEqual(first.unassigned);
      }),
      { numRuns: 200 },
    );
  });

  it("gives a declined seat to the listing's next student, who leaves a seat for the one after", async () => {
    const input: PlacementInput = {
      seed: "mời-lại",
      students: [
        { id: "an", choices: ["chip"] },
        { id: "binh", choices: ["chip", "robot"] },
        { id: "chi", choices: ["robot"] },
        { id: "dung", choices: ["chip", "robot"] },
      ],
      listings: [
        { id: "chip", capacity: 1, ranking: ["an", "binh", "dung"] },
        { id: "robot", capacity: 1, ranking: ["binh", "chi", "dung"] },
      ],
    };
    const first = placeStudents(input);
    expect(first.assignments.map((a) => [a.studentId, a.listingId])).toEqual([
      ["an", "chip"],
      ["binh", "robot"],
    ]);
    const next = await reofferRound(input, first.assignments, new Map([["an", "declined"]]));
    // Bình moves up to the chip seat; the robot seat Bình leaves goes to Chi, ranked next there.
    expect(next.assignments.map((a) => [a.studentId, a.listingId, a.choice])).toEqual([
      ["binh", "chip", 1],
      ["chi", "robot", 1],
    ]);
    expect(next.unassigned).toEqual(["an", "dung"]);
    expect(next.declined).toEqual([{ studentId: "an", listingId: "chip", choice: 1 }]);
  });

  it("refuses answers that do not fit the round", async () => {
    const input: PlacementInput = {
      seed: "s",
      students: [{ id: "an", choices: ["chip"] }],
      listings: [{ id: "chip", capacity: 1, ranking: ["an"] }],
    };
    const codeOf = async (previous: Assignment[]) => {
      try {
        await reofferRound(input, previous, new Map([["an", "confirmed"]]));
        return "ok";
      } catch (error) {
        return error instanceof PlacementInputError ? error.code : "other";
      }
    };
    expect(await codeOf([{ studentId: "an", listingId: "chip", choice: 1 }])).toBe("ok");
    expect(await codeOf([{ studentId: "ghost", listingId: "chip", choice: 1 }])).toBe("unknown_student");
    expect(await codeOf([{ studentId: "an", listingId: "nowhere", choice: 1 }])).toBe("unknown_listing");
    const full = { ...input, listings: [{ id: "chip", capacity: 0, ranking: ["an"] }] };
    await expect(
      reofferRound(full, [{ studentId: "an", listingId: "chip", choice: 1 }], new Map([["an", "confirmed"]])),
    ).rejects.toMatchObject({ code: "invalid_capacity" });
  });
});

describe("withTiesBroken", () => {
  it("places everyone exactly as the ranking with ties does, with no tie group left", () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const strict = withTiesBroken(input);
        expect(strict.listings.every((l) => l.ranking.every((entry) => typeof entry === "string"))).toBe(true);
        expect(placeStudents(strict).assignments).toEqual(placeStudents(input).assignments);
      }),
      { numRuns: 300 },
    );
  });
});
