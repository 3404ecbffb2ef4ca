/**
 * Matching benchmarks (issue 4): a province-wide placement round, recommendations for one student, and the
 * ranking of every student for one listing, on seeded synthetic data.
 */
import {
  checkPlacement,
  type IndexedRankingEntry,
  type PlacementInput,
  rankCandidatesForListing,
  runIndexedPlacementRound,
  runPlacementRound,
  type StudentProfile,
} from "@ketnoi/core";
import type { RoundRecords } from "@ketnoi/functions/data/placement/input";
import { type BenchSection, collectGarbage, median, peakMemoryMb, percentile, round2, timed } from "./harness";
import {
  freshRecords,
  type PlacementRecords,
  placementRecords,
  syntheticDemand,
  syntheticListings,
  syntheticPlacementRound,
  syntheticStudents,
} from "./matching-data";

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

/** A copy of a round parsed student by student and listing by listing, as records just read: no string hashed yet. */
function freshInput(round: PlacementInput): PlacementInput {
  return {
    seed: round.seed,
    students: round.students.map((s) => JSON.parse(JSON.stringify(s)) as PlacementInput["students"][number]),
    listings: round.listings.map((l) => JSON.parse(JSON.stringify(l)) as PlacementInput["listings"][number]),
  };
}

/** What the route's run does once its reads are done: intern the records, then run the round with its audit. */
async function routeRound(records: RoundRecords, rankings: IndexedRankingEntry[][]) {
  const { indexedPlacementInput } = await import("@ketnoi/functions/data/placement/input");
  const t = performance.now();
  const indexed = indexedPlacementInput(records, (l) => rankings[l]!);
  const internMs = performance.now() - t;
  return { internMs, round: await runIndexedPlacementRound(indexed) };
}

export const matchingSection: BenchSection = {
  name: "matching",
  cases: [
    {
      name: "placementRound",
      description:
        "deferred acceptance, 100,000 students × 10,000 listings × 20 ranked choices with UUID ids, with its SHA-256 " +
        "audit, as the route runs it: the data layer's interning (indexedPlacementInput) on the preferences as " +
        "read, then the round on integer ids; cold = first run on freshly parsed records, against the floor's first " +
        "run on a fresh copy of the same round; warm = best of 5 each, interleaved; floor = one pass resolving every " +
        "rank-list entry",
      targets: { coldMs: "< 1500", coldRatio: "≤ 3", ms: "< 1000", ratio: "≤ 3", stable: "true" },
      async run() {
        await import("@ketnoi/functions/data/placement/input");
        // As the API runs a round: on preferences just parsed from DynamoDB's answers, whose strings have never
        // been hashed. Two independent copies, so the floor's first pass does not warm the engine's strings.
        const {
          input: generated,
          records,
          rankings,
        } = placementRecords(syntheticPlacementRound(100_000, 10_000, 20, 4, "uuid"));
        const floorInput = JSON.parse(JSON.stringify(generated)) as PlacementInput;
        const fresh = freshRecords(records);
        collectGarbage();
        const floorCold = await timed(() => readEveryEntry(floorInput));
        collectGarbage();
        const cold = await timed(() => routeRound(fresh, rankings));
        // Warm: the same records again, each repetition after a collection; the best of five is the least noisy.
        const totals: number[] = [];
        const interns: number[] = [];
        const floors: number[] = [];
        let outcome = cold.result.round;
        for (let i = 0; i < 5; i++) {
          collectGarbage();
          floors.push((await timed(() => readEveryEntry(floorInput))).ms);
          collectGarbage();
          const round = await timed(() => routeRound(fresh, rankings));
          totals.push(round.ms);
          interns.push(round.result.internMs);
          outcome = round.result.round;
        }
        const peak = peakMemoryMb();
        // The same round given with string ids (the engine interning them itself) gives the same result and audit.
        const byStrings = await runPlacementRound(floorInput);
        const input = generated;
        const check = checkPlacement(input, outcome.assignments);
        const ms = Math.min(...totals);
        const floorMs = Math.min(...floors);
        return {
          coldMs: round2(cold.ms),
          coldInternMs: round2(cold.result.internMs),
          coldFloorMs: round2(floorCold.ms),
          coldRatio: round2(cold.ms / floorCold.ms),
          ms: round2(ms),
          internMs: round2(Math.min(...interns)),
          floorMs: round2(floorMs),
          ratio: round2(ms / floorMs),
          stable: check.valid,
          sameAsStringIds:
            byStrings.audit.inputsHash === outcome.audit.inputsHash &&
            byStrings.audit.resultHash === outcome.audit.resultHash,
          peakMemoryMb: peak,
          assigned: outcome.assignments.length,
          firstChoice: outcome.audit.counts.firstChoice,
        };
      },
    },
    {
      name: "placementScaling",
      description:
        "the route's round (interning + round with audit) from 10k to 400k students (listings = students / 10, " +
        "20 choices, UUID ids): first run on freshly parsed records, ns per rank-list entry (choices + ranking " +
        "entries), peak RSS so far; the process's one-off costs paid first on a 1,000-student round; beside each, " +
        "the floor (one pass resolving every entry) on a freshly parsed copy of the same round: floorNsPerEntry and " +
        "vsFloor (the round's ns per entry over the floor's), which shows what the machine's memory adds at each size",
      targets: { "*.nsPerEntry": "within ±30 % of each other", "*.vsFloor": "within ±30 % of each other" },
      async run() {
        await import("@ketnoi/functions/data/placement/input");
        const figures: Record<
          string,
          {
            ms: number;
            internMs: number;
            nsPerEntry: number;
            floorNsPerEntry: number;
            vsFloor: number;
            entries: number;
            peakMb: number;
          }
        > = {};
        // The process's one-off costs (the first SHA-256 digest, the code's first compilation) paid once on a
        // 1,000-student round, as a running API has paid them: what is left grows with the input.
        const small = placementRecords(syntheticPlacementRound(1_000, 100, 20, 5, "uuid"));
        await routeRound(freshRecords(small.records), small.rankings);
        for (const students of [10_000, 50_000, 100_000, 200_000, 400_000]) {
          let generated: PlacementRecords | undefined = placementRecords(
            syntheticPlacementRound(students, students / 10, 20, 4, "uuid"),
          );
          let entries = 0;
          for (const s of generated.input.students) entries += s.choices.length;
          for (const l of generated.input.listings) {
            for (const e of l.ranking) entries += typeof e === "string" ? 1 : e.length;
          }
          let records: RoundRecords | undefined = freshRecords(generated.records);
          const rankings = generated.rankings;
          // Only the fresh records and the rankings stay alive, as in the route.
          generated = undefined;
          collectGarbage();
          const { ms, result } = await timed(() => routeRound(records!, rankings));
          const peakMb = peakMemoryMb();
          records = undefined;
          collectGarbage();
          // The floor on its own freshly parsed copy of the same round (regenerated: the generator is seeded), with
          // nothing else of this size alive, as the route's round had: its growth per entry is the machine's
          // (memory, cache, TLB), not the engine's.
          let floorInput: PlacementInput | undefined = freshInput(
            syntheticPlacementRound(students, students / 10, 20, 4, "uuid"),
          );
          collectGarbage();
          const floor = await timed(() => readEveryEntry(floorInput!));
          floorInput = undefined;
          collectGarbage();
          const nsPerEntry = (ms * 1e6) / entries;
          const floorNsPerEntry = (floor.ms * 1e6) / entries;
          figures[`s${students / 1000}k`] = {
            ms: round2(ms),
            internMs: round2(result.internMs),
            nsPerEntry: round2(nsPerEntry),
            floorNsPerEntry: round2(floorNsPerEntry),
            vsFloor: round2(nsPerEntry / floorNsPerEntry),
            entries,
            peakMb,
          };
        }
        return figures;
      },
    },
    {
      name: "recommendForStudent",
      description:
        "top 20 listings for one student among 20,000 (16,517 published with the deadline ahead), 2,000 students: " +
        "what GET /api/recommendations computes (recommendFromIndex on the search index the route reads, the " +
        "demand map, the student's 3 applications made into the route's Set per request), each query's best of 3",
      targets: { p99Ms: "< 20" },
      async run() {
        const { ListingSearchIndex } = await import("@ketnoi/functions/search/listing-index");
        const { toSearchDocument } = await import("@ketnoi/functions/search/document");
        const { recommendFromIndex } = await import("@ketnoi/functions/data/recommendations");
        const listings = syntheticListings(20_000, now);
        const students = syntheticStudents(2_050) as unknown as StudentProfile[];
        const demand = syntheticDemand(listings);
        // The search index of the published listings, as the API holds it (each document stores its listing).
        const stored = listings
          .filter((l) => l.status === "published")
          .map((l, j) => ({
            ...l,
            orgId: `org-${j % 2000}`,
            title: { vi: `Tin tuyển dụng ${j}` },
            description: { vi: "Mô tả công việc." },
            createdAt: "2026-10-01T00:00:00.000Z",
            updatedAt: "2026-10-01T00:00:00.000Z",
            publishedAt: "2026-10-01T00:00:00.000Z",
          })) as unknown as Parameters<typeof toSearchDocument>[0][];
        const index = ListingSearchIndex.fromDocuments(stored.map((l) => toSearchDocument(l, undefined)));
        const applicationsOf = (i: number) =>
          [0, 1, 2].map((k) => ({ listingId: stored[(i * 31 + k * 977) % stored.length]!.id, status: "submitted" }));
        const start = performance.now();
        recommendFromIndex(index, students[0]!, { now, limit: 20, demand, applications: [] });
        const firstMs = performance.now() - start;
        const query = (i: number) =>
          recommendFromIndex(index, students[i]!, { now, limit: 20, demand, applications: applicationsOf(i) });
        collectGarbage();
        for (let i = 0; i < 50; i++) query(i);
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
          // The first query after the index changed: it lays the listings out (then cached per index version).
          firstQueryMs: round2(firstMs),
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
