import {
  checkPlacement,
  type IndexedRankingEntry,
  type PlacementInput,
  PlacementInputError,
  type RankingEntry,
  runIndexedPlacementRound,
  runPlacementRound,
} from "@ketnoi/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexedPlacementInput, type RoundRecords } from "./input";

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * What the route hands `indexedPlacementInput`, written independently of it: students in id order, and each
 * listing's ranking as positions among the students who chose it (in student order).
 */
function asRecords(round: PlacementInput): { records: RoundRecords; rankings: IndexedRankingEntry[][] } {
  const students = [...round.students].sort(byId);
  const rankings = round.listings.map((listing) => {
    const applicants = students.filter((s) => s.choices.includes(listing.id)).map((s) => s.id);
    const at = (id: string) => applicants.indexOf(id);
    return listing.ranking.map((entry) => (typeof entry === "string" ? at(entry) : entry.map(at)));
  });
  return {
    records: {
      seed: round.seed,
      students,
      listings: round.listings.map((l) => ({ listingId: l.id, capacity: l.capacity })),
    },
    rankings,
  };
}

/** Random rounds with UUID ids (so id order is not input order), partial lists, ties and scarce seats. */
const roundArb: fc.Arbitrary<PlacementInput> = fc
  .record({
    seed: fc.string({ maxLength: 8 }),
    studentIds: fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 25 }),
    listingIds: fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 6 }),
  })
  .chain(({ seed, studentIds, listingIds }) =>
    fc
      .tuple(
        fc.tuple(...studentIds.map(() => fc.shuffledSubarray(listingIds))),
        fc.tuple(
          ...listingIds.map(() =>
            fc.record({ capacity: fc.integer({ min: 0, max: 3 }), keep: fc.double({ min: 0.5, max: 1, noNaN: true }) }),
          ),
        ),
        fc.array(fc.boolean(), { minLength: studentIds.length, maxLength: studentIds.length }),
      )
      .map(([choices, listings, tiedWithPrevious]) => {
        const students = studentIds.map((id, s) => ({ id, choices: choices[s]! }));
        return {
          seed,
          students,
          listings: listingIds.map((id, l) => {
            // Applicants in a shuffled-but-deterministic order, the weakest part left unranked, some tied.
            const applicants = students.filter((s) => s.choices.includes(id)).map((s) => s.id);
            const kept = applicants.slice(0, Math.ceil(applicants.length * listings[l]!.keep));
            const ranking: RankingEntry[] = [];
            kept.forEach((studentId, k) => {
              const last = ranking.at(-1);
              if (tiedWithPrevious[k] && last !== undefined) {
                ranking[ranking.length - 1] = typeof last === "string" ? [last, studentId] : [...last, studentId];
              } else ranking.push(studentId);
            });
            return { id, capacity: listings[l]!.capacity, ranking };
          }),
        };
      }),
  );

describe("indexedPlacementInput (the route's integer-id path)", () => {
  it("gives the same assignments and audit (both hashes) as the round given with string ids, and a stable result", async () => {
    await fc.assert(
      fc.asyncProperty(roundArb, async (round) => {
        const { records, rankings } = asRecords(round);
        const viaIntegers = await runIndexedPlacementRound(indexedPlacementInput(records, (l) => rankings[l]!));
        const viaStrings = await runPlacementRound({ ...round, students: records.students });
        expect(viaIntegers).toEqual(viaStrings);
        expect(checkPlacement(round, viaIntegers.assignments).valid).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("reproduces the hashes the string-keyed engine recorded before interning moved to the data layer", async () => {
    const round = goldenRound();
    const { records, rankings } = asRecords(round);
    const viaIntegers = await runIndexedPlacementRound(indexedPlacementInput(records, (l) => rankings[l]!));
    // Recorded with the engine at 926236d (string ids resolved through maps inside compileRound).
    expect(viaIntegers.audit).toMatchObject(GOLDEN);
  });

  it("grows its buffer when the rankings hold more tie groups than it made room for", async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `sv-${String(i).padStart(3, "0")}`);
    // Every applicant in a tie group of one: two numbers each, more than the room made (1.25 per applicant).
    const round: PlacementInput = {
      seed: "grow",
      students: ids.map((id) => ({ id, choices: ["lab"] })),
      listings: [{ id: "lab", capacity: 7, ranking: ids.map((id) => [id]) }],
    };
    const { records, rankings } = asRecords(round);
    const viaIntegers = await runIndexedPlacementRound(indexedPlacementInput(records, (l) => rankings[l]!));
    expect(viaIntegers).toEqual(await runPlacementRound(round));
    expect(viaIntegers.assignments).toHaveLength(7);
  });

  it("rejects a choice outside the round and a listing twice, with the engine's codes", () => {
    const records: RoundRecords = {
      seed: "s",
      students: [{ id: "an", choices: ["chip"] }],
      listings: [{ listingId: "chip", capacity: 1 }],
    };
    const codeOf = (r: RoundRecords) => {
      try {
        indexedPlacementInput(r, () => []);
        return "ok";
      } catch (error) {
        return error instanceof PlacementInputError ? error.code : "other";
      }
    };
    expect(codeOf(records)).toBe("ok");
    expect(codeOf({ ...records, students: [{ id: "an", choices: ["nowhere"] }] })).toBe("unknown_listing");
    expect(codeOf({ ...records, listings: [...records.listings, ...records.listings] })).toBe("duplicate_listing");
    expect(() => indexedPlacementInput(records, () => [1])).toThrow(RangeError);
  });

  it("lets the engine reject what it rejects on string ids: a student twice, a choice twice, a bad capacity", async () => {
    const run = (r: RoundRecords, rankings: IndexedRankingEntry[][] = [[]]) =>
      runIndexedPlacementRound(indexedPlacementInput(r, (l) => rankings[l]!));
    const base: RoundRecords = {
      seed: "s",
      students: [
        { id: "b", choices: ["chip"] },
        { id: "a", choices: ["chip"] },
      ],
      listings: [{ listingId: "chip", capacity: 1 }],
    };
    await expect(run(base, [[0, 1]])).resolves.toMatchObject({ assignments: [{ studentId: "b" }] });
    await expect(run({ ...base, students: [base.students[0]!, base.students[0]!] })).rejects.toMatchObject({
      code: "duplicate_student",
    });
    await expect(run({ ...base, students: [{ id: "a", choices: ["chip", "chip"] }] })).rejects.toMatchObject({
      code: "duplicate_choice",
    });
    await expect(run({ ...base, listings: [{ listingId: "chip", capacity: -1 }] })).rejects.toMatchObject({
      code: "invalid_capacity",
    });
    await expect(run(base, [[0, [0]]])).rejects.toMatchObject({ code: "duplicate_ranking" });
  });
});

/** A fixed round of 400 students and 40 listings with ties (a small linear congruential generator). */
function goldenRound(): PlacementInput {
  let state = 20261206;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(random() * 16)]).join("");
  const listingIds = Array.from({ length: 40 }, () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`);
  const students = Array.from({ length: 400 }, () => {
    const choices = new Set<string>();
    const count = 1 + Math.floor(random() * 6);
    while (choices.size < count) choices.add(listingIds[Math.floor(random() ** 2 * listingIds.length)]!);
    return { id: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`, choices: [...choices] };
  });
  const listings = listingIds.map((id) => {
    const scored = students
      .filter((s) => s.choices.includes(id))
      .map((s) => ({ id: s.id, score: Math.floor(random() * 12) }))
      .sort((a, b) => b.score - a.score);
    const ranking: RankingEntry[] = [];
    for (let i = 0; i < scored.length; ) {
      let j = i + 1;
      while (j < scored.length && scored[j]!.score === scored[i]!.score) j++;
      ranking.push(j - i === 1 ? scored[i]!.id : scored.slice(i, j).map((s) => s.id));
      i = j;
    }
    return { id, capacity: Math.floor(random() * 8), ranking };
  });
  return { seed: "golden-2026", students, listings };
}

const GOLDEN = {
  inputsHash: "513233685575129ff1deae924a0af9b308bf891603e3f3add8fb7786c5b8da56",
  resultHash: "6dc67b97d5477951e1d7d880f3515d1e192cd5c2fa1295da8cb33f9f4ab15d50",
  counts: {
    students: 400,
    listings: 40,
    seats: 138,
    choices: 1398,
    rankingEntries: 1398,
    assigned: 138,
    proposals: 1153,
  },
};
