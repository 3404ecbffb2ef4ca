import { todayInVietnam } from "@ketnoi/core";
import { notify } from "../data/notifications";
import { allSavedSearches, claimAlert, releaseAlert, type StoredSavedSearch } from "../data/saved-searches";
import { errorField, logger } from "../observability/logger";
import type { SearchDocument } from "./document";
import { ListingSearchIndex } from "./listing-index";

/** How many alerts are delivered at once (each is two or three DynamoDB writes). */
const deliveryConcurrency = 8;

/** The outcome of one evaluation: alerts sent, and listings whose alerts failed (to be retried). */
export interface AlertOutcome {
  delivered: number;
  failedListingIds: Set<string>;
}

/**
 * Which saved searches match which of the given listings. The listings go into a small index of their own with
 * the search's own options, and each saved search runs once against it (strictly: every word must match), so a
 * listing alerts exactly the searches whose results it would appear in.
 */
export function matchSavedSearches(
  docs: SearchDocument[],
  searches: StoredSavedSearch[],
  now: Date,
): Array<{ search: StoredSavedSearch; doc: SearchDocument }> {
  const index = ListingSearchIndex.fromDocuments(docs);
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  const today = todayInVietnam(now);
  return searches.flatMap((search) =>
    index.matches(search.criteria, today, true).hits.map((hit) => ({ search, doc: byId.get(hit.id)! })),
  );
}

// Claim first, then notify: the conditional claim is what makes a second evaluation (the other path, a retried
// stream batch) send nothing. If the notification cannot be stored, the claim is released for the retry.
async function deliver(search: StoredSavedSearch, doc: SearchDocument): Promise<boolean> {
  if (!(await claimAlert(search, doc.id))) return false;
  try {
    await notify(search.userId, {
      kind: "saved_search_match",
      title: {
        vi: `Tin mới khớp tìm kiếm đã lưu "${search.name}"`,
        en: `A new listing matches your saved search "${search.name}"`,
      },
      body: { vi: doc.title, en: doc.titleEn || doc.title },
      link: `/tin/${doc.id}`,
    });
    return true;
  } catch (error) {
    await releaseAlert(search.id, doc.id);
    throw error;
  }
}

/**
 * Alerts the owners of saved searches that match newly published listings: one in-app notification per
 * (saved search, listing), however many times this runs. Failures are logged and reported, not thrown, so one
 * bad delivery does not stop the others.
 */
export async function alertSavedSearches(docs: SearchDocument[], now: Date = new Date()): Promise<AlertOutcome> {
  const outcome: AlertOutcome = { delivered: 0, failedListingIds: new Set() };
  if (docs.length === 0) return outcome;
  const matches = matchSavedSearches(docs, await allSavedSearches(), now);
  for (let i = 0; i < matches.length; i += deliveryConcurrency) {
    const batch = matches.slice(i, i + deliveryConcurrency);
    const results = await Promise.allSettled(batch.map(({ search, doc }) => deliver(search, doc)));
    results.forEach((result, j) => {
      if (result.status === "fulfilled") {
        if (result.value) outcome.delivered++;
        return;
      }
      const { search, doc } = batch[j]!;
      outcome.failedListingIds.add(doc.id);
      logger.error("saved-search alert failed", {
        savedSearchId: search.id,
        listingId: doc.id,
        error: errorField(result.reason),
      });
    });
  }
  return outcome;
}
