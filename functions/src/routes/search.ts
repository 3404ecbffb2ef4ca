import { SearchPageSchema, SearchQuerySchema, todayInVietnam } from "@ketnoi/core";
import { Hono } from "hono";
import { getListings, publicListings } from "../data/listing-reads";
import { openCursor, sealCursor } from "../http/cursor";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { route } from "../http/openapi";
import { validate } from "../http/validate";
import type { IndexPage } from "../search/listing-index";
import { searchIndex } from "../search/live";
import { InvalidCursorError } from "../search/query";

/** Full-text search over published listings. */
export const searchRoutes = new Hono<AppEnv>().get(
  "/",
  route({
    tags: ["Search"],
    summary: "Search published listings (Vietnamese or English, with or without diacritics), filter, sort, page",
    description:
      "Every word must match (prefix, and one typo from five letters on); when no listing has every word, listings " +
      "with some of them are returned and `matchedAllTerms` is false. Sorted by relevance when `q` is given, else " +
      "newest first. With more than 1,000 matches, relevance ranks the 1,000 strongest candidates and lists the other " +
      "matches after them, newest first (`total` stays exact). Passed deadlines are hidden unless `deadlineAhead=false`.",
    ok: { 200: { description: "A page of results", schema: SearchPageSchema } },
    errors: [400],
  }),
  validate("query", SearchQuerySchema),
  async (c) => {
    const { cursor, limit, ...criteria } = c.req.valid("query");
    const index = await searchIndex();
    let page: IndexPage;
    try {
      page = index.page(criteria, { limit, cursor: openCursor("search", cursor), today: todayInVietnam(new Date()) });
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      throw new AppError("validation_failed", "Dữ liệu gửi lên không hợp lệ.", [
        { path: "cursor", message: error.message },
      ]);
    }
    // The index finds and orders; the table says what a listing is now, in one BatchGetItem for the page. A listing
    // closed or archived a moment ago (and not yet out of this instance's index) is left out rather than shown
    // stale, and so is one whose organisation was rejected or suspended (policy.ts organisationStanding), whatever
    // the index still holds.
    const stored = await getListings(page.hits.map((hit) => hit.id));
    const current = page.hits.flatMap((hit) => {
      const listing = stored.get(hit.id);
      return listing?.status === "published" ? [listing] : [];
    });
    const scores = new Map(page.hits.map((hit) => [hit.id, Math.round(hit.score * 1000) / 1000]));
    const items = (await publicListings(current)).map((listing) => ({ ...listing, score: scores.get(listing.id)! }));
    return c.json({
      items,
      cursor: sealCursor("search", page.cursor),
      total: page.total,
      matchedAllTerms: page.matchedAllTerms,
    });
  },
);
