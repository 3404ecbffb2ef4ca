import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listingStatuses, listingTypes, majorIds, workModes } from "../catalog";
import { communeIds, industrialParkIds } from "../places";
import { rankCandidatesForListing } from "./candidates";
import { dayNumber, listingCapacity } from "./components";
import { demandDamping } from "./demand";
import { aListing, aStudent } from "./fixtures";
import { indexListings } from "./listing-index";
import { recommendListingsForStudent } from "./recommend";
import { matchPoints, scoreMatch } from "./score";
import type { ListingDemand, MatchCandidate, MatchListing } from "./types";

const now = new Date("2026-12-01T00:00:00Z");

describe("demandDamping", () => {
  it("leaves listings with up to two applications a seat alone, then damps smoothly", () => {
    expect(demandDamping(8, 4)).toBe(1);
    expect(demandDamping(60, 10)).toBe(0.5);
    expect(demandDamping(110, 10)).toBeCloseTo(1 / 3.25);
    expect(demandDamping(500, undefined)).toBe(1);
  });
});

describe("recommendListingsForStudent", () => {
  it("recommends only listings the student can still apply to, best first", () => {
    const listings = [
      aListing({ id: "fit" }),
      aListing({ id: "weaker", requiredSkills: ["embedded-c", "fpga"] }),
      aListing({ id: "closed", status: "closed" }),
      aListing({ id: "expired", deadline: "2026-11-30" }),
      aListing({ id: "full" }),
      aListing({ id: "applied" }),
      aListing({ id: "seniors", years: [5] }),
    ];
    const demand = new Map([["full", { applications: 9, filled: 4 }]]);
    const result = recommendListingsForStudent(aStudent(), listings, {
      now,
      demand,
      appliedListingIds: new Set(["applied"]),
    });
    expect(result.map((r) => r.listing.id)).toEqual(["fit", "weaker"]);
    expect(result[0]!.score.explanation.vi).toContain("Khớp 2/2 kỹ năng bắt buộc");
  });

  it("spreads recommendations away from a listing that is far over-applied", () => {
    const listings = ["a", "b", "c"].map((id) => aListing({ id }));
    const demand = new Map<string, ListingDemand>([["a", { applications: 100 }]]);
    const result = recommendListingsForStudent(aStudent(), listings, { now, demand });
    expect(result.map((r) => r.listing.id)).toEqual(["b", "c", "a"]);
    expect(result[2]!.damping).toBeCloseTo(1 / (1 + 0.25 * (25 - 2)));
    // The fit shown to the student is not damped, only the order.
    expect(result[2]!.score.total).toBe(100);
  });

  it("gives the same results from an array or a prepared index, up to the limit", () => {
    const listings = Array.from({ length: 30 }, (_, i) => aListing({ id: `l${i}`, positions: 1 + (i % 5) }));
    const fromArray = recommendListingsForStudent(aStudent(), listings, { now, limit: 7 });
    const fromIndex = recommendListingsForStudent(aStudent(), indexListings(listings), { now, limit: 7 });
    expect(fromArray).toHaveLength(7);
    expect(fromIndex.map((r) => r.listing.id)).toEqual(fromArray.map((r) => r.listing.id));
  });
});

describe("rankCandidatesForListing", () => {
  it("ranks only consenting students of an allowed year, with explanations for the recruiter", () => {
    const students = [
      aStudent({ userId: "partial", skills: [{ id: "embedded-c", level: 3 }] }),
      aStudent({ userId: "private", consents: { recommendToRecruiters: { granted: false } } }),
      aStudent({ userId: "first-year", year: 1 }),
      aStudent({ userId: "full-fit" }),
    ];
    const result = rankCandidatesForListing(aListing(), students, { limit: 10 });
    expect(result.map((r) => r.student.userId)).toEqual(["full-fit", "partial"]);
    expect(result[1]!.score.explanation.en).toContain("Matches 1/2 required skills; missing: Microcontrollers");
  });
});

// Random instances: the fast paths must pick exactly the listings (or students) that scoring each pair one by
// one with the explained score would pick, with the same scores.
const skillPool = [
  "python",
  "django",
  "sql",
  "postgresql",
  "docker",
  "kubernetes",
  "linux",
  "embedded-c",
  "microcontroller",
  "rtos",
  "stm32",
  "english-it",
  "english-communication",
  "japanese",
  "plc",
  "hmi",
  "git",
  "ci-cd",
];
const isoDate = (from: string, to: string) =>
  fc
    .integer({ min: dayNumber(from), max: dayNumber(to) })
    .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const listingArb: fc.Arbitrary<MatchListing> = fc.record({
  id: fc.constant("x"),
  type: fc.constantFrom(...listingTypes),
  status: fc.constantFrom(...listingStatuses, "published", "published"),
  requiredSkills: fc.uniqueArray(fc.constantFrom(...skillPool), { maxLength: 4 }),
  preferredSkills: fc.uniqueArray(fc.constantFrom(...skillPool), { maxLength: 3 }),
  majors: fc.uniqueArray(fc.constantFrom(...majorIds), { maxLength: 3 }),
  years: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
  communeId: fc.constantFrom(...communeIds),
  industrialParkId: optional(fc.constantFrom(...industrialParkIds)),
  workMode: fc.constantFrom(...workModes),
  deadline: isoDate("2026-11-15", "2027-06-30"),
  positions: optional(fc.integer({ min: 1, max: 6 })),
  durationWeeks: optional(fc.integer({ min: 1, max: 24 })),
  sessions: optional(
    fc.array(
      fc.record({
        id: fc.constant("s"),
        date: isoDate("2026-12-01", "2027-07-31"),
        startTime: fc.constant("08:00"),
        place: fc.constant("Lab"),
        seats: fc.integer({ min: 1, max: 40 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  ),
});

const studentArb: fc.Arbitrary<MatchCandidate> = fc.record({
  userId: fc.constant("s"),
  major: fc.constantFrom(...majorIds),
  year: fc.integer({ min: 1, max: 5 }),
  skills: fc.uniqueArray(fc.record({ id: fc.constantFrom(...skillPool), level: fc.integer({ min: 1, max: 5 }) }), {
    maxLength: 6,
    selector: (s) => s.id,
  }),
  languages: fc.uniqueArray(
    fc.record({
      code: fc.constantFrom("vi", "en", "ja", "ko"),
      level: fc.constantFrom("basic", "intermediate", "fluent", "native"),
    }),
    { maxLength: 3, selector: (l) => l.code },
  ),
  availableFrom: optional(isoDate("2026-12-01", "2027-04-01")),
  availableTo: optional(isoDate("2027-04-02", "2027-09-01")),
  reachableCommunes: fc.uniqueArray(fc.constantFrom(...communeIds), { maxLength: 4 }),
  consents: fc.record({ recommendToRecruiters: fc.record({ granted: fc.boolean() }) }),
});

describe("fast rankings agree with scoring each pair", () => {
  it("recommendations: same eligible listings, same order, same damped scores", () => {
    const instance = fc.record({
      student: studentArb,
      listings: fc.array(listingArb, { maxLength: 25 }),
      applications: fc.array(fc.nat({ max: 40 }), { minLength: 25, maxLength: 25 }),
      filled: fc.array(fc.nat({ max: 6 }), { minLength: 25, maxLength: 25 }),
      applied: fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
      limit: fc.integer({ min: 1, max: 8 }),
    });
    fc.assert(
      fc.property(instance, ({ student, listings: raw, applications, filled, applied, limit }) => {
        const listings = raw.map((l, j) => ({ ...l, id: `l${j}` }));
        const demand = new Map(listings.map((l, j) => [l.id, { applications: applications[j]!, filled: filled[j]! }]));
        const appliedListingIds = new Set(listings.filter((_, j) => applied[j]).map((l) => l.id));
        const expected = listings
          .map((listing, j) => ({
            id: listing.id,
            j,
            eligible: scoreMatch(student, listing, {
              side: "student",
              now,
              demand: demand.get(listing.id),
              alreadyApplied: appliedListingIds.has(listing.id),
            }).eligible,
            rank: matchPoints(student, listing) * demandDamping(applications[j]!, listingCapacity(listing)),
          }))
          .filter((e) => e.eligible)
          .sort((a, b) => b.rank - a.rank || a.j - b.j)
          .slice(0, limit);
        const actual = recommendListingsForStudent(student, listings, { now, limit, demand, appliedListingIds });
        expect(actual.map((r) => r.rank)).toHaveLength(expected.length);
        actual.forEach((r, i) => {
          expect(r.rank).toBeCloseTo(expected[i]!.rank, 9);
          expect(r.score.eligible).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("candidates: same consenting students, same order, same scores", () => {
    const instance = fc.record({
      listing: listingArb,
      students: fc.array(studentArb, { maxLength: 25 }),
      limit: fc.integer({ min: 1, max: 8 }),
    });
    fc.assert(
      fc.property(instance, ({ listing, students: raw, limit }) => {
        const students = raw.map((s, i) => ({ ...s, userId: `s${i}` }));
        const expected = students
          .map((student, i) => ({
            i,
            eligible: scoreMatch(student, listing, { side: "recruiter" }).eligible,
            points: matchPoints(student, listing),
          }))
          .filter((e) => e.eligible)
          .sort((a, b) => b.points - a.points || a.i - b.i)
          .slice(0, limit);
        const actual = rankCandidatesForListing(listing, students, { limit });
        expect(actual).toHaveLength(expected.length);
        actual.forEach((r, i) => {
          expect(matchPoints(r.student, listing)).toBeCloseTo(expected[i]!.points, 9);
          expect(r.score.eligible).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
