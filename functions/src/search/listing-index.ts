import { type SearchCriteria, tokenize } from "@ketnoi/core";
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from "minisearch";
import { fieldBoosts, type SearchDocument, type StoredSearchFields, storedFields, textFields } from "./document";
import { effectiveSort, type IndexHit, pageOf, passesFilters, sortHits } from "./query";
import { defaultScoreBudget, prefixMatches, RankedIndex, type SearchWork, typoAllowance } from "./ranked-index";

/**
 * Bump when fields, tokenization or the envelope change: a snapshot of another format is not loaded (it is
 * rebuilt), because MiniSearch can only read an index with the options it was written with.
 */
export const snapshotFormat = "ketnoi-search/2";

/** Only the first words of a query count: a pasted paragraph must not turn into hundreds of fuzzy lookups. */
const maxQueryTerms = 12;

// Core's tokenize folds case, diacritics and đ → d, for documents and queries alike.
const tokenizeText = (text: string): string[] => tokenize(text);

const indexOptions: Options<SearchDocument> = {
  idField: "id",
  fields: [...textFields],
  storeFields: [...storedFields],
  tokenize: tokenizeText,
  processTerm: (term) => term,
  searchOptions: {
    boost: fieldBoosts,
    combineWith: "AND",
    // Prefix matching lets "lap tr" find "lập trình" as the user types; one-letter words would match nearly all.
    prefix: prefixMatches,
    // One typo is forgiven from five letters on ("embeded"); shorter Vietnamese syllables differ by one letter
    // from other words too often ("nhung" / "nhuong" is already one edit).
    fuzzy: typoAllowance,
  },
};

/** What a snapshot says about itself, readable without loading the index. */
export interface SnapshotMeta {
  format: string;
  savedAt: string;
  /** Identifies the data the snapshot was built from (locally: the table's creation time), if known. */
  source: string | null;
  documentCount: number;
  /** The newest publication and edit it contains: how far behind the table it may be. */
  newestSortAt: string | null;
  newestUpdatedAt: string | null;
}

interface SnapshotEnvelope extends SnapshotMeta {
  index: AsPlainObject;
}

/** Search results before the listings are read back from the table. */
export interface IndexPage {
  hits: IndexHit[];
  cursor: string | null;
  total: number;
  matchedAllTerms: boolean;
  /** What answering took (listings scored, postings read): bounded by the score budget, not by the corpus. */
  work?: SearchWork;
}

const toHit = (result: SearchResult): IndexHit => ({
  id: result.id as string,
  score: result.score,
  fields: result as unknown as StoredSearchFields,
});

/**
 * The full-text index of published listings (MiniSearch), with filters, sorts, keyset pages and snapshots.
 * @example
 * const index = ListingSearchIndex.fromDocuments([doc]);
 * index.page({ q: "lap trinh nhung", deadlineAhead: true, verifiedOnly: false }, { limit: 20, today: "2026-01-01" });
 */
export class ListingSearchIndex {
  private changes = 0;
  private listed: { at: number; fields: StoredSearchFields[] } | undefined;
  /** The bounded view, built on the first search and patched by every change after it. */
  private ranked: RankedIndex | undefined;
  /** Listings one search scores at most (tests lower it to exercise the bounded order on a few listings). */
  scoreBudget = defaultScoreBudget;

  private constructor(private readonly mini: MiniSearch<SearchDocument>) {}

  /** Counts the changes made to this index: caches built from its documents are keyed on it. */
  get version(): number {
    return this.changes;
  }

  /**
   * The stored fields of every indexed (published) listing, in one array that stays the same object until the
   * index changes, so per-array caches downstream (core's listing layout for recommendations) are built once per
   * change rather than once per request.
   */
  allStoredFields(): readonly StoredSearchFields[] {
    if (this.listed?.at !== this.changes) {
      const fields = this.mini.search(MiniSearch.wildcard).map((result) => this.mini.getStoredFields(result.id));
      this.listed = { at: this.changes, fields: fields as unknown as StoredSearchFields[] };
    }
    return this.listed.fields;
  }

  /** The stored fields of one indexed listing. */
  storedFieldsOf(id: string): StoredSearchFields | undefined {
    return this.mini.getStoredFields(id) as unknown as StoredSearchFields | undefined;
  }

  /** An index of the given documents. */
  static fromDocuments(documents: SearchDocument[]): ListingSearchIndex {
    const index = new ListingSearchIndex(new MiniSearch(indexOptions));
    for (const doc of documents) index.upsert(doc);
    return index;
  }

  /** Reads a snapshot; undefined when it has another format (the caller rebuilds). */
  static fromSnapshot(text: string): { index: ListingSearchIndex; meta: SnapshotMeta } | undefined {
    const { index, ...meta } = JSON.parse(text) as SnapshotEnvelope;
    if (meta.format !== snapshotFormat) return undefined;
    return { index: new ListingSearchIndex(MiniSearch.loadJS(index, indexOptions)), meta };
  }

  /** Listings in the index. */
  get size(): number {
    return this.mini.documentCount;
  }

  /** The indexed version's updatedAt, or undefined when the listing is not indexed. */
  updatedAtOf(id: string): string | undefined {
    return this.mini.getStoredFields(id)?.updatedAt as string | undefined;
  }

  /**
   * Adds or replaces a listing's document, unless the index already holds a newer version of it (a stream
   * record or an in-process write can arrive after a fresher one). Returns whether the index changed.
   */
  upsert(doc: SearchDocument): boolean {
    const indexed = this.updatedAtOf(doc.id);
    if (indexed !== undefined && indexed > doc.updatedAt) return false;
    if (indexed !== undefined) this.mini.discard(doc.id);
    this.mini.add(doc);
    this.patchView((view) => {
      if (indexed !== undefined) view.remove(doc.id);
      view.add(doc);
    });
    this.changes++;
    return true;
  }

  /** Removes a listing (unpublished, archived or deleted) unless a newer version is indexed. */
  remove(id: string, updatedAt?: string): boolean {
    const indexed = this.updatedAtOf(id);
    if (indexed === undefined || (updatedAt !== undefined && indexed > updatedAt)) return false;
    this.mini.discard(id);
    this.patchView((view) => view.remove(id));
    this.changes++;
    return true;
  }

  /**
   * Every hit for the criteria, unsorted. Text must match all words; unless `strict`, a query no listing fully
   * matches falls back to listings with any of the words (`matchedAllTerms: false`). Saved searches are strict.
   */
  matches(criteria: SearchCriteria, today: string, strict = false): { hits: IndexHit[]; matchedAllTerms: boolean } {
    const filter = (result: SearchResult) => passesFilters(result as unknown as StoredSearchFields, criteria, today);
    const terms = tokenize(criteria.q ?? "").slice(0, maxQueryTerms);
    if (terms.length === 0) {
      return { hits: this.mini.search(MiniSearch.wildcard, { filter }).map(toHit), matchedAllTerms: true };
    }
    const query = terms.join(" ");
    const all = this.mini.search(query, { filter });
    if (all.length > 0 || strict || terms.length === 1) return { hits: all.map(toHit), matchedAllTerms: true };
    return { hits: this.mini.search(query, { filter, combineWith: "OR" }).map(toHit), matchedAllTerms: false };
  }

  /**
   * One sorted page of hits after `cursor` (throws InvalidCursorError for a cursor this index did not write), in
   * bounded work: a view of the index built for it (`RankedIndex`, built on first use and patched in place by every
   * change) counts and filters with bitsets and scores at most `scoreBudget` listings (docs/search.md "Bounded work
   * per query").
   */
  page(criteria: SearchCriteria, options: { limit: number; today: string; cursor?: string | undefined }): IndexPage {
    const terms = tokenize(criteria.q ?? "").slice(0, maxQueryTerms);
    const sort = effectiveSort(criteria, terms.length > 0);
    return this.rankedIndex().page(terms, criteria, sort, { ...options, scoreBudget: this.scoreBudget });
  }

  /**
   * Applies a change to the bounded view, if one is built. A view that cannot follow (it throws when MiniSearch
   * holds other words than it read: a tokenizer out of step) is dropped and built afresh on the next search, never
   * left answering for an index it no longer matches.
   */
  private patchView(change: (view: RankedIndex) => void): void {
    if (!this.ranked) return;
    try {
      change(this.ranked);
    } catch (error) {
      this.ranked = undefined;
      console.error(JSON.stringify({ level: "error", message: "search view dropped", error: String(error) }));
    }
  }

  /** The bounded view, built on first use and kept current by `upsert` and `remove` from then on. */
  rankedIndex(): RankedIndex {
    this.ranked ??= RankedIndex.build(this.mini, tokenizeText);
    return this.ranked;
  }

  /**
   * A view built from scratch over the index as it is now, apart from the one kept current: what every change cost
   * before the view was patched in place, and the reference the patched view is property-tested and benchmarked
   * against.
   */
  freshRankedIndex(): RankedIndex {
    return RankedIndex.build(this.mini, tokenizeText);
  }

  /**
   * The same page computed as before issue 13: MiniSearch scores every match, then all are sorted. The reference
   * the bounded path is property-tested and benchmarked against (its cost grows with the matches).
   */
  referencePage(
    criteria: SearchCriteria,
    options: { limit: number; today: string; cursor?: string | undefined },
  ): IndexPage {
    const { hits, matchedAllTerms } = this.matches(criteria, options.today);
    const sort = effectiveSort(criteria, tokenize(criteria.q ?? "").length > 0);
    const page = pageOf(sortHits(hits, sort), sort, options.limit, options.cursor);
    return { ...page, total: hits.length, matchedAllTerms };
  }

  /** Serialises the index with its header (newest sortAt/updatedAt tell how current it is). */
  toSnapshot(source: string | null, now: Date = new Date()): string {
    let newestSortAt: string | null = null;
    let newestUpdatedAt: string | null = null;
    for (const result of this.mini.search(MiniSearch.wildcard)) {
      const fields = result as unknown as StoredSearchFields;
      if (newestSortAt === null || fields.sortAt > newestSortAt) newestSortAt = fields.sortAt;
      if (newestUpdatedAt === null || fields.updatedAt > newestUpdatedAt) newestUpdatedAt = fields.updatedAt;
    }
    const envelope: SnapshotEnvelope = {
      format: snapshotFormat,
      savedAt: now.toISOString(),
      source,
      documentCount: this.size,
      newestSortAt,
      newestUpdatedAt,
      index: this.mini.toJSON(),
    };
    return JSON.stringify(envelope);
  }
}
