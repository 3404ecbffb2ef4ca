import { type SearchCriteria, type SearchSort, tokenize } from "@ketnoi/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureOrgs, storedListing } from "../../test/search-fixtures";
import { toSearchDocument } from "./document";
import { type IndexPage, ListingSearchIndex } from "./listing-index";
import { effectiveSort } from "./query";
import type { RankedIndex, RankedPage } from "./ranked-index";

const today = "2026-02-01";
// Words with diacritics; queries type them folded, with diacritics, as prefixes or with a typo.
const words = [
  "lập",
  "trình",
  "nhúng",
  "kỹ",
  "thuật",
  "điện",
  "tử",
  "thực",
  "tập",
  "kế",
  "toán",
  "cơ",
  "khí",
  "thiết",
  "vi",
  "mạch",
  "lắp",
  "ráp",
  "tự",
  "động",
  "hóa",
  "kiểm",
  "tra",
  "embedded",
  "firmware",
];
const orgs = [fixtureOrgs.chip, fixtureOrgs.university, fixtureOrgs.software];
const days = ["2026-01-03", "2026-01-05", "2026-01-05", "2026-01-09"];

const listingArb = fc.record({
  title: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }),
  description: fc.array(fc.constantFrom(...words), { maxLength: 12 }),
  org: fc.nat(orgs.length - 1),
  type: fc.constantFrom("internship", "job"),
  commune: fc.constantFrom("x-long-thanh", "p-tran-bien"),
  park: fc.constantFrom(undefined, "long-thanh"),
  paid: fc.boolean(),
  deadline: fc.constantFrom("2026-01-20", "2026-02-01", "2026-03-01", "2026-06-30"),
  // Few distinct publication times: ties in score and time are the cases a total order must settle.
  published: fc.constantFrom(...days),
  skills: fc.subarray(["embedded-c", "python"]),
});

const queryWordArb = fc.oneof(
  fc.constantFrom(...words),
  fc.constantFrom(...words).map((w) => w.normalize("NFD").replace(/[\u0300-\u036f]/g, "")),
  fc.constantFrom(...words).map((w) => w.slice(0, 2)),
  fc.constantFrom("firmwre", "embeded", "thuatt", "xyz"),
);

const filtersArb = fc.record(
  {
    type: fc.constantFrom("internship", "job"),
    commune: fc.constantFrom("x-long-thanh", "p-tran-bien"),
    industrialPark: fc.constant("long-thanh"),
    paid: fc.boolean(),
    skill: fc.constant("python"),
    deadlineAhead: fc.boolean(),
    verifiedOnly: fc.boolean(),
  },
  { requiredKeys: [] },
);
// Mostly unfiltered relevance queries of one or two words: the case where matches exceed the budget.
const criteriaArb = fc.record({
  q: fc.array(queryWordArb, { minLength: 0, maxLength: 3 }).map((ws) => ws.join(" ")),
  filters: fc.oneof({ arbitrary: fc.constant({}), weight: 3 }, { arbitrary: filtersArb, weight: 2 }),
  sort: fc.constantFrom<SearchSort | undefined>(undefined, undefined, "relevance", "newest", "deadline"),
});

type GeneratedListing = typeof listingArb extends fc.Arbitrary<infer T> ? T : never;

function documentOf(l: GeneratedListing, id: string, updatedAt = "2026-01-01T00:00:00.000Z") {
  const listing = storedListing({
    id,
    orgId: orgs[l.org]!.id,
    type: l.type as never,
    title: { vi: l.title.join(" ") },
    description: { vi: l.description.join(" ") },
    communeId: l.commune,
    industrialParkId: l.park,
    paid: l.paid,
    deadline: l.deadline,
    requiredSkills: l.skills,
    publishedAt: `${l.published}T08:00:00.000Z`,
    updatedAt,
  });
  return toSearchDocument(listing, orgs[l.org]);
}

function indexOf(listings: GeneratedListing[]): ListingSearchIndex {
  return ListingSearchIndex.fromDocuments(listings.map((l, i) => documentOf(l, `l-${String(i).padStart(3, "0")}`)));
}

/** Every page of the bounded path, following its cursors. */
function allPages(index: ListingSearchIndex, criteria: SearchCriteria, limit: number): IndexPage[] {
  const pages: IndexPage[] = [];
  let cursor: string | undefined;
  do {
    const page = index.page(criteria, { limit, today, cursor });
    pages.push(page);
    cursor = page.cursor ?? undefined;
  } while (cursor && pages.length < 500);
  return pages;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Pages through the bounded path and holds it to MiniSearch's reference page; says which ordering rule applied:
 * "listed" (not by relevance), "ranked" (every match fits the budget), "bounded" (more matches than the budget).
 */
function checkAgainstReference(
  listings: GeneratedListing[],
  criteria: SearchCriteria,
  limit: number,
  budget: number,
): "listed" | "ranked" | "bounded" {
  const index = indexOf(listings);
  index.scoreBudget = budget;
  const reference = index.referencePage(criteria, { limit: 1_000, today });
  const pages = allPages(index, criteria, limit);
  const hits = pages.flatMap((p) => p.hits);
  for (const page of pages) {
    expect(page.total).toBe(reference.total);
    expect(page.matchedAllTerms).toBe(reference.matchedAllTerms);
  }
  // Every match exactly once across the pages: totals and pagination stay honest.
  expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
  expect(hits.map((h) => h.id).sort()).toEqual(reference.hits.map((h) => h.id).sort());
  const expectedScore = new Map(reference.hits.map((h) => [h.id, h.score]));
  for (const hit of hits) expect(close(hit.score, expectedScore.get(hit.id)!)).toBe(true);

  const hasWords = (criteria.q ?? "").trim().length > 0;
  const sort = criteria.sort ?? (hasWords ? "relevance" : "newest");
  if (sort !== "relevance" || !hasWords) {
    expect(hits.map((h) => h.id)).toEqual(reference.hits.map((h) => h.id));
    return "listed";
  }
  const byScore = (a: (typeof hits)[0], b: (typeof hits)[0]) =>
    close(a.score, b.score)
      ? a.fields.sortAt > b.fields.sortAt || (a.fields.sortAt === b.fields.sortAt && a.id < b.id)
      : a.score > b.score;
  const byNewest = (a: (typeof hits)[0], b: (typeof hits)[0]) =>
    a.fields.sortAt > b.fields.sortAt || (a.fields.sortAt === b.fields.sortAt && a.id < b.id);
  if (reference.total <= budget) {
    for (let i = 1; i < hits.length; i++) expect(byScore(hits[i - 1]!, hits[i]!)).toBe(true);
    return "ranked";
  }
  // Ranked candidates (at most the budget), then the other matches newest first.
  const split = [...Array(Math.min(budget, hits.length) + 1).keys()].some(
    (k) =>
      hits.slice(0, k).every((h, i) => i === 0 || byScore(hits[i - 1]!, h)) &&
      hits.slice(k).every((h, i) => i === 0 || byNewest(hits[k + i - 1]!, h)),
  );
  expect(split).toBe(true);
  return "bounded";
}

describe("bounded search against MiniSearch (referencePage)", () => {
  it("finds the same listings with the same scores and totals; orders them as MiniSearch when they fit the budget, else the strongest candidates by score then the rest newest first", () => {
    fc.assert(
      fc.property(
        fc.array(listingArb, { minLength: 1, maxLength: 40, size: "max" }),
        criteriaArb,
        fc.integer({ min: 1, max: 7 }),
        fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 60 })),
        (listings, partial, limit, budget) => {
          checkAgainstReference(
            listings,
            {
              deadlineAhead: true,
              verifiedOnly: false,
              q: partial.q,
              ...partial.filters,
              ...(partial.sort ? { sort: partial.sort } : {}),
            },
            limit,
            budget,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  // The bounded order in every run, not left to chance: each listing's title holds the query's word, every deadline
  // is ahead, and the budget is smaller than the number of listings.
  it("orders a relevance query with more matches than the budget: the strongest candidates by score, then the rest newest first", () => {
    const shared = words[0]!;
    fc.assert(
      fc.property(
        fc
          .array(listingArb, { minLength: 2, maxLength: 40, size: "max" })
          .map((ls) => ls.map((l) => ({ ...l, title: [shared, ...l.title], deadline: "2026-06-30" as const }))),
        fc.constantFrom<SearchSort | undefined>(undefined, "relevance"),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 39 }),
        (listings, sort, limit, budgetWish) => {
          const budget = Math.min(budgetWish, listings.length - 1);
          const criteria: SearchCriteria = {
            deadlineAhead: true,
            verifiedOnly: false,
            q: shared,
            ...(sort ? { sort } : {}),
          };
          expect(checkAgainstReference(listings, criteria, limit, budget)).toBe("bounded");
        },
      ),
      { numRuns: 100 },
    );
  });

  it("ranks a typical query's first page as MiniSearch does when the budget covers its matches", () => {
    const index = indexOf(
      Array.from({ length: 30 }, (_, i) => ({
        title: i % 3 === 0 ? ["kỹ", "thuật", "điện", "tử"] : ["kỹ", "thuật", "cơ", "khí"],
        description: i % 2 === 0 ? ["lập", "trình", "nhúng"] : ["kiểm", "tra"],
        org: i % 3,
        type: "internship",
        commune: "x-long-thanh",
        park: undefined,
        paid: i % 2 === 0,
        deadline: "2026-06-30",
        published: days[i % days.length]!,
        skills: [],
      })),
    );
    const criteria: SearchCriteria = { q: "ky thuat dien", deadlineAhead: true, verifiedOnly: false };
    const expected = index.referencePage(criteria, { limit: 5, today });
    const page = index.page(criteria, { limit: 5, today });
    expect(page.hits.map((h) => h.id)).toEqual(expected.hits.map((h) => h.id));
    expect(page.total).toBe(10);
  });
});

describe("work per query", () => {
  /** `n` listings that all contain "kỹ thuật", as common words are in most province listings. */
  const corpus = (n: number) =>
    indexOf(
      Array.from({ length: n }, (_, i) => ({
        title: ["kỹ", "thuật", words[i % words.length]!],
        description: [words[(i * 7) % words.length]!, words[(i * 11) % words.length]!, "thuật"],
        org: i % 3,
        type: i % 2 === 0 ? "internship" : "job",
        commune: i % 3 === 0 ? "p-tran-bien" : "x-long-thanh",
        park: undefined,
        paid: i % 2 === 0,
        deadline: "2026-06-30",
        published: days[i % days.length]!,
        skills: [],
      })),
    );

  it("scores the same number of listings when the corpus and a common word's listings grow 10×", () => {
    const criteria: SearchCriteria = { q: "ky thuat", deadlineAhead: true, verifiedOnly: false };
    const work = [300, 3_000].map((n) => {
      const index = corpus(n);
      index.scoreBudget = 50;
      const first = index.page(criteria, { limit: 20, today });
      expect(first.total).toBe(n);
      const second = index.page(criteria, { limit: 20, today, cursor: first.cursor! });
      const filtered = index.page({ ...criteria, type: "job", sort: "relevance" }, { limit: 20, today });
      expect(filtered.total).toBe(n / 2);
      return { first: first.work!, second: second.work!, filtered: filtered.work! };
    });
    for (const { first, filtered } of work) {
      expect(first.scored).toBeLessThanOrEqual(50 + 20);
      expect(filtered.scored).toBeLessThanOrEqual(50 + 20);
      expect(first.postings).toBeLessThanOrEqual(50 * 8);
    }
    expect(work[1]!.first.scored).toBe(work[0]!.first.scored);
    expect(work[1]!.filtered.scored).toBe(work[0]!.filtered.scored);
    // The next page reuses the query's ranking (cached per index version): only its own items are scored.
    expect(work[1]!.second).toMatchObject({ cached: true });
    expect(work[1]!.second.scored).toBeLessThanOrEqual(20);
  });
});

/** Every page of one view, following its cursors, as `ListingSearchIndex.page` asks it. */
function viewPages(view: RankedIndex, criteria: SearchCriteria, limit: number, scoreBudget: number): RankedPage[] {
  const terms = tokenize(criteria.q ?? "").slice(0, 12);
  const sort = effectiveSort(criteria, terms.length > 0);
  const pages: RankedPage[] = [];
  let cursor: string | undefined;
  do {
    const page = view.page(terms, criteria, sort, { limit, today, cursor, scoreBudget });
    pages.push(page);
    cursor = page.cursor ?? undefined;
  } while (cursor && pages.length < 500);
  return pages;
}

const answers = (pages: RankedPage[]) =>
  pages.map((p) => ({
    ids: p.hits.map((h) => h.id),
    scores: p.hits.map((h) => h.score),
    total: p.total,
    matchedAllTerms: p.matchedAllTerms,
    cursor: p.cursor,
  }));

describe("the view patched in place by every change (issue 13)", () => {
  // Publish (a new listing), edit (the same id, any content and publication time) or close, between searches.
  const stepArb = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant("add" as const), listing: listingArb }), weight: 2 },
    {
      arbitrary: fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), listing: listingArb }),
      weight: 3,
    },
    { arbitrary: fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("query" as const), pick: fc.nat() }), weight: 4 },
  );

  it("answers every page exactly as a view built from scratch (ids, scores, totals, cursors) and as MiniSearch, and never from a cache older than the last change", () => {
    let changes = 0;
    let beyondBudget = 0;
    fc.assert(
      fc.property(
        fc.array(listingArb, { minLength: 0, maxLength: 25 }),
        fc.array(criteriaArb, { minLength: 1, maxLength: 4 }),
        fc.array(stepArb, { minLength: 1, maxLength: 30, size: "max" }),
        fc.integer({ min: 1, max: 6 }),
        fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 40 })),
        (initial, partials, steps, limit, budget) => {
          const ids = initial.map((_, i) => `l-${String(i).padStart(3, "0")}`);
          const held = new Map(initial.map((l, i) => [ids[i]!, documentOf(l, ids[i]!)]));
          const index = ListingSearchIndex.fromDocuments([...held.values()]);
          index.scoreBudget = budget;
          const view = index.rankedIndex();
          let clock = 0;
          const stamp = () => `2026-01-02T00:00:${String(clock++).padStart(2, "0")}.${String(clock).padStart(3, "0")}Z`;
          const criteriaOf = (pick: number): SearchCriteria => {
            const partial = partials[pick % partials.length]!;
            return {
              deadlineAhead: true,
              verifiedOnly: false,
              q: partial.q,
              ...partial.filters,
              ...(partial.sort ? { sort: partial.sort } : {}),
            };
          };
          const check = (criteria: SearchCriteria) => {
            const patched = answers(viewPages(index.rankedIndex(), criteria, limit, budget));
            const fresh = answers(viewPages(index.freshRankedIndex(), criteria, limit, budget));
            expect(patched).toEqual(fresh);
            // MiniSearch's own search keeps counting a discarded listing's word until it vacuums (meeting the
            // discarded posting, it takes 1 off the term frequency, not the posting): the reference is MiniSearch
            // over the listings held, indexed afresh.
            const reference = ListingSearchIndex.fromDocuments([...held.values()]).referencePage(criteria, {
              limit: 1_000,
              today,
            });
            const hits = patched.flatMap((p) => p.ids);
            const scores = patched.flatMap((p) => p.scores);
            expect(patched[0]!.total).toBe(reference.total);
            expect(patched[0]!.matchedAllTerms).toBe(reference.matchedAllTerms);
            expect([...hits].sort()).toEqual(reference.hits.map((h) => h.id).sort());
            const expected = new Map(reference.hits.map((h) => [h.id, h.score]));
            for (const [i, id] of hits.entries()) expect(close(scores[i]!, expected.get(id)!)).toBe(true);
            if (reference.total > budget && (criteria.q ?? "").trim()) beyondBudget++;
          };
          for (const step of steps) {
            if (step.kind === "query") {
              check(criteriaOf(step.pick));
              continue;
            }
            if (step.kind === "add") {
              const id = `n-${String(ids.length).padStart(3, "0")}`;
              ids.push(id);
              held.set(id, documentOf(step.listing, id, stamp()));
              expect(index.upsert(held.get(id)!)).toBe(true);
            } else {
              const live = [...held.keys()];
              if (live.length === 0) continue;
              const id = live[step.pick % live.length]!;
              if (step.kind === "replace") {
                held.set(id, documentOf(step.listing, id, stamp()));
                expect(index.upsert(held.get(id)!)).toBe(true);
              } else {
                held.delete(id);
                expect(index.remove(id)).toBe(true);
              }
            }
            changes++;
            // Patched, not rebuilt: the same view answers after the change.
            expect(index.rankedIndex()).toBe(view);
            expect(view.size).toBe(index.size);
          }
          for (let pick = 0; pick < partials.length; pick++) check(criteriaOf(pick));
        },
      ),
      { numRuns: 200 },
    );
    expect(changes).toBeGreaterThan(1_000);
    expect(beyondBudget).toBeGreaterThan(20);
  });
});
