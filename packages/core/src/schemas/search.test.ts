import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { hasSearchCriterion, SavedSearchCreateSchema, SearchCriteriaSchema, SearchQuerySchema } from "./search";

describe("search schemas", () => {
  it("reads the query string with defaults: passed deadlines hidden, any organisation, 20 per page", () => {
    expect(v.parse(SearchQuerySchema, {})).toEqual({ deadlineAhead: true, verifiedOnly: false, limit: 20 });
    expect(v.parse(SearchQuerySchema, { q: "  lap trinh  ", paid: "false", deadlineAhead: "false" })).toMatchObject({
      q: "lap trinh",
      paid: false,
      deadlineAhead: false,
    });
  });

  it.each([
    ["a flag spelled otherwise", { paid: "yes" }],
    ["an unknown sort", { sort: "popular" }],
    ["a skill outside the taxonomy", { skill: "cooking" }],
    ["a commune outside Đồng Nai", { commune: "quan-1" }],
    ["a page too large", { limit: "51" }],
    ["an unknown parameter", { colour: "red" }],
    ["an over-long query", { q: "a".repeat(201) }],
  ])("rejects %s", (_case, query) => {
    expect(v.safeParse(SearchQuerySchema, query).success).toBe(false);
  });

  it("makes a saved search of the same filters as JSON, and needs at least one of them", () => {
    const criteria = v.parse(SearchCriteriaSchema, { type: "internship", paid: true });
    expect(criteria).toEqual({ type: "internship", paid: true, deadlineAhead: true, verifiedOnly: false });
    expect(hasSearchCriterion(criteria)).toBe(true);
    expect(hasSearchCriterion(v.parse(SearchCriteriaSchema, { q: "", sort: "newest" }))).toBe(false);
    expect(v.safeParse(SavedSearchCreateSchema, { name: "Thực tập", criteria: { paid: true } }).success).toBe(true);
    expect(v.safeParse(SavedSearchCreateSchema, { name: "Mọi thứ", criteria: {} }).success).toBe(false);
    expect(v.safeParse(SavedSearchCreateSchema, { name: "X", criteria: { paid: "true" } }).success).toBe(false);
  });
});
