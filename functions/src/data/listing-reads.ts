import { type Listing, type Organisation, organisationStanding, skillLabelsOf } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { ListingEntity } from "../db/entities/listing";
import type { SessionSeatsEntity } from "../db/entities/session-seats";
import { liteEntity } from "../db/lite";
import { listingModel } from "../db/models/listing";
import { sessionSeatsModel } from "../db/models/session-seats";
import { guard } from "./guard";
import { getOrganisations } from "./organisation-reads";

// Listings as the public read paths read them (listing detail, search, recommendations, the search index's
// sources), over the lite data path (db/lite.ts): the same items ElectroDB writes, without ElectroDB in those
// functions (issue 14). data/listings.ts re-exports these; its writes and the paged feed stay on ElectroDB.
const listings = liteEntity<ListingEntity>(listingModel);
const sessionSeats = liteEntity<SessionSeatsEntity>(sessionSeatsModel);

type ListingItem = EntityItem<ListingEntity>;

/** A listing as stored, before the organisation's name and badge and the skills' labels are attached. */
export type StoredListing = Omit<Listing, "orgName" | "orgVerified" | "orgStanding" | "skillLabels">;

/** A listing item (from a read or a stream image) as the data layer's StoredListing. */
export function toStoredListing({ listingId, sortAt: _sortAt, ...rest }: ListingItem): StoredListing {
  return { id: listingId, ...rest } as StoredListing;
}

/**
 * Turns stored listings into the listings the API returns: each gets its organisation's name and verified badge
 * (one batch read) and the labels of its skills. Every route that returns listings goes through here.
 */
export async function withOrganisation(
  stored: StoredListing[],
  known: readonly Organisation[] = [],
): Promise<Listing[]> {
  // Organisations the caller has just read (listing detail reads its standing first) are not read again.
  const orgs = new Map(known.map((o) => [o.id, o]));
  const missing = stored.map((l) => l.orgId).filter((id) => !orgs.has(id));
  if (missing.length > 0) for (const [id, org] of await getOrganisations(missing)) orgs.set(id, org);
  return stored.map((l) => {
    const org = orgs.get(l.orgId);
    return {
      ...l,
      orgName: org?.name.vi ?? "",
      orgVerified: org?.verification === "verified",
      ...(org && org.verification !== "verified"
        ? {
            orgStanding: {
              verification: org.verification,
              ...(org.verificationReason ? { reason: org.verificationReason } : {}),
            },
          }
        : {}),
      skillLabels: skillLabelsOf([...l.requiredSkills, ...l.preferredSkills]),
    };
  });
}

/**
 * Listings as the public may see them: `withOrganisation`, keeping only those whose organisation's standing makes
 * its listings public (policy.ts `organisationStanding`: a rejected, suspended or pending organisation's listings
 * leave the feed, search and recommendations at once, whatever the search index still holds).
 */
export async function publicListings(stored: StoredListing[]): Promise<Listing[]> {
  return (await withOrganisation(stored)).filter(
    (l) => organisationStanding[l.orgStanding?.verification ?? (l.orgVerified ? "verified" : "pending")].listingsPublic,
  );
}

/** One listing, or undefined. */
export async function getListing(listingId: string): Promise<StoredListing | undefined> {
  const data = await guard(() => listings.get({ listingId }));
  return data ? toStoredListing(data) : undefined;
}

/** Several listings by id in BatchGetItem calls of 100 keys; missing ones are absent. */
export async function getListings(listingIds: readonly string[]): Promise<Map<string, StoredListing>> {
  if (listingIds.length === 0) return new Map();
  const data = await guard(() => listings.batchGet(listingIds.map((listingId) => ({ listingId }))));
  return new Map(data.map((item) => [item.listingId, toStoredListing(item)]));
}

/** All listings of one organisation (any status), newest first. */
export async function listOrganisationListings(orgId: string): Promise<StoredListing[]> {
  const data = await guard(() => listings.query("byOrg", { orgId }, { order: "desc" }));
  return data.map(toStoredListing);
}

/** Every published listing (a Query on gsi2, status = published; never a table Scan). */
export async function listAllPublishedListings(): Promise<StoredListing[]> {
  const data = await guard(() => listings.query("byStatus", { status: "published" }));
  return data.map(toStoredListing);
}

/** Seats taken per session of a visit listing (absent sessions have none taken yet). */
export async function seatsTakenOf(listingId: string): Promise<Record<string, number>> {
  const data = await guard(() => sessionSeats.query("bySession", { listingId }, { consistent: true }));
  return Object.fromEntries(data.map((s) => [s.sessionId, s.booked ?? 0]));
}
