/**
 * Matching benchmarks (issue 4): a province-wide placement round, recommendations for one student, and the
 * ranking of every student for one listing, on seeded synthetic data.
 */
import {
  checkPlacement,
  indexListings,
  type PlacementInput,
  placeStudents,
  rankCandidatesForListing,
  recommendListingsForStudent,
  runPlacementRound,
} from "@ketnoi/core";
import { type BenchSection, collectGarbage, median, peakMemoryMb, percentile, round2, timed } from "./harness";
import { syntheticDemand, syntheticListings, syntheticPlacementRound, syntheticStudents } from "./matching-data";

const now = new Date("2026-12-01T02:00:00Z");

/**
 * The floor a round is compared with: one pass that reads every rank-list entry once and resolves its id, the
 * least any algorithm taking these string-keyed lists must do (both id maps built, every student choice and
 * every ranking entry looked up once).
 */
function readEveryEntry(input: PlacementInput): number {
  const listingAt = new Map(input.listings.map((l, i) => [l.id, i]));
  const studentAt = new Map(input.students.map((s, i) => [s.id, i]));
  let checksum = 0;
  for (const student of input.students) for (const choice of student.choices) checksum += listingAt.get(choice)!;
  for (const listing of input.listings) {
    for (const entry of listing.ranking) {
      if (typeof entry === "string") checksum += studentAt.get(entry)!;
      else for (const id of entry) checksum += studentAt.get(id)!;
    }
  }
  return checksum;
}

export const matchingSection: BenchSection = {
  name: "matching",
  cases: [
    {
      name: "placementRound",
      description:
        "deferred acceptance, 100,000 students × 10,000 listings × 20 ranked choices, with its SHA-256 audit; " +
        "floor = one pass resolving every rank-list entry; best of 5 each, interleaved",
      targets: { ms: "< 1000", ratio: "≤ 3", stable: "true" },
      async run() {
        const input = syntheticPlacementRound(100_000, 10_000, 20);
        // One warm-up of each; the measured repetitions alternate so that all see the same machine load, each after a
        // collection, as a round runs in a process that has not just run another one. On a shared machine other
        // work only ever adds time, so the best of five is the least noisy estimate of each.
        readEveryEntry(input);
        const rounds: number[] = [];
        const floors: number[] = [];
        const engines: number[] = [];
        let outcome = placeStudents(input);
        for (let i = 0; i < 5; i++) {
          collectGarbage();
          floors.push((await timed(() => readEveryEntry(input))).ms);
          collectGarbage();
          const engine = await timed(() => placeStudents(input));
          engines.push(engine.ms);
          collectGarbage();
          const round = await timed(() => runPlacementRound(input));
          rounds.push(round.ms);
          outcome = round.result;
        }
        const peak = peakMemoryMb();
        const check = checkPlacement(input, outcome.assignments);
        const ms = Math.min(...rounds);
        const floorMs = Math.min(...floors);
        return {
          ms: round2(ms),
          floorMs: round2(floorMs),
          ratio: round2(ms / floorMs),
          stable: check.valid,
          peakMemoryMb: peak,
          engineMs: round2(Math.min(...engines)),
          assigned: outcome.assignments.length,
          firstChoice: outcome.assignments.filter((a) => a.choice === 1).length,
        };
      },
    },
    {
      name: "recommendForStudent",
      description:
        "top 20 listings for one student among 20,000 (16,517 published with the deadline ahead), 2,000 " +
        "students, each query's best of 3 passes",
      targets: { p99Ms: "< 20" },
      run() {
        const listings = syntheticListings(20_000, now);
        const students = syntheticStudents(2_050);
        const demand = syntheticDemand(listings);
        const start = performance.now();
        const index = indexListings(listings);
        const indexMs = performance.now() - start;
        const query = (i: number) => recommendListingsForStudent(students[i]!, index, { now, limit: 20, demand });
        collectGarbage();
        for (let i = 0; i < 50; i++) query(i);
        // Each student's query is timed in three passes and its best time kept: on a shared machine a query can be
        // descheduled for a time slice, which says nothing about the query; a query that is slow every time still
        // shows in the p99.
        const best = new Float64Array(students.length - 50).fill(Number.POSITIVE_INFINITY);
        for (let pass = 0; pass < 3; pass++) {
          for (let i = 50; i < students.length; i++) {
            const t = performance.now();
            query(i);
            best[i - 50] = Math.min(best[i - 50]!, performance.now() - t);
          }
        }
        const samples = [...best];
        return {
          p50Ms: round2(percentile(samples, 50)),
          p99Ms: round2(percentile(samples, 99)),
          peakMemoryMb: peakMemoryMb(),
          students: samples.length,
          indexMs: round2(indexMs),
        };
      },
    },
    {
      name: "rankCandidates",
      description:
        "all 100,000 students scored for one listing (consent and year filtered), top 50; median of 5 listings " +
        "after 3 warm-up rankings (a long-running API is warm)",
      targets: { ms: "< 200" },
      run() {
        const students = syntheticStudents(100_000);
        const listings = syntheticListings(200, now).filter((l) => l.requiredSkills.length > 0);
        // Like a long-running API: data generation's garbage collected once, then warm, with no forced collections
        // between rankings (one before each made the next ranking slower, not fairer).
        collectGarbage();
        for (const listing of listings.slice(0, 3)) rankCandidatesForListing(listing, students, { limit: 50 });
        const samples: number[] = [];
        for (const listing of listings.slice(3, 8)) {
          const t = performance.now();
          rankCandidatesForListing(listing, students, { limit: 50 });
          samples.push(performance.now() - t);
        }
        return { ms: round2(median(samples)), peakMemoryMb: peakMemoryMb(), maxMs: round2(Math.max(...samples)) };
      },
    },
  ],
};
