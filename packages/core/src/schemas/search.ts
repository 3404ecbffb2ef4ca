import * as v from "valibot";
import { listingTypes, sectorIds } from "../catalog";
import { communeIds, industrialParkIds } from "../places";
import { skillIds } from "../skills";
import { BoundedNumberSchema, IdSchema, IsoTimestampSchema, TallySchema } from "./common";
import { ListingSchema } from "./listing";

/** Orders of search results. Without `sort`, results are by relevance when there is a query, else newest first. */
export const searchSorts = ["relevance", "newest", "deadline"] as const;
export type SearchSort = (typeof searchSorts)[number];

/** Saved searches a student may keep at once. */
export const maxSavedSearches = 20;

// Shared by the query string and the saved-search body, so a saved search is exactly a search's filters.
const criteriaFields = {
  /** Free text in Vietnamese or English, with or without diacritics. */
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200))),
  type: v.optional(v.picklist(listingTypes)),
  /** A sector of the listing's organisation. */
  sector: v.optional(v.picklist(sectorIds)),
  /** A required or preferred skill of the listing. */
  skill: v.optional(v.picklist(skillIds as [string, ...string[]], "Kỹ năng không có trong danh mục")),
  commune: v.optional(v.picklist(communeIds)),
  industrialPark: v.optional(v.picklist(industrialParkIds)),
  sort: v.optional(v.picklist(searchSorts)),
};

// Query strings carry text: only these two spellings are accepted, so `paid=yes` is a 400, not a silent false.
const QueryFlagSchema = v.pipe(
  v.picklist(["true", "false"]),
  v.transform((flag) => flag === "true"),
);

/**
 * Query of GET /api/search. `deadlineAhead` defaults to true (passed deadlines hidden), `verifiedOnly` to false.
 * @example v.parse(SearchQuerySchema, { q: "lap trinh nhung", paid: "true" }) // { …, paid: true, limit: 20 }
 */
export const SearchQuerySchema = v.strictObject({
  ...criteriaFields,
  paid: v.optional(QueryFlagSchema),
  deadlineAhead: v.optional(QueryFlagSchema, "true"),
  verifiedOnly: v.optional(QueryFlagSchema, "false"),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(50)), "20"),
});
export type SearchQuery = v.InferOutput<typeof SearchQuerySchema>;

/** A search's text and filters as JSON (a saved search stores exactly this). */
export const SearchCriteriaSchema = v.strictObject({
  ...criteriaFields,
  paid: v.optional(v.boolean()),
  deadlineAhead: v.optional(v.boolean(), true),
  verifiedOnly: v.optional(v.boolean(), false),
});
export type SearchCriteria = v.InferOutput<typeof SearchCriteriaSchema>;

/**
 * Whether criteria narrow anything: a saved search with none would alert on every new listing.
 * @example hasSearchCriterion({ q: "", deadlineAhead: true, verifiedOnly: false }) // false
 */
export function hasSearchCriterion(criteria: SearchCriteria): boolean {
  const { q, type, sector, skill, commune, industrialPark, paid, verifiedOnly } = criteria;
  return Boolean(q || type || sector || skill || commune || industrialPark || paid !== undefined || verifiedOnly);
}

/** Body of POST /api/saved-searches: a name and the search to watch. */
export const SavedSearchCreateSchema = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
  criteria: v.pipe(SearchCriteriaSchema, v.check(hasSearchCriterion, "Cần ít nhất một từ khóa hoặc bộ lọc")),
});
export type SavedSearchCreate = v.InferOutput<typeof SavedSearchCreateSchema>;

export const SavedSearchSchema = v.object({
  id: IdSchema,
  name: v.string(),
  criteria: SearchCriteriaSchema,
  createdAt: IsoTimestampSchema,
});
export type SavedSearch = v.InferOutput<typeof SavedSearchSchema>;

/** A search result: the listing as GET /api/listings returns it, plus its relevance score (higher is better). */
export const SearchHitSchema = v.object({
  ...ListingSchema.entries,
  score: BoundedNumberSchema(-1_000_000, 1_000_000),
});
export type SearchHit = v.InferOutput<typeof SearchHitSchema>;

export const SearchPageSchema = v.object({
  items: v.array(SearchHitSchema),
  /** Pass back as `cursor` for the next page; null on the last page. */
  cursor: v.nullable(v.string()),
  /** Listings matching the query and filters (all pages). */
  total: TallySchema,
  /** False when no listing had every word, so listings with some of the words are shown instead. */
  matchedAllTerms: v.boolean(),
});
export type SearchPage = v.InferOutput<typeof SearchPageSchema>;
