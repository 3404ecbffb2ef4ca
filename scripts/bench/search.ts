/**
 * The search index in process at province scale (issue 13: `GET /api/search` had p99 4.3 s at 10 connections, the
 * CPU of MiniSearch scoring every listing that contains a common word). `npm run bench -- --only=search --json`
 * generates the province data the routes bench seeds (`generateProvinceData(seedScales.province)`: ~16,000
 * published listings with their organisations), builds the index, and answers the same queries — the routes
 * bench's five and other common words typed without diacritics, with filters and sorts — by the path before
 * (`referencePage`: MiniSearch scores, filters and sorts every match) and the bounded path (`page`), in the same
 * run. Cold = the first time a query meets an index version (nothing cached); warm = the same query again.
 */
import { type SearchCriteria, tokenize } from "@ketnoi/core";
import type { ListingSearchIndex as Index } from "@ketnoi/functions/search/listing-index";
import type { RankedIndex } from "@ketnoi/functions/search/ranked-index";
import { type BenchSection, collectGarbage, percentile } from "./harness";

const round2 = (x: number) => Math.round(x * 100) / 100;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

/** Criteria as the route receives them (SearchQuerySchema's defaults: deadlines ahead, every organisation). */
const queries: SearchCriteria[] = [
  // The routes bench's queries.
  ...["lap trinh nhung", "ky su dien tu", "thuc tap ke toan", "tu dong hoa", "thiet ke vi mach"].map((q) => ({ q })),
  // Common words, one to three, as typed while searching (a prefix, a typo).
  ...["ky thuat", "lap trinh", "dien tu", "thuc tap", "cong nghe thong tin", "ke toan", "co khi", "lap tr", "ky"].map(
    (q) => ({ q }),
  ),
  { q: "embeded" },
  { q: "dong nai" },
  // Filters and other orders on common words.
  { q: "ky thuat", type: "internship" },
  { q: "lap trinh", paid: true },
  { q: "dien tu", commune: "x-long-thanh" },
  { q: "thuc tap", sort: "newest" },
  { q: "ky thuat", sort: "deadline" },
  { q: "cong nghe", verifiedOnly: true },
].map((c) => ({ deadlineAhead: true, verifiedOnly: false, ...c }) as SearchCriteria);

/** The published listings of the province data, as the search index documents them. */
async function provinceDocuments() {
  const { generateProvinceData, seedScales } = await import("@ketnoi/functions/seed/province-data");
  const { toSearchDocument } = await import("@ketnoi/functions/search/document");
  const { fromListingItem } = await import("@ketnoi/functions/search/sources");
  const data = generateProvinceData(seedScales.province);
  const orgs = new Map(data.organisations.map(({ orgId, ...rest }) => [orgId, { id: orgId, ...rest }]));
  return data.listings
    .filter((l) => l.status === "published")
    .map((l) => {
      const listing = fromListingItem(l as never);
      return toSearchDocument(listing, orgs.get(listing.orgId) as never);
    });
}

export const searchSection: BenchSection = {
  name: "search",
  cases: [
    {
      name: "searchProvince",
      description:
        "GET /api/search's index work on the province's ~16,000 published listings: 20 queries (the routes bench's " +
        "and other common words without diacritics, with filters and sorts), before (MiniSearch scores every " +
        "match) vs after (bitsets + at most 1,000 scored): the first query after a new index version, cold (the " +
        "query's first time on that version) and warm (again), ms per query, wall and CPU",
      targets: { "after.cold.p99Ms": "≤ 100" },
      async run() {
        const { ListingSearchIndex } = await import("@ketnoi/functions/search/listing-index");
        // Only the documents are kept: the generated students and applications would weigh on the timings' GC.
        const docs = await provinceDocuments();
        let start = performance.now();
        const index = ListingSearchIndex.fromDocuments(docs);
        const indexBuildMs = performance.now() - start;
        const today = "2026-12-07";
        const options = { limit: 20, today };

        collectGarbage();
        const before: number[] = [];
        const beforeCpu: number[] = [];
        const agree = { firstPage: 0, total: 0 };
        const reference = queries.map((criteria) => {
          const times: number[] = [];
          let page = index.referencePage(criteria, options);
          for (let i = 0; i < 3; i++) {
            start = performance.now();
            const cpu = process.cpuUsage();
            page = index.referencePage(criteria, options);
            times.push(performance.now() - start);
            beforeCpu.push(cpuMs(cpu));
          }
          before.push(...times);
          return page;
        });

        const cold: number[] = [];
        const coldCpu: number[] = [];
        const firstAfterBuild: number[] = [];
        const warmCpu: number[] = [];
        const coldByQuery = new Map<string, number>();
        const warm: number[] = [];
        const nextPages: number[] = [];
        const builds: number[] = [];
        let maxScored = 0;
        let maxPostings = 0;
        const rounds = 3;
        for (let round = 0; round < rounds; round++) {
          collectGarbage();
          // A new index version (one listing re-indexed as is), as after a write: nothing cached. The first round
          // builds the view; later rounds find it patched by the upsert (see searchChange for what a change costs).
          index.upsert(docs[round]!);
          start = performance.now();
          const ranked = round === 0 ? index.rankedIndex() : index.freshRankedIndex();
          builds.push(performance.now() - start);
          for (const [i, criteria] of queries.entries()) {
            const run = () => {
              const t = performance.now();
              const cpu = process.cpuUsage();
              const terms = tokenize(criteria.q ?? "");
              const sort = criteria.sort ?? (terms.length > 0 ? "relevance" : "newest");
              const page = ranked.page(terms, criteria, sort, options);
              return { page, ms: performance.now() - t, cpuMs: cpuMs(cpu) };
            };
            const first = run();
            // The first query of a version also pays what the build left: lazily made bitsets and the collector.
            (i === 0 ? firstAfterBuild : cold).push(first.ms);
            if (i > 0) coldCpu.push(first.cpuMs);
            const name = JSON.stringify(criteria).replace(/"(deadlineAhead|verifiedOnly)":(true|false),?/g, "");
            coldByQuery.set(name, Math.max(coldByQuery.get(name) ?? 0, i === 0 ? 0 : first.cpuMs));
            maxScored = Math.max(maxScored, first.page.work.scored);
            maxPostings = Math.max(maxPostings, first.page.work.postings);
            for (let k = 0; k < 3; k++) {
              const again = run();
              warm.push(again.ms);
              warmCpu.push(again.cpuMs);
            }
            if (round === 0) {
              const ref = reference[i]!;
              if (first.page.total === ref.total) agree.total++;
              if (first.page.hits.map((h) => h.id).join() === ref.hits.map((h) => h.id).join()) agree.firstPage++;
              // Pages 2 and 3 through the cursor (the query's ranking is cached by then).
              let cursor = first.page.cursor;
              for (let p = 0; p < 2 && cursor; p++) {
                const t = performance.now();
                const terms = tokenize(criteria.q ?? "");
                const next = ranked.page(terms, criteria, criteria.sort ?? "relevance", { ...options, cursor });
                nextPages.push(performance.now() - t);
                cursor = next.cursor;
              }
            }
          }
        }
        const stats = (xs: number[]) => ({ p50Ms: round2(percentile(xs, 50)), p99Ms: round2(percentile(xs, 99)) });
        return {
          publishedListings: docs.length,
          queries: queries.length,
          indexBuildMs: Math.round(indexBuildMs),
          // Building the view from scratch (once per process since the view is patched in place; the rounds after the
          // first build a fresh one so each round's queries start cold).
          rankedBuildMs: { min: Math.round(Math.min(...builds)), max: Math.round(Math.max(...builds)) },
          before: stats(before),
          after: {
            firstAfterBuildMs: firstAfterBuild.map(round2).join(", "),
            cold: stats(cold),
            warm: stats(warm),
            nextPages: stats(nextPages),
          },
          // CPU time of this process per query (user + system, GC threads included): wall time minus the waits for a
          // core, which on a shared 2-core machine at load 10+ make the wall-clock p99 the scheduler's.
          cpu: { before: stats(beforeCpu), afterCold: stats(coldCpu), afterWarm: stats(warmCpu) },
          // The queries whose cold answer took the most CPU (worst of the rounds; the first query of a round is apart).
          slowestColdCpuMs: Object.fromEntries(
            [...coldByQuery]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 4)
              .map(([q, ms]) => [q, round2(ms)]),
          ),
          maxScoredPerQuery: maxScored,
          maxPostingsPerQuery: maxPostings,
          totalsEqual: agree.total,
          firstPageIdentical: agree.firstPage,
          heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
        };
      },
    },
    {
      name: "searchChange",
      description:
        "What one index change costs the next search on the province's ~16,000 published listings: a listing " +
        "edited, published or closed (in turn), then one of searchProvince's queries. Before: the view rebuilt from " +
        "scratch after the change (as every change did before it was patched in place); after: the view patched in " +
        "place. changeMs = the upsert/remove (after: including the patch), rebuildMs = the fresh view (before only), " +
        "cold = the next query (the change dropped every cached query and impact order), warm = that query again, " +
        "totalMs = change + rebuild + next query (totalCpu: its CPU), each after a forced collection (after: and one " +
        "untimed search, as a live process serves between changes). The two paths take the same changes in turn " +
        "on two indexes (same load); each next page of the patched view is compared with the rebuilt view's.",
      targets: { "after.totalMs.p99Ms": "≤ 100" },
      async run() {
        const { ListingSearchIndex } = await import("@ketnoi/functions/search/listing-index");
        const docs = await provinceDocuments();
        const today = "2026-12-07";
        const options = { limit: 20, today };
        /** The change number i: an edit (a word added, a newer updatedAt), a new listing published now, a close. */
        const changeOf = (i: number) => {
          const doc = docs[(i * 97) % docs.length]!;
          const at = new Date(Date.UTC(2026, 11, 7, 0, 0, i)).toISOString();
          if (i % 3 === 0) return { upsert: { ...doc, title: `${doc.title} gap`, updatedAt: at } };
          if (i % 3 === 1) return { upsert: { ...doc, id: `bench-new-${i}`, sortAt: at, updatedAt: at } };
          return { remove: doc.id };
        };
        const apply = (index: Index, i: number) => {
          const change = changeOf(i);
          if (change.upsert) index.upsert(change.upsert);
          else index.remove(change.remove);
        };
        const query = (view: RankedIndex, criteria: SearchCriteria) => {
          const terms = tokenize(criteria.q ?? "");
          return view.page(terms, criteria, criteria.sort ?? (terms.length > 0 ? "relevance" : "newest"), options);
        };
        // Two indexes get the same changes in turn, so both paths run under the same load (this machine is shared):
        // "before" keeps no view and builds one from scratch after each change; "after" patches the one it keeps.
        const paths = { before: ListingSearchIndex.fromDocuments(docs), after: ListingSearchIndex.fromDocuments(docs) };
        paths.after.rankedIndex();
        type Samples = Record<"change" | "rebuild" | "cold" | "warm" | "total" | "totalCpu", number[]>;
        const empty = (): Samples => ({ change: [], rebuild: [], cold: [], warm: [], total: [], totalCpu: [] });
        const samples = { before: empty(), after: empty() };
        const changes = 24;
        let identical = 0;
        for (let i = 0; i < changes; i++) {
          const criteria = queries[i % queries.length]!;
          const pages: Record<string, string> = {};
          for (const path of ["before", "after"] as const) {
            // Each change measured from a collected heap: the views built from scratch leave garbage behind.
            collectGarbage();
            const index = paths[path];
            const out = samples[path];
            // A live process serves searches between changes: one untimed search first, so the timed one does not
            // pay for the forced collection (in trials the first search after one ran 2-5x slower). The path before
            // has no view to search until the change rebuilds it.
            if (path === "after") query(index.rankedIndex(), queries[(i + 7) % queries.length]!);
            const cpu = process.cpuUsage();
            let t = performance.now();
            apply(index, i);
            const changeMs = performance.now() - t;
            t = performance.now();
            const view = path === "before" ? index.freshRankedIndex() : index.rankedIndex();
            const rebuildMs = performance.now() - t;
            t = performance.now();
            const page = query(view, criteria);
            const coldMs = performance.now() - t;
            out.totalCpu.push(cpuMs(cpu));
            t = performance.now();
            query(view, criteria);
            out.warm.push(performance.now() - t);
            out.change.push(changeMs);
            if (path === "before") out.rebuild.push(rebuildMs);
            out.cold.push(coldMs);
            out.total.push(changeMs + rebuildMs + coldMs);
            pages[path] = JSON.stringify([page.total, page.cursor, page.hits.map((h) => [h.id, h.score])]);
          }
          if (pages.before === pages.after) identical++;
          // Let MiniSearch's pending vacuum run between changes, as it would between requests.
          await new Promise((resolve) => setImmediate(resolve));
        }
        const stats = (xs: number[]) => ({
          p50Ms: round2(percentile(xs, 50)),
          p99Ms: round2(percentile(xs, 99)),
          maxMs: round2(Math.max(...xs)),
        });
        const report = (path: "before" | "after") => {
          const out = samples[path];
          return {
            changeMs: stats(out.change),
            ...(path === "before" ? { rebuildMs: stats(out.rebuild) } : {}),
            cold: stats(out.cold),
            warm: stats(out.warm),
            totalMs: stats(out.total),
            // CPU of this process (user + system, GC threads included) for change + rebuild + next query: the
            // figure the scheduler's waits do not inflate on a loaded machine.
            totalCpu: stats(out.totalCpu),
          };
        };
        return {
          publishedListings: docs.length,
          changes,
          before: report("before"),
          after: report("after"),
          // The next query's first page (ids, scores, total, cursor) on the patched view equals the rebuilt one's.
          firstPageIdenticalToRebuild: `${identical} of ${changes}`,
        };
      },
    },
  ],
};
