import {
  type ListingDemand,
  type MatchScore,
  type Recommendation,
  recommendListingsForStudent,
  type StudentProfile,
  skillLabelsOf,
} from "@ketnoi/core";
import type { ListingSearchIndex } from "../search/listing-index";
import type { StoredListing } from "./listings";

/** The explained-fit fields both directions send, from a core `MatchScore`. */
export function explained(score: MatchScore) {
  return {
    score: score.total,
    components: score.components,
    explanation: score.explanation,
    whatToLearn: score.toLearn,
  };
}

/** The published listings an index holds, as one array per index version (see `allStoredFields`). */
const listingsByIndex = new WeakMap<ListingSearchIndex, { version: number; listings: StoredListing[] }>();

/**
 * Every published listing of the search index: the same array object until the index changes, so core lays the
 * listings out once per change rather than once per request.
 */
export function listingsOf(index: ListingSearchIndex): readonly StoredListing[] {
  const cached = listingsByIndex.get(index);
  if (cached?.version === index.version) return cached.listings;
  // Only listings the public may see: a rejected, suspended or pending organisation's listings are re-indexed with
  // orgVerified false by the stream consumer as soon as the decision is stored (policy.ts organisationStanding).
  const listings = index
    .allStoredFields()
    .filter((fields) => fields.orgVerified)
    .map((fields) => fields.listing);
  listingsByIndex.set(index, { version: index.version, listings });
  return listings;
}

/**
 * What the recommendations route computes once its reads are done, with no I/O: the student's recommendations
 * from the listings the search index holds, the demand counters and the student's own applications, each listing
 * completed with its organisation's name and badge from the index's stored fields. The routes bench and the
 * `recommendForStudent` bench call exactly this.
 */
export function recommendFromIndex(
  index: ListingSearchIndex,
  student: StudentProfile,
  options: {
    now: Date;
    limit: number;
    demand: ReadonlyMap<string, ListingDemand>;
    applications: ReadonlyArray<{ listingId: string; status: string }>;
  },
): Recommendation[] {
  const appliedListingIds = new Set(
    options.applications.filter((a) => a.status !== "withdrawn").map((a) => a.listingId),
  );
  const ranked = recommendListingsForStudent(student, listingsOf(index), {
    now: options.now,
    limit: options.limit,
    demand: options.demand,
    appliedListingIds,
  });
  return ranked.map((r) => {
    const fields = index.storedFieldsOf(r.listing.id);
    const listing = {
      ...r.listing,
      orgName: fields?.orgName ?? "",
      orgVerified: fields?.orgVerified ?? false,
      skillLabels: skillLabelsOf([...r.listing.requiredSkills, ...r.listing.preferredSkills]),
    };
    return { listing, ...explained(r.score), damping: r.damping };
  });
}
