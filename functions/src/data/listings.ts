import { randomUUID } from "node:crypto";
import {
  type Listing,
  type ListingCreate,
  type ListingPatch,
  type ListingStatus,
  type ListingType,
  type Organisation,
  organisationStanding,
  skillLabelsOf,
} from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { ListingEntity } from "../db/entities/listing";
import { db } from "../db/service";
import { guard, paginate, patchOperations } from "./guard";
import { getOrganisations } from "./organisations";

type ListingItem = EntityItem<ListingEntity>;
/** A listing as stored, before the organisation's name and badge and the skills' labels are attached. */
export type StoredListing = Omit<Listing, "orgName" | "orgVerified" | "orgStanding" | "skillLabels">;

function toStored({ listingId, sortAt: _sortAt, ...rest }: ListingItem): StoredListing {
  return { id: listingId, ...rest } as StoredListing;
}

/**
 * Turns stored listings into the listings the API returns: each gets its organisation's name and verified badge
 * (one batch read) and the labels of its skills. Every route that returns listings goes through here.
 */
export async function withOrganisation(
  listings: StoredListing[],
  known: readonly Organisation[] = [],
): Promise<Listing[]> {
  // Organisations the caller has just read (listing detail reads its standing first) are not read again.
  const orgs = new Map(known.map((o) => [o.id, o]));
  const missing = listings.map((l) => l.orgId).filter((id) => !orgs.has(id));
  if (missing.length > 0) for (const [id, org] of await getOrganisations(missing)) orgs.set(id, org);
  return listings.map((l) => {
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
export async function publicListings(listings: StoredListing[]): Promise<Listing[]> {
  return (await withOrganisation(listings)).filter(
    (l) => organisationStanding[l.orgStanding?.verification ?? (l.orgVerified ? "verified" : "pending")].listingsPublic,
  );
}

/** Creates a draft listing for an organisation. */
export async function createListing(input: ListingCreate, listingId: string = randomUUID()): Promise<StoredListing> {
  const now = new Date().toISOString();
  const item = {
    listingId,
    ...input,
    status: "draft" as const,
    sortAt: now,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await guard(() => db().entities.listing.create(item).go());
  // The search index follows from the stored change (stream.ts), never from this request.
  return toStored(item as ListingItem);
}

/** One listing, or undefined. */
export async function getListing(listingId: string): Promise<StoredListing | undefined> {
  const { data } = await guard(() => db().entities.listing.get({ listingId }).go());
  return data ? toStored(data) : undefined;
}

/** Several listings by id in one BatchGetItem (ElectroDB splits beyond 100 keys); missing ones are absent. */
export async function getListings(listingIds: readonly string[]): Promise<Map<string, StoredListing>> {
  if (listingIds.length === 0) return new Map();
  const { data } = await guard(() =>
    db()
      .entities.listing.get(listingIds.map((listingId) => ({ listingId })))
      .go(),
  );
  return new Map(data.map((item) => [item.listingId, toStored(item)]));
}

/**
 * Applies an edit (and an optional status move, already checked by the caller) if nobody changed the listing
 * since `patch.version`. A `null` field is removed, in the same conditional update. Publishing stamps publishedAt,
 * which orders the public feed.
 */
export async function updateListing(current: StoredListing, patch: ListingPatch): Promise<StoredListing> {
  const { version, status, ...fields } = patch;
  const now = new Date().toISOString();
  const publishing = status === "published" && current.status !== "published";
  const publishedAt = publishing ? now : current.publishedAt;
  const nextStatus: ListingStatus = status ?? current.status;
  const { set, remove } = patchOperations(fields);
  const { data } = await guard(() =>
    db()
      .entities.listing.patch({ listingId: current.id })
      .set({
        ...set,
        status: nextStatus,
        sortAt: publishedAt ?? current.createdAt,
        ...(publishedAt ? { publishedAt } : {}),
        updatedAt: now,
      })
      .remove(remove)
      .add({ version: 1 })
      .where((attr, op) => op.eq(attr.version, version))
      .go({ response: "all_new" }),
  );
  return toStored(data as ListingItem);
}

/** Published listings, newest first, optionally of one type or one organisation; cursor-paginated. */
export async function listPublishedListings(options: {
  type?: ListingType | undefined;
  orgId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}): Promise<{ items: StoredListing[]; cursor: string | null }> {
  const { data, cursor } = await paginate(options.cursor, () =>
    db()
      .entities.listing.query.byStatus({ status: "published" })
      .where((attr, op) =>
        [options.type ? op.eq(attr.type, options.type) : "", options.orgId ? op.eq(attr.orgId, options.orgId) : ""]
          .filter(Boolean)
          .join(" AND "),
      )
      .go({ order: "desc", count: options.limit, cursor: options.cursor ?? null }),
  );
  return { items: data.map(toStored), cursor };
}

/** All listings of one organisation (any status), newest first. */
export async function listOrganisationListings(orgId: string): Promise<StoredListing[]> {
  const { data } = await guard(() => db().entities.listing.query.byOrg({ orgId }).go({ order: "desc", pages: "all" }));
  return data.map(toStored);
}
