import type { SearchCriteria, SearchSort } from "@ketnoi/core";
import type MiniSearch from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import { andInto, type Bitset, forEachBit, hasBit, newBitset, orInto, popcount, setBit } from "./bitset";
import { fieldBoosts, type SearchDocument, type StoredSearchFields, textFields } from "./document";
import { decodeCursor, encodeCursor, type IndexHit, passesFilters } from "./query";

/**
 * How many listings one search scores at most (issue 13). A query whose matches (after filters) are this many or
 * fewer is ranked exactly; a larger one ranks this many candidates — the listings with the strongest postings of
 * its words — and lists the other matches after them, newest first. Never more per request, whatever the corpus.
 */
export const defaultScoreBudget = 1_000;

/** Prefix matching from two letters on ("lap tr" finds "lập trình"); a single letter would match nearly all. */
export const prefixMatches = (term: string): boolean => term.length >= 2;
/** One typo forgiven from five letters on; shorter Vietnamese syllables differ by one letter too often. */
export const typoAllowance = (term: string): number | false => (term.length >= 5 ? 1 : false);

// MiniSearch 7.2's defaults (BM25+ parameters, weights of prefix and fuzzy expansions), which the index does not
// override: the ranking here must give MiniSearch's scores (property-tested in ranked-index.test.ts).
const bm25 = { k: 1.2, b: 0.7, d: 0.5 };
const prefixWeight = 0.375;
const fuzzyWeight = 0.45;
/** Candidates are drawn from at most this many postings per scored listing (filters may reject most of them). */
const postingsPerCandidate = 8;
const float32 = new Float32Array(1);
const float32Bits = new Uint32Array(float32.buffer);
/** Postings of one word are numbered below this (2^21): a key of float32 bits × 2^21 stays an exact integer. */
const listingSpan = 2 ** 21;
/** Query results kept per index version (repeated searches, and the next pages of one). */
const cachedQueries = 64;

/**
 * What MiniSearch holds internally. Its public API reads postings only through `toJSON`, which copies every
 * posting into objects; this reads them in place, once per index version. Pinned minisearch (7.2.0); the
 * property test against MiniSearch's own `search` fails if a new version changes these.
 */
interface MiniSearchInternals {
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  /** Discarded documents whose postings are still in `_index` (until MiniSearch vacuums them). */
  _dirtCount: number;
}

/** One vocabulary word a query word stands for (itself, a longer word it starts, a word one typo away). */
interface Expansion {
  term: number;
  weight: number;
}

/** Work one page took: listings scored and postings read (what must not grow with a word's frequency). */
export interface SearchWork {
  scored: number;
  postings: number;
  /** The query's matches and ranking came from the per-version cache. */
  cached: boolean;
}

export interface RankedPage {
  hits: IndexHit[];
  cursor: string | null;
  total: number;
  matchedAllTerms: boolean;
  work: SearchWork;
}

/** A query's matches under the filters, and (once asked for) its relevance order. */
interface QueryResult {
  plan: Expansion[][];
  /** For each query word, the index of its first occurrence (a repeated word counts once in MiniSearch's quality). */
  distinct: number[];
  match: Bitset;
  total: number;
  matchedAllTerms: boolean;
  ranking?: { top: Int32Array; scores: Float64Array; exact: boolean; members: Bitset };
}

type Filter = Pick<SearchCriteria, "type" | "sector" | "skill" | "commune" | "industrialPark" | "paid">;

/**
 * An immutable view of one version of the MiniSearch index, built to answer a page in bounded work:
 * listings numbered newest first; per word, postings ordered by impact (its BM25 contribution with field boosts,
 * as MiniSearch computes it) and, for frequent words, a bitset; per listing, its words and impacts. A query
 * counts and filters with bitsets (one operation per 32 listings), then scores at most `scoreBudget` listings.
 * @example RankedIndex.build(mini).page({ q: "ky thuat", deadlineAhead: true, verifiedOnly: false }, "relevance", { limit: 20, today: "2026-12-07" })
 */
export class RankedIndex {
  private readonly filterCache = new Map<string, Bitset>();
  private readonly queryCache = new Map<string, QueryResult>();
  private deadlineOrder: { perm: Int32Array; rank: Int32Array } | undefined;
  private everyListing: Bitset | undefined;
  private readonly impactOrder = new Map<number, Int32Array>();

  private constructor(
    private readonly ids: string[],
    private readonly fields: StoredSearchFields[],
    private readonly termIds: SearchableMap<number>,
    private readonly postStart: Int32Array,
    private readonly postDoc: Int32Array,
    private readonly postImpact: Float64Array,
    private readonly termBits: Array<Bitset | undefined>,
    private readonly fwdStart: Int32Array,
    private readonly fwdTerm: Int32Array,
    private readonly fwdImpact: Float64Array,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  /** Reads one version of a MiniSearch index (documents and postings; discarded documents are left out). */
  static build(mini: MiniSearch<SearchDocument>): RankedIndex {
    const m = mini as unknown as MiniSearchInternals;
    const docs = [...m._documentIds].map(([short, id]) => ({
      short,
      id,
      fields: m._storedFields.get(short) as StoredSearchFields,
    }));
    // Newest first, then id: the feed's order, so "newest" pages are bit order and ties in score break the same way.
    docs.sort((a, b) =>
      a.fields.sortAt !== b.fields.sortAt
        ? a.fields.sortAt < b.fields.sortAt
          ? 1
          : -1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
    );
    const n = docs.length;
    // MiniSearch's short ids are small integers: a table maps them to listing numbers (-1: discarded, or a
    // discarded listing's id above every live one).
    let maxShort = 0;
    for (const doc of docs) maxShort = Math.max(maxShort, doc.short);
    const numOf = new Int32Array(maxShort + 1).fill(-1);
    for (const [i, doc] of docs.entries()) numOf[doc.short] = i;
    const listingOf = (short: number) => (short < numOf.length ? numOf[short]! : -1);
    const fieldCount = textFields.length;
    const fieldIds = textFields.map((f) => m._fieldIds[f]!);
    const boosts = textFields.map((f) => fieldBoosts[f]);
    const averages = fieldIds.map((id) => m._avgFieldLength[id] ?? 0);
    const lengths = new Float64Array(n * fieldCount);
    for (const [i, doc] of docs.entries()) {
      const own = m._fieldLength.get(doc.short) ?? [];
      for (let f = 0; f < fieldCount; f++) lengths[i * fieldCount + f] = own[fieldIds[f]!] ?? 0;
    }

    const termIds = new SearchableMap<number>();
    const postStart: number[] = [0];
    // Sized once from the postings per field (an upper bound on a word's listings): no growth, no copies, less
    // garbage per version for the collector to pause on later.
    let bound = 0;
    for (const [, byField] of m._index) for (const freqs of byField.values()) bound += freqs.size;
    const postDoc = new Int32Array(bound);
    const postImpact = new Float64Array(bound);
    let size = 0;
    const termBits: Array<Bitset | undefined> = [];
    const scratch = new Float64Array(n);
    const touched = new Int32Array(n);
    for (const [term, byField] of m._index) {
      let count = 0;
      for (let f = 0; f < fieldCount; f++) {
        const freqs = byField.get(fieldIds[f]!);
        if (!freqs) continue;
        // Postings of discarded listings do not count (MiniSearch drops them as it meets them); with none, all do.
        let df = freqs.size;
        if (m._dirtCount > 0) {
          df = 0;
          freqs.forEach((_, short) => {
            if (listingOf(short) >= 0) df++;
          });
        }
        if (df === 0) continue;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const average = averages[f]!;
        const boost = boosts[f]!;
        freqs.forEach((tf, short) => {
          const d = listingOf(short);
          if (d < 0) return;
          const norm = bm25.k * (1 - bm25.b + (bm25.b * lengths[d * fieldCount + f]!) / average);
          if (scratch[d] === 0) touched[count++] = d;
          scratch[d]! += boost * idf * (bm25.d + (tf * (bm25.k + 1)) / (tf + norm));
        });
      }
      if (count === 0) continue;
      termIds.set(term, termBits.length);
      // Postings in listing order here; a word's impact order is sorted when a query first needs it.
      const own = touched.subarray(0, count).sort();
      let bits: Bitset | undefined;
      // A bitset costs n/32 words; below that many postings the postings themselves are the cheaper set.
      if (count >= n >>> 5) bits = newBitset(n);
      for (const d of own) {
        postDoc[size] = d;
        postImpact[size++] = scratch[d]!;
        if (bits) setBit(bits, d);
        scratch[d] = 0;
      }
      termBits.push(bits);
      postStart.push(size);
    }

    // Per listing, its words in word-number order with their impacts: scoring a candidate reads only these.
    const fwdStart = new Int32Array(n + 1);
    for (let p = 0; p < size; p++) fwdStart[postDoc[p]! + 1]!++;
    for (let d = 0; d < n; d++) fwdStart[d + 1]! += fwdStart[d]!;
    const fill = fwdStart.slice(0, n);
    const fwdTerm = new Int32Array(size);
    const fwdImpact = new Float64Array(size);
    for (let t = 0; t < termBits.length; t++) {
      for (let p = postStart[t]!; p < postStart[t + 1]!; p++) {
        const at = fill[postDoc[p]!]!++;
        fwdTerm[at] = t;
        fwdImpact[at] = postImpact[p]!;
      }
    }
    return new RankedIndex(
      docs.map((d) => d.id),
      docs.map((d) => d.fields),
      termIds,
      Int32Array.from(postStart),
      postDoc.slice(0, size),
      postImpact.slice(0, size),
      termBits,
      fwdStart,
      fwdTerm,
      fwdImpact,
    );
  }

  /**
   * A word's postings (their positions) in impact order, strongest first, ties by listing number; sorted on first
   * use per version. The order only chooses candidates, so impacts compare at float32 precision: each posting is one
   * integer key (inverted float32 bits, then the listing number), sorted natively rather than by a comparator.
   */
  private byImpact(term: number): Int32Array {
    let order = this.impactOrder.get(term);
    if (!order) {
      const from = this.postStart[term]!;
      const count = this.postStart[term + 1]! - from;
      const keys = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        float32[0] = this.postImpact[from + i]!;
        keys[i] = (0x7fffffff - float32Bits[0]!) * listingSpan + i;
      }
      keys.sort();
      order = new Int32Array(count);
      for (let i = 0; i < count; i++) order[i] = from + (keys[i]! % listingSpan);
      this.impactOrder.set(term, order);
    }
    return order;
  }

  /**
   * One page in the given order after `cursor` (throws InvalidCursorError for a cursor this index did not write).
   * `terms` are the folded query words; with none, every listing passing the filters matches with score 1.
   */
  page(
    terms: string[],
    criteria: SearchCriteria,
    sort: SearchSort,
    options: { limit: number; today: string; cursor?: string | undefined; scoreBudget?: number },
  ): RankedPage {
    const work: SearchWork = { scored: 0, postings: 0, cached: true };
    const result = this.query(terms, criteria, options.today, work);
    const after = options.cursor ? decodeCursor(options.cursor, sort) : undefined;
    const want = options.limit + 1;
    let picked: Array<{ doc: number; rank: number }>;
    if (sort === "relevance" && terms.length > 0) {
      picked = this.byRelevance(result, after, want, options.scoreBudget ?? defaultScoreBudget, work);
    } else if (sort === "deadline") {
      picked = this.byDeadline(result, after, want);
    } else {
      // Newest first; without words, "relevance" is the same order (every score is 1, as MiniSearch's wildcard).
      picked = this.byNewest(result.match, after, want, sort === "relevance" ? 1 : undefined);
    }
    const more = picked.length > options.limit;
    const shown = picked.slice(0, options.limit);
    const score = terms.length > 0 ? this.scorer(result) : () => 1;
    const hits = shown.map(({ doc, rank }) => {
      let value = rank;
      if (sort !== "relevance" || rank === 0) {
        value = score(doc);
        if (terms.length > 0) work.scored++;
      }
      return { id: this.ids[doc]!, score: value, fields: this.fields[doc]! };
    });
    const last = shown.at(-1);
    const cursor = more && last ? encodeCursor(sort, this.keyOf(sort, last.doc, last.rank)) : null;
    return { hits, cursor, total: result.total, matchedAllTerms: result.matchedAllTerms, work };
  }

  private keyOf(sort: SearchSort, doc: number, rank: number): Array<string | number> {
    const fields = this.fields[doc]!;
    if (sort === "relevance") return [rank, fields.sortAt, this.ids[doc]!];
    if (sort === "newest") return [fields.sortAt, this.ids[doc]!];
    return [fields.deadline, this.ids[doc]!];
  }

  /** The query's matches, from the per-version cache or computed (bitsets only: no listing is scored here). */
  private query(terms: string[], criteria: SearchCriteria, today: string, work: SearchWork): QueryResult {
    const filters = this.filterKeys(criteria);
    const deadlineAhead = criteria.deadlineAhead !== false;
    const key = JSON.stringify([terms, filters, deadlineAhead ? today : null, criteria.verifiedOnly === true]);
    const hit = this.queryCache.get(key);
    if (hit) {
      // Most recently used last, so the oldest entry is the first one evicted.
      this.queryCache.delete(key);
      this.queryCache.set(key, hit);
      return hit;
    }
    work.cached = false;
    const filter = this.filterBits(filters, deadlineAhead ? today : undefined, criteria.verifiedOnly === true);
    const plan = terms.map((t) => this.expansions(t));
    const distinct = terms.map((t) => terms.indexOf(t));
    let match: Bitset;
    let matchedAllTerms = true;
    if (plan.length === 0) {
      match = filter.slice();
    } else {
      const perWord = plan.map((expansions) => this.matchOf(expansions, work));
      match = perWord[0]!.slice();
      for (const bits of perWord.slice(1)) andInto(match, bits);
      andInto(match, filter);
      // As MiniSearch with combineWith OR: when no listing has every word, listings with any of them.
      if (plan.length > 1 && popcount(match) === 0) {
        match = perWord[0]!.slice();
        for (const bits of perWord.slice(1)) orInto(match, bits);
        andInto(match, filter);
        matchedAllTerms = false;
      }
    }
    const result: QueryResult = { plan, distinct, match, total: popcount(match), matchedAllTerms };
    this.queryCache.set(key, result);
    if (this.queryCache.size > cachedQueries) this.queryCache.delete(this.queryCache.keys().next().value!);
    return result;
  }

  /** The vocabulary words a query word matches, with MiniSearch's weights (exact, then prefix, then one typo). */
  private expansions(word: string): Expansion[] {
    const out: Expansion[] = [];
    const exact = this.termIds.get(word);
    if (exact !== undefined) out.push({ term: exact, weight: 1 });
    const prefixed = new Set<string>();
    if (prefixMatches(word)) {
      for (const [term, id] of this.termIds.atPrefix(word)) {
        const distance = term.length - word.length;
        if (distance === 0) continue;
        prefixed.add(term);
        out.push({ term: id, weight: (prefixWeight * term.length) / (term.length + 0.3 * distance) });
      }
    }
    const typos = typoAllowance(word);
    if (typos) {
      for (const [term, [id, distance]] of this.termIds.fuzzyGet(word, typos)) {
        if (distance === 0 || prefixed.has(term)) continue;
        out.push({ term: id, weight: (fuzzyWeight * term.length) / (term.length + distance) });
      }
    }
    return out;
  }

  /** Listings containing any of the expansions: a word's bitset, or its postings when it has few. */
  private matchOf(expansions: Expansion[], work: SearchWork): Bitset {
    const bits = newBitset(this.size);
    for (const { term } of expansions) {
      const own = this.termBits[term];
      if (own) {
        orInto(bits, own);
        continue;
      }
      for (let p = this.postStart[term]!; p < this.postStart[term + 1]!; p++) setBit(bits, this.postDoc[p]!);
      work.postings += this.postStart[term + 1]! - this.postStart[term]!;
    }
    return bits;
  }

  private filterKeys(criteria: SearchCriteria): string[] {
    const keys: string[] = [];
    const { type, sector, skill, commune, industrialPark, paid } = criteria;
    if (type) keys.push(JSON.stringify({ type }));
    if (sector) keys.push(JSON.stringify({ sector }));
    if (skill) keys.push(JSON.stringify({ skill }));
    if (commune) keys.push(JSON.stringify({ commune }));
    if (industrialPark) keys.push(JSON.stringify({ industrialPark }));
    if (paid !== undefined) keys.push(JSON.stringify({ paid }));
    return keys;
  }

  /**
   * Listings passing the filters: one bitset per filter value (built once per index version with the same
   * `passesFilters` the reference path uses), intersected per request.
   */
  private filterBits(filterKeys: string[], deadlineFrom: string | undefined, verifiedOnly: boolean): Bitset {
    const base = { deadlineAhead: false, verifiedOnly: false } as const;
    const parts: Array<[string, SearchCriteria]> = filterKeys.map((key) => [
      key,
      { ...base, ...(JSON.parse(key) as Filter) },
    ]);
    if (deadlineFrom) parts.push([`deadline:${deadlineFrom}`, { ...base, deadlineAhead: true }]);
    if (verifiedOnly) parts.push(["verified", { ...base, verifiedOnly: true }]);
    const out = this.all().slice();
    for (const [key, criteria] of parts) {
      let bits = this.filterCache.get(key);
      if (!bits) {
        bits = newBitset(this.size);
        for (let d = 0; d < this.size; d++) {
          if (passesFilters(this.fields[d]!, criteria, deadlineFrom ?? "")) setBit(bits, d);
        }
        // Filter values are catalogue entries and days: bounded, but a long-lived index must not grow forever.
        if (this.filterCache.size >= 512) this.filterCache.clear();
        this.filterCache.set(key, bits);
      }
      andInto(out, bits);
    }
    return out;
  }

  private all(): Bitset {
    if (!this.everyListing) {
      this.everyListing = newBitset(this.size);
      for (let d = 0; d < this.size; d++) setBit(this.everyListing, d);
    }
    return this.everyListing;
  }

  /**
   * MiniSearch's score of one listing for the query: per word, the weighted impacts of its expansions the listing
   * contains; summed, times the number of distinct words matched ("quality").
   */
  private scorer(result: QueryResult): (doc: number) => number {
    // Per vocabulary word, the first of its (query word, weight) entries in a flat list: a typed-array lookup per
    // word of the listing, as scoring reads every word of up to `scoreBudget` listings.
    const first = new Int32Array(this.termBits.length).fill(-1);
    const next: number[] = [];
    const wordOf: number[] = [];
    const weightOf: number[] = [];
    for (const [q, expansions] of result.plan.entries()) {
      for (const { term, weight } of expansions) {
        next.push(first[term]!);
        first[term] = wordOf.length;
        wordOf.push(q);
        weightOf.push(weight);
      }
    }
    const perWord = new Float64Array(result.plan.length);
    return (doc) => {
      perWord.fill(0);
      for (let p = this.fwdStart[doc]!; p < this.fwdStart[doc + 1]!; p++) {
        for (let e = first[this.fwdTerm[p]!]!; e !== -1; e = next[e]!) {
          perWord[wordOf[e]!]! += weightOf[e]! * this.fwdImpact[p]!;
        }
      }
      let raw = 0;
      let quality = 0;
      for (let q = 0; q < perWord.length; q++) {
        if (perWord[q]! === 0) continue;
        raw += perWord[q]!;
        if (result.distinct[q] === q) quality++;
      }
      return raw * quality;
    };
  }

  /**
   * The relevance order: exact when the matches fit the budget; otherwise the budget's worth of candidates read
   * from the expansions' postings, strongest weighted impact first (a merge over impact-ordered lists), ranked
   * exactly, then every other match newest first with rank 0. Depends only on the query, filters and version, so
   * keyset pages over it neither repeat nor skip a match.
   */
  private ranking(result: QueryResult, budget: number, work: SearchWork) {
    if (result.ranking) return result.ranking;
    work.cached = false;
    const score = this.scorer(result);
    let candidates: number[] = [];
    const exact = result.total <= budget;
    if (exact) {
      forEachBit(result.match, 0, (d) => {
        candidates.push(d);
        return true;
      });
    } else {
      candidates = this.strongest(result, budget, work);
    }
    const scored = candidates.map((d) => ({ d, s: score(d) }));
    work.scored += scored.length;
    scored.sort((a, b) => b.s - a.s || a.d - b.d);
    const members = newBitset(this.size);
    for (const { d } of scored) setBit(members, d);
    result.ranking = {
      top: Int32Array.from(scored, (x) => x.d),
      scores: Float64Array.from(scored, (x) => x.s),
      exact,
      members,
    };
    return result.ranking;
  }

  /** Up to `budget` matching listings met first in a merge of the expansions' postings by weighted impact. */
  private strongest(result: QueryResult, budget: number, work: SearchWork): number[] {
    const weights = new Map<number, number>();
    for (const expansions of result.plan) {
      for (const { term, weight } of expansions) weights.set(term, (weights.get(term) ?? 0) + weight);
    }
    const lists = [...weights].map(([term, weight]) => ({ order: this.byImpact(term), at: 0, weight }));
    const head = (i: number) => lists[i]!.weight * this.postImpact[lists[i]!.order[lists[i]!.at]!]!;
    // A binary max-heap of list indices by their head's weighted impact (ties: lower index first, deterministic).
    const heap = lists.map((_, i) => i);
    const before = (a: number, b: number) => head(a) > head(b) || (head(a) === head(b) && a < b);
    const down = (at: number) => {
      for (;;) {
        const l = 2 * at + 1;
        const r = l + 1;
        let best = at;
        if (l < heap.length && before(heap[l]!, heap[best]!)) best = l;
        if (r < heap.length && before(heap[r]!, heap[best]!)) best = r;
        if (best === at) return;
        [heap[at], heap[best]] = [heap[best]!, heap[at]!];
        at = best;
      }
    };
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
    const seen = newBitset(this.size);
    const out: number[] = [];
    const maxPostings = budget * postingsPerCandidate;
    let read = 0;
    while (heap.length > 0 && out.length < budget && read < maxPostings) {
      const list = lists[heap[0]!]!;
      const d = this.postDoc[list.order[list.at]!]!;
      read++;
      if (!hasBit(seen, d)) {
        setBit(seen, d);
        if (hasBit(result.match, d)) out.push(d);
      }
      list.at++;
      if (list.at === list.order.length) {
        heap[0] = heap.at(-1)!;
        heap.pop();
      }
      down(0);
    }
    work.postings += read;
    return out;
  }

  private byRelevance(
    result: QueryResult,
    after: Array<string | number> | undefined,
    want: number,
    budget: number,
    work: SearchWork,
  ): Array<{ doc: number; rank: number }> {
    const { top, scores, exact, members } = this.ranking(result, budget, work);
    const out: Array<{ doc: number; rank: number }> = [];
    let i = 0;
    if (after) {
      const [score, sortAt, id] = after as [number, string, string];
      // Sorted by (score desc, listing number asc): skip what is at or before the cursor.
      while (i < top.length && !this.relevanceAfter(scores[i]!, top[i]!, score, sortAt, id)) i++;
    }
    for (; i < top.length && out.length < want; i++) out.push({ doc: top[i]!, rank: scores[i]! });
    if (exact || out.length >= want) return out;
    // The matches outside the candidates, newest first, with rank 0 (after every candidate).
    const from = after && after[0] === 0 ? this.newestAfter(after[1] as string, after[2] as string) : 0;
    forEachBit(result.match, from, (d) => {
      if (!hasBit(members, d)) out.push({ doc: d, rank: 0 });
      return out.length < want;
    });
    return out;
  }

  private relevanceAfter(score: number, doc: number, cScore: number, cSortAt: string, cId: string): boolean {
    if (score !== cScore) return score < cScore;
    const fields = this.fields[doc]!;
    if (fields.sortAt !== cSortAt) return fields.sortAt < cSortAt;
    return this.ids[doc]! > cId;
  }

  /** The first listing number after (sortAt, id) in newest-first order (a removed listing's key works too). */
  private newestAfter(sortAt: string, id: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const f = this.fields[mid]!;
      const isAfter = f.sortAt < sortAt || (f.sortAt === sortAt && this.ids[mid]! > id);
      if (isAfter) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private byNewest(
    match: Bitset,
    after: Array<string | number> | undefined,
    want: number,
    rank: number | undefined,
  ): Array<{ doc: number; rank: number }> {
    let from = 0;
    if (after) {
      // With words absent, a "relevance" cursor is [1, sortAt, id]; a "newest" one is [sortAt, id].
      const [sortAt, id] = (rank === undefined ? after : after.slice(1)) as [string, string];
      from = this.newestAfter(sortAt, id);
    }
    const out: Array<{ doc: number; rank: number }> = [];
    forEachBit(match, from, (d) => {
      out.push({ doc: d, rank: rank ?? 0 });
      return out.length < want;
    });
    return out;
  }

  private byDeadline(
    result: QueryResult,
    after: Array<string | number> | undefined,
    want: number,
  ): Array<{ doc: number; rank: number }> {
    const { perm, rank } = this.deadlines();
    let from = 0;
    if (after) {
      const [deadline, id] = after as [string, string];
      let lo = 0;
      let hi = perm.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const f = this.fields[perm[mid]!]!;
        const isAfter = f.deadline > deadline || (f.deadline === deadline && this.ids[perm[mid]!]! > id);
        if (isAfter) hi = mid;
        else lo = mid + 1;
      }
      from = lo;
    }
    const out: Array<{ doc: number; rank: number }> = [];
    // Few matches: sort them by deadline rank; many: walk the deadline order, where matches are dense.
    if (result.total <= 4 * defaultScoreBudget) {
      const docs: number[] = [];
      forEachBit(result.match, 0, (d) => {
        if (rank[d]! >= from) docs.push(d);
        return true;
      });
      docs.sort((a, b) => rank[a]! - rank[b]!);
      for (const d of docs.slice(0, want)) out.push({ doc: d, rank: 0 });
      return out;
    }
    for (let i = from; i < perm.length && out.length < want; i++) {
      if (hasBit(result.match, perm[i]!)) out.push({ doc: perm[i]!, rank: 0 });
    }
    return out;
  }

  private deadlines(): { perm: Int32Array; rank: Int32Array } {
    if (!this.deadlineOrder) {
      // Soonest deadline, then id: one integer key per listing (YYYYMMDD × 2^21 + the id's rank), sorted natively.
      const numberOf = new Map(this.ids.map((id, d) => [id, d]));
      const byId = [...this.ids].sort().map((id) => numberOf.get(id)!);
      const keys = new Float64Array(this.size);
      for (let i = 0; i < byId.length; i++) {
        const d = byId[i]!;
        keys[i] = Number(this.fields[d]!.deadline.replaceAll("-", "")) * listingSpan + i;
      }
      keys.sort();
      const perm = new Int32Array(this.size);
      const rank = new Int32Array(this.size);
      for (let i = 0; i < keys.length; i++) {
        const d = byId[keys[i]! % listingSpan]!;
        perm[i] = d;
        rank[d] = i;
      }
      this.deadlineOrder = { perm, rank };
    }
    return this.deadlineOrder;
  }
}
