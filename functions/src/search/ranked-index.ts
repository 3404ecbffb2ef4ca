import type { SearchCriteria, SearchSort } from "@ketnoi/core";
import type MiniSearch from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import {
  andInto,
  type Bitset,
  clearBit,
  forEachBit,
  grownBitset,
  hasBit,
  newBitset,
  orInto,
  popcount,
  setBit,
} from "./bitset";
import { fieldBoosts, type SearchDocument, type StoredSearchFields, textFields } from "./document";
import { insertPosting, type ListingWords, newPostings, type Postings, signatureOf } from "./postings";
import { decodeCursor, encodeCursor, type IndexHit, passesFilters } from "./query";
import { SortedSlots } from "./sorted-slots";

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
/** Query results kept until the next change (repeated searches, and the next pages of one). */
const cachedQueries = 64;

/**
 * What MiniSearch holds internally. Its public API reads postings only through `toJSON`, which copies every
 * posting into objects; this reads them in place. Pinned minisearch (7.2.0); the property test against MiniSearch's
 * own `search` fails if a new version changes these.
 */
interface MiniSearchInternals {
  _index: SearchableMap<Map<number, Map<number, number>>>;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  /** Kept current by MiniSearch on every add and discard; read at query time, never copied. */
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
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
  /** The query's matches and ranking came from the cache (kept until the next change). */
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

const fieldCount = textFields.length;
const boosts = textFields.map((f) => fieldBoosts[f]);

/**
 * A view of the live MiniSearch index that answers a page in bounded work, kept current change by change:
 * `add`/`remove` patch it in work proportional to the listing's words (docs/search.md "Bounded work per query").
 * Listings sit in stable slots; per word, its postings with term frequencies (not impacts: every BM25 impact moves
 * with the listing count and the average field lengths, so impacts are computed when read, from MiniSearch's
 * current statistics) and, for frequent words, a bitset; per listing, its words. A query counts and filters with
 * bitsets (one operation per 32 listings), then scores at most `scoreBudget` listings. Every order it gives ends on
 * the listing's content (newest first, then id), never on a slot number, so the view answers exactly as one built
 * from scratch over the same listings (property-tested in ranked-index.test.ts).
 * @example RankedIndex.build(mini, tokenize).page(["ky", "thuat"], { deadlineAhead: true, verifiedOnly: false }, "relevance", { limit: 20, today: "2026-12-07" })
 */
export class RankedIndex {
  private readonly ids: Array<string | undefined> = [];
  private readonly fields: Array<StoredSearchFields | undefined> = [];
  private readonly words: Array<ListingWords | undefined> = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  /** Listings held (MiniSearch's document count). */
  private live = 0;
  /** Slots the bitsets and per-slot arrays have room for (a multiple of 32). */
  private capacity = 0;
  private lengths = new Float64Array(0);
  private everyListing: Bitset = newBitset(0);
  private readonly termIds = new SearchableMap<number>();
  private readonly names: string[] = [];
  private readonly postings: Array<Postings | undefined> = [];
  private readonly freeTerms: number[] = [];
  private readonly newest: SortedSlots;
  private deadlineOrder: SortedSlots | undefined;
  /** Per filter value, its listings: patched on every change (a listing's fields decide its bit alone). */
  private readonly filterCache = new Map<string, { criteria: SearchCriteria; today: string; bits: Bitset }>();
  // What depends on every listing's impact or on the query's matches: dropped on every change.
  private readonly queryCache = new Map<string, QueryResult>();
  private readonly impactOrder = new Map<number, { order: Int32Array; impact: Float64Array }>();
  private readonly fieldIds: number[];

  private constructor(
    private readonly mini: MiniSearchInternals,
    private readonly tokenizeText: (text: string) => string[],
  ) {
    this.fieldIds = textFields.map((f) => mini._fieldIds[f]!);
    // Newest first, then id: the feed's order; ties in score break the same way.
    this.newest = new SortedSlots((a, b) => {
      const x = this.fields[a]!.sortAt;
      const y = this.fields[b]!.sortAt;
      return x !== y ? x > y : this.ids[a]! < this.ids[b]!;
    });
  }

  /** Listings in the view. */
  get size(): number {
    return this.live;
  }

  /**
   * A view of a MiniSearch index as it is now (discarded documents left out), built from its postings in two passes
   * over the vocabulary (0.8–5.5 s at province scale on the shared bench machine), once per loaded index;
   * `add`/`remove` keep it current after that.
   * `tokenizeText` must be the index's tokenizer (added listings are read word by word).
   */
  static build(mini: MiniSearch<SearchDocument>, tokenizeText: (text: string) => string[]): RankedIndex {
    const m = mini as unknown as MiniSearchInternals;
    const view = new RankedIndex(m, tokenizeText);
    const n = m._documentIds.size;
    view.grow(n);
    let maxShort = 0;
    for (const short of m._documentIds.keys()) maxShort = Math.max(maxShort, short);
    // MiniSearch's short ids are small integers: a table maps them to slots (-1: discarded).
    const slotOfShort = new Int32Array(maxShort + 1).fill(-1);
    const slots: number[] = [];
    for (const [short, id] of m._documentIds) {
      const slot = view.ids.length;
      slotOfShort[short] = slot;
      view.place(slot, id, short);
      slots.push(slot);
    }
    const slotOf = (short: number) => (short < slotOfShort.length ? slotOfShort[short]! : -1);
    // Pass 1: words and cells per listing, so each listing's arrays are allocated once at their size.
    const termCount = new Int32Array(n);
    const cellCount = new Int32Array(n);
    const lastTerm = new Int32Array(n).fill(-1);
    let termIndex = 0;
    for (const [, byField] of m._index) {
      for (const fieldId of view.fieldIds) {
        byField.get(fieldId)?.forEach((_, short) => {
          const d = slotOf(short);
          if (d < 0) return;
          cellCount[d]!++;
          if (lastTerm[d] !== termIndex) {
            lastTerm[d] = termIndex;
            termCount[d]!++;
          }
        });
      }
      termIndex++;
    }
    for (let d = 0; d < n; d++) {
      const cellStart = new Int32Array(termCount[d]! + 1);
      cellStart[termCount[d]!] = cellCount[d]!;
      view.words[d] = {
        terms: new Int32Array(termCount[d]!),
        cellStart,
        cells: new Int32Array(cellCount[d]!),
      };
    }
    // Pass 2: each listing's words (a word's cells are contiguous: the walk is word by word) and the words'
    // document frequencies.
    const termFill = new Int32Array(n);
    const cellFill = new Int32Array(n);
    const listings: number[] = [];
    lastTerm.fill(-1);
    for (const [term, byField] of m._index) {
      let count = 0;
      const post = newPostings(0, fieldCount);
      const t = view.names.length;
      for (let f = 0; f < fieldCount; f++) {
        byField.get(view.fieldIds[f]!)?.forEach((tf, short) => {
          const d = slotOf(short);
          if (d < 0) return;
          const own = view.words[d]!;
          if (lastTerm[d] !== t) {
            lastTerm[d] = t;
            const entry = termFill[d]!++;
            own.terms[entry] = t;
            own.cellStart[entry] = cellFill[d]!;
            count++;
          }
          own.cells[cellFill[d]!++] = tf * 8 + f;
          post.docFreq[f]!++;
        });
      }
      if (count === 0) continue;
      view.names.push(term);
      view.postings.push(post);
      listings.push(count);
      view.termIds.set(term, t);
    }
    for (const [t, count] of listings.entries()) {
      const post = view.postings[t]!;
      post.slot = new Int32Array(count);
      post.sig = new Int32Array(count);
    }
    view.live = n;
    for (const slot of slots) setBit(view.everyListing, slot);
    view.newest.insertAll(slots);
    // Postings oldest first: appended walking the listings from the oldest.
    for (let i = view.newest.length - 1; i >= 0; i--) {
      const slot = view.newest.at(i);
      const own = view.words[slot]!;
      for (let e = 0; e < own.terms.length; e++) {
        const post = view.postings[own.terms[e]!]!;
        const sig = signatureOf(
          post,
          own.cells,
          own.cellStart[e]!,
          own.cellStart[e + 1]!,
          view.lengths,
          slot * fieldCount,
        );
        post.slot[post.count] = slot;
        post.sig[post.count++] = sig;
      }
    }
    for (const post of view.postings) view.maybeBitset(post!);
    return view;
  }

  /** Adds a listing MiniSearch has just added (its field lengths and term frequencies are read from MiniSearch). */
  add(doc: SearchDocument): void {
    const short = this.mini._idToShortId.get(doc.id);
    if (short === undefined || this.slotOf.has(doc.id)) throw new Error(`listing ${doc.id}: not added as expected`);
    const slot = this.freeSlots.pop() ?? this.ids.length;
    if (slot >= this.capacity) this.grow(slot + 1);
    this.place(slot, doc.id, short);
    // Per word, its cells in field order: the same term frequencies MiniSearch recorded for this document.
    const cellsOf = new Map<string, number[]>();
    for (let f = 0; f < fieldCount; f++) {
      for (const term of new Set(this.tokenizeText(doc[textFields[f]!]))) {
        const tf = this.mini._index.get(term)?.get(this.fieldIds[f]!)?.get(short);
        if (tf === undefined) throw new Error(`listing ${doc.id}: "${term}" not in MiniSearch's postings`);
        const cells = cellsOf.get(term);
        if (cells) cells.push(tf * 8 + f);
        else cellsOf.set(term, [tf * 8 + f]);
      }
    }
    const count = cellsOf.size;
    const own: ListingWords = {
      terms: new Int32Array(count),
      cellStart: new Int32Array(count + 1),
      cells: new Int32Array([...cellsOf.values()].reduce((sum, cells) => sum + cells.length, 0)),
    };
    this.words[slot] = own;
    let entry = 0;
    let cell = 0;
    for (const [term, cells] of cellsOf) {
      const t = this.termOf(term);
      const post = this.postings[t]!;
      own.terms[entry] = t;
      own.cellStart[entry] = cell;
      for (const value of cells) {
        own.cells[cell++] = value;
        post.docFreq[value & 7]!++;
      }
      const sig = signatureOf(post, own.cells, own.cellStart[entry]!, cell, this.lengths, slot * fieldCount);
      // Its place oldest first (a listing published now: the end, nothing moves).
      insertPosting(post, this.postingAt(post, slot), slot, sig);
      if (post.bits) setBit(post.bits, slot);
      else this.maybeBitset(post);
      entry++;
    }
    own.cellStart[count] = cell;
    this.live++;
    setBit(this.everyListing, slot);
    for (const { criteria, today, bits } of this.filterCache.values()) {
      if (passesFilters(this.fields[slot]!, criteria, today)) setBit(bits, slot);
    }
    this.newest.insert(slot);
    this.deadlineOrder?.insert(slot);
    this.changed();
  }

  /** Removes a listing (MiniSearch discarded it, or is about to replace it); unknown ids are ignored. */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const own = this.words[slot]!;
    for (let i = 0; i < own.terms.length; i++) {
      const t = own.terms[i]!;
      const post = this.postings[t]!;
      const at = this.postingAt(post, slot);
      if (post.slot[at] !== slot) throw new Error(`listing ${id}: not in the postings of "${this.names[t]}"`);
      post.slot.copyWithin(at, at + 1, post.count);
      post.sig.copyWithin(at, at + 1, post.count);
      post.count--;
      for (let c = own.cellStart[i]!; c < own.cellStart[i + 1]!; c++) post.docFreq[own.cells[c]! & 7]!--;
      if (post.bits) clearBit(post.bits, slot);
      if (post.count === 0) this.dropTerm(t);
    }
    // The orders read the listing's fields to find it: before they are cleared.
    this.newest.remove(slot);
    this.deadlineOrder?.remove(slot);
    clearBit(this.everyListing, slot);
    for (const { bits } of this.filterCache.values()) clearBit(bits, slot);
    this.ids[slot] = undefined;
    this.fields[slot] = undefined;
    this.words[slot] = undefined;
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
    this.live--;
    this.changed();
  }

  /**
   * Where a listing is or belongs in a word's postings (oldest first): the first posting not older than it. Reads
   * the listings' fields, so a removal asks while the listing still holds them.
   */
  private postingAt(post: Postings, slot: number): number {
    let lo = 0;
    let hi = post.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (post.slot[mid] !== slot && this.newer(post.slot[mid]!, slot) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Every cached query and impact order: each listing's impact moves with the listing count and field lengths. */
  private changed(): void {
    this.queryCache.clear();
    this.impactOrder.clear();
  }

  private place(slot: number, id: string, short: number): void {
    this.ids[slot] = id;
    this.fields[slot] = this.mini._storedFields.get(short) as StoredSearchFields;
    this.slotOf.set(id, slot);
    const own = this.mini._fieldLength.get(short) ?? [];
    for (let f = 0; f < fieldCount; f++) this.lengths[slot * fieldCount + f] = own[this.fieldIds[f]!] ?? 0;
  }

  /** Room for `slots` slots: per-slot arrays and every bitset grow (doubling, so growth is rare). */
  private grow(slots: number): void {
    const capacity = Math.max(64, this.capacity * 2, (slots + 31) & ~31);
    const lengths = new Float64Array(capacity * fieldCount);
    lengths.set(this.lengths);
    this.lengths = lengths;
    this.everyListing = grownBitset(this.everyListing, capacity);
    for (const post of this.postings) if (post?.bits) post.bits = grownBitset(post.bits, capacity);
    for (const filter of this.filterCache.values()) filter.bits = grownBitset(filter.bits, capacity);
    this.capacity = capacity;
    this.changed();
  }

  /** A word's number, given one when new. */
  private termOf(term: string): number {
    const known = this.termIds.get(term);
    if (known !== undefined) return known;
    const t = this.freeTerms.pop() ?? this.names.length;
    this.names[t] = term;
    this.postings[t] = newPostings(4, fieldCount);
    this.termIds.set(term, t);
    return t;
  }

  /** A word no listing holds any more leaves the vocabulary (prefix and typo expansions must not meet it). */
  private dropTerm(t: number): void {
    this.termIds.delete(this.names[t]!);
    this.postings[t] = undefined;
    this.names[t] = "";
    this.freeTerms.push(t);
  }

  /** A bitset costs capacity/32 words; below that many postings the postings themselves are the cheaper set. */
  private maybeBitset(post: Postings): void {
    if (post.bits || post.count < this.capacity >>> 5) return;
    post.bits = newBitset(this.capacity);
    for (let p = 0; p < post.count; p++) setBit(post.bits, post.slot[p]!);
  }

  /** A word's inverse document frequency per field, as MiniSearch computes it now (from the listings held). */
  private idfOf(term: number, into: Float64Array): Float64Array {
    const docFreq = this.postings[term]!.docFreq;
    for (let f = 0; f < fieldCount; f++) {
      const df = docFreq[f]!;
      into[f] = Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
    }
    return into;
  }

  /**
   * A word's BM25 impact in one listing with the field boosts, as MiniSearch computes it now: per field holding it
   * (in field order), boost × idf × (d + tf(k+1) / (tf + k(1 − b + b·length/average))).
   */
  private impactOf(slot: number, own: ListingWords, entry: number, idf: Float64Array): number {
    const averages = this.mini._avgFieldLength;
    let impact = 0;
    for (let c = own.cellStart[entry]!; c < own.cellStart[entry + 1]!; c++) {
      const f = own.cells[c]! & 7;
      const tf = own.cells[c]! >>> 3;
      const norm =
        bm25.k * (1 - bm25.b + (bm25.b * this.lengths[slot * fieldCount + f]!) / averages[this.fieldIds[f]!]!);
      impact += boosts[f]! * idf[f]! * (bm25.d + (tf * (bm25.k + 1)) / (tf + norm));
    }
    return impact;
  }

  /**
   * A word's postings in impact order, strongest first, ties newest first, with their impacts; made on first use
   * after a change (every impact moved with the statistics), so a change costs each later query only its own
   * words. The order only chooses candidates, so impacts compare at float32 precision. Per signature one impact;
   * the signatures sorted by it (equal float32 impacts form one class); then one counting pass over the postings
   * newest first places each in its class: O(signatures · log + postings), no comparison per posting.
   */
  private byImpact(term: number): { order: Int32Array; impact: Float64Array } {
    let sorted = this.impactOrder.get(term);
    if (!sorted) {
      const post = this.postings[term]!;
      const idf = this.idfOf(term, new Float64Array(fieldCount));
      const averages = this.mini._avgFieldLength;
      const sigs = post.sigCells.length;
      const sigImpact = new Float64Array(sigs);
      const sigBits = new Uint32Array(sigs);
      for (let g = 0; g < sigs; g++) {
        const cells = post.sigCells[g]!;
        const lengths = post.sigLengths[g]!;
        let impact = 0;
        for (let c = 0; c < cells.length; c++) {
          const f = cells[c]! & 7;
          const tf = cells[c]! >>> 3;
          const norm = bm25.k * (1 - bm25.b + (bm25.b * lengths[c]!) / averages[this.fieldIds[f]!]!);
          impact += boosts[f]! * idf[f]! * (bm25.d + (tf * (bm25.k + 1)) / (tf + norm));
        }
        sigImpact[g] = impact;
        float32[0] = impact;
        sigBits[g] = float32Bits[0]!;
      }
      // Classes: distinct float32 impacts, strongest first (positive floats order as their bits).
      const byStrength = Array.from(sigBits.keys()).sort((a, b) => sigBits[b]! - sigBits[a]!);
      const classOf = new Int32Array(sigs);
      let classes = 0;
      for (const [i, g] of byStrength.entries()) {
        if (i > 0 && sigBits[g] !== sigBits[byStrength[i - 1]!]) classes++;
        classOf[g] = classes;
      }
      const start = new Int32Array(classes + 2);
      for (let p = 0; p < post.count; p++) start[classOf[post.sig[p]!]! + 1]!++;
      for (let k = 0; k <= classes; k++) start[k + 1]! += start[k]!;
      const order = new Int32Array(post.count);
      const impact = new Float64Array(post.count);
      for (let p = post.count - 1; p >= 0; p--) {
        const at = start[classOf[post.sig[p]!]!]!++;
        order[at] = post.slot[p]!;
        impact[at] = sigImpact[post.sig[p]!]!;
      }
      sorted = { order, impact };
      this.impactOrder.set(term, sorted);
    }
    return sorted;
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
      picked = this.byNewest(result, after, want, sort === "relevance" ? 1 : undefined);
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

  /** The query's matches, from the cache (emptied by every change) or computed (bitsets only: nothing scored). */
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

  /**
   * The vocabulary words a query word matches, with MiniSearch's weights (exact, prefix, one typo), in the words'
   * alphabetical order: the order scores are summed and candidate lists are merged in, so it must not depend on how
   * the vocabulary was inserted (a view patched change by change and one built afresh then add up alike).
   */
  private expansions(word: string): Expansion[] {
    const out: Array<Expansion & { name: string }> = [];
    const exact = this.termIds.get(word);
    if (exact !== undefined) out.push({ term: exact, weight: 1, name: word });
    const prefixed = new Set<string>();
    if (prefixMatches(word)) {
      for (const [term, id] of this.termIds.atPrefix(word)) {
        const distance = term.length - word.length;
        if (distance === 0) continue;
        prefixed.add(term);
        out.push({ term: id, weight: (prefixWeight * term.length) / (term.length + 0.3 * distance), name: term });
      }
    }
    const typos = typoAllowance(word);
    if (typos) {
      for (const [term, [id, distance]] of this.termIds.fuzzyGet(word, typos)) {
        if (distance === 0 || prefixed.has(term)) continue;
        out.push({ term: id, weight: (fuzzyWeight * term.length) / (term.length + distance), name: term });
      }
    }
    out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return out.map(({ term, weight }) => ({ term, weight }));
  }

  /** Listings containing any of the expansions: a word's bitset, or its postings when it has few. */
  private matchOf(expansions: Expansion[], work: SearchWork): Bitset {
    const bits = newBitset(this.capacity);
    for (const { term } of expansions) {
      const post = this.postings[term]!;
      if (post.bits) {
        orInto(bits, post.bits);
        continue;
      }
      for (let p = 0; p < post.count; p++) setBit(bits, post.slot[p]!);
      work.postings += post.count;
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
   * Listings passing the filters: one bitset per filter value (built on first use with the same `passesFilters`
   * the reference path uses, then patched by every change), intersected per request.
   */
  private filterBits(filterKeys: string[], deadlineFrom: string | undefined, verifiedOnly: boolean): Bitset {
    const base = { deadlineAhead: false, verifiedOnly: false } as const;
    const parts: Array<[string, SearchCriteria]> = filterKeys.map((key) => [
      key,
      { ...base, ...(JSON.parse(key) as Filter) },
    ]);
    if (deadlineFrom) parts.push([`deadline:${deadlineFrom}`, { ...base, deadlineAhead: true }]);
    if (verifiedOnly) parts.push(["verified", { ...base, verifiedOnly: true }]);
    const out = this.everyListing.slice();
    for (const [key, criteria] of parts) {
      let filter = this.filterCache.get(key);
      if (!filter) {
        const bits = newBitset(this.capacity);
        const today = deadlineFrom ?? "";
        forEachBit(this.everyListing, 0, (slot) => {
          if (passesFilters(this.fields[slot]!, criteria, today)) setBit(bits, slot);
          return true;
        });
        // Filter values are catalogue entries and days: bounded, but a long-lived index must not grow forever.
        if (this.filterCache.size >= 512) this.filterCache.clear();
        filter = { criteria, today, bits };
        this.filterCache.set(key, filter);
      }
      andInto(out, filter.bits);
    }
    return out;
  }

  /**
   * MiniSearch's score of one listing for the query: per word, the weighted impacts of its expansions the listing
   * contains; summed, times the number of distinct words matched ("quality"). Contributions are added in plan order
   * (query word, then expansion), whatever the order of the listing's own words.
   */
  private scorer(result: QueryResult): (slot: number) => number {
    // Per vocabulary word, the first of its (query word, weight) entries in a flat list: a typed-array lookup per
    // word of the listing, as scoring reads every word of up to `scoreBudget` listings.
    const first = new Int32Array(this.names.length).fill(-1);
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
    // Per word of the plan, its idf per field: computed once per query, not per listing scored.
    const idfs = new Map<number, Float64Array>();
    for (const expansions of result.plan) {
      for (const { term } of expansions) {
        if (!idfs.has(term)) idfs.set(term, this.idfOf(term, new Float64Array(fieldCount)));
      }
    }
    // The listing's matched entries and their weighted impacts, kept in entry order (a listing matches few).
    const hitEntry: number[] = [];
    const hitValue: number[] = [];
    return (slot) => {
      const own = this.words[slot]!;
      hitEntry.length = 0;
      hitValue.length = 0;
      for (let i = 0; i < own.terms.length; i++) {
        let e = first[own.terms[i]!]!;
        if (e === -1) continue;
        const impact = this.impactOf(slot, own, i, idfs.get(own.terms[i]!)!);
        for (; e !== -1; e = next[e]!) {
          let at = hitEntry.length;
          hitEntry.push(e);
          hitValue.push(0);
          while (at > 0 && hitEntry[at - 1]! > e) {
            hitEntry[at] = hitEntry[at - 1]!;
            hitValue[at] = hitValue[at - 1]!;
            at--;
          }
          hitEntry[at] = e;
          hitValue[at] = weightOf[e]! * impact;
        }
      }
      perWord.fill(0);
      for (let h = 0; h < hitEntry.length; h++) perWord[wordOf[hitEntry[h]!]!]! += hitValue[h]!;
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

  /** Newest first, then id: the order of every tie. */
  private newer(a: number, b: number): number {
    const x = this.fields[a]!.sortAt;
    const y = this.fields[b]!.sortAt;
    if (x !== y) return x > y ? -1 : 1;
    return this.ids[a]! < this.ids[b]! ? -1 : 1;
  }

  /**
   * The relevance order: exact when the matches fit the budget; otherwise the budget's worth of candidates read
   * from the expansions' postings, strongest weighted impact first (a merge over impact-ordered lists), ranked
   * exactly, then every other match newest first with rank 0. Depends only on the query, filters and the listings
   * held, so keyset pages over it neither repeat nor skip a match.
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
    scored.sort((a, b) => b.s - a.s || this.newer(a.d, b.d));
    const members = newBitset(this.capacity);
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
    const lists = [...weights].map(([term, weight]) => ({ ...this.byImpact(term), at: 0, weight }));
    const head = (i: number) => lists[i]!.weight * lists[i]!.impact[lists[i]!.at]!;
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
    const seen = newBitset(this.capacity);
    const out: number[] = [];
    const maxPostings = budget * postingsPerCandidate;
    let read = 0;
    while (heap.length > 0 && out.length < budget && read < maxPostings) {
      const list = lists[heap[0]!]!;
      const d = list.order[list.at]!;
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
      // Sorted by (score desc, newest first): skip what is at or before the cursor.
      while (i < top.length && !this.relevanceAfter(scores[i]!, top[i]!, score, sortAt, id)) i++;
    }
    for (; i < top.length && out.length < want; i++) out.push({ doc: top[i]!, rank: scores[i]! });
    if (exact || out.length >= want) return out;
    // The matches outside the candidates, newest first, with rank 0 (after every candidate).
    const from = after && after[0] === 0 ? this.newestAfter(after[1] as string, after[2] as string) : 0;
    for (const d of this.inOrder(this.newest, result, from, want - out.length, members)) out.push({ doc: d, rank: 0 });
    return out;
  }

  private relevanceAfter(score: number, doc: number, cScore: number, cSortAt: string, cId: string): boolean {
    if (score !== cScore) return score < cScore;
    const fields = this.fields[doc]!;
    if (fields.sortAt !== cSortAt) return fields.sortAt < cSortAt;
    return this.ids[doc]! > cId;
  }

  /** The first position in the newest-first order after (sortAt, id) (a removed listing's key works too). */
  private newestAfter(sortAt: string, id: string): number {
    return this.newest.firstWhere((slot) => {
      const f = this.fields[slot]!;
      return f.sortAt < sortAt || (f.sortAt === sortAt && this.ids[slot]! > id);
    });
  }

  /**
   * Up to `want` matches (not in `skip`) from position `from` of an order. Dense matches: walk the order (about
   * 32 steps per listing taken at worst); sparse ones: take them from the bitset and sort them by position.
   */
  private inOrder(order: SortedSlots, result: QueryResult, from: number, want: number, skip?: Bitset): number[] {
    const out: number[] = [];
    if (want <= 0) return out;
    if (result.total * 32 >= this.live) {
      for (let i = from; i < order.length && out.length < want; i++) {
        const d = order.at(i);
        if (hasBit(result.match, d) && !(skip && hasBit(skip, d))) out.push(d);
      }
      return out;
    }
    const rank = order.ranks(this.capacity);
    forEachBit(result.match, 0, (d) => {
      if (rank[d]! >= from && !(skip && hasBit(skip, d))) out.push(d);
      return true;
    });
    out.sort((a, b) => rank[a]! - rank[b]!);
    return out.slice(0, want);
  }

  private byNewest(
    result: QueryResult,
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
    return this.inOrder(this.newest, result, from, want).map((d) => ({ doc: d, rank: rank ?? 0 }));
  }

  private byDeadline(
    result: QueryResult,
    after: Array<string | number> | undefined,
    want: number,
  ): Array<{ doc: number; rank: number }> {
    const order = this.deadlines();
    let from = 0;
    if (after) {
      const [deadline, id] = after as [string, string];
      from = order.firstWhere((slot) => {
        const f = this.fields[slot]!;
        return f.deadline > deadline || (f.deadline === deadline && this.ids[slot]! > id);
      });
    }
    return this.inOrder(order, result, from, want).map((d) => ({ doc: d, rank: 0 }));
  }

  /** Soonest deadline, then id: made on the first deadline-sorted query, then kept current by every change. */
  private deadlines(): SortedSlots {
    if (!this.deadlineOrder) {
      this.deadlineOrder = new SortedSlots((a, b) => {
        const x = this.fields[a]!.deadline;
        const y = this.fields[b]!.deadline;
        return x !== y ? x < y : this.ids[a]! < this.ids[b]!;
      });
      const slots: number[] = [];
      forEachBit(this.everyListing, 0, (slot) => {
        slots.push(slot);
        return true;
      });
      this.deadlineOrder.insertAll(slots);
    }
    return this.deadlineOrder;
  }
}
