import { type Organisation, organisationStanding } from "@ketnoi/core";
import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import { dataConfig } from "../config";
import { guard } from "../data/guard";
import {
  listAllPublishedListings,
  listOrganisationListings,
  type StoredListing,
  toStoredListing,
} from "../data/listing-reads";
import { getOrganisation, getOrganisations } from "../data/organisation-reads";
import { type SearchDocument, toSearchDocument } from "./document";

// Reads through the lite data path (data/listing-reads.ts, db/lite.ts): the search route's function imports this
// module (search/live.ts) and so starts without ElectroDB (issue 14).

/** A listing item (from a Query or a stream image) as the data layer's StoredListing. */
export const fromListingItem = toStoredListing;

/**
 * Whether an organisation's listings may be public (policy.ts `organisationStanding`): the index holds only those.
 * A rejected, suspended or pending organisation's listings — or one not readable — are not indexed at all, so search
 * neither shows nor counts nor pages them (the outside review: `total` and the cursor told anyone which words a
 * suspended organisation's hidden listings contain; routes/review-search-hidden.test.ts).
 */
const listingsPublic = (org: Organisation | undefined): org is Organisation =>
  org !== undefined && organisationStanding[org.verification].listingsPublic;

/** Index documents for listings whose organisation's standing makes them public, organisations read in one batch. */
export async function documentsFor(listings: StoredListing[]): Promise<SearchDocument[]> {
  const orgs = await getOrganisations(listings.map((l) => l.orgId));
  return listings.flatMap((listing) => {
    const org = orgs.get(listing.orgId);
    return listingsPublic(org) ? [toSearchDocument(listing, org)] : [];
  });
}

/**
 * Documents of every published listing: a Query on gsi2 (status = published), never a table Scan. Used only to
 * build a first snapshot (locally, or once per environment by the stream consumer).
 */
export async function publishedDocuments(): Promise<SearchDocument[]> {
  return documentsFor(await listAllPublishedListings());
}

/**
 * One organisation's published listings after its name, sectors or standing changed: their documents to re-index
 * while its standing makes them public, else the listings to take out of the index (`hidden`; put back as documents
 * when it is verified again).
 */
export async function organisationDocuments(
  orgId: string,
): Promise<{ documents: SearchDocument[]; hidden: { id: string; updatedAt: string }[] }> {
  const [listings, org] = await Promise.all([listOrganisationListings(orgId), getOrganisation(orgId)]);
  const published = listings.filter((l) => l.status === "published");
  return listingsPublic(org)
    ? { documents: published.map((l) => toSearchDocument(l, org)), hidden: [] }
    : { documents: [], hidden: published.map((l) => ({ id: l.id, updatedAt: l.updatedAt })) };
}

/**
 * The table's identity (name and creation time). A local snapshot records it, so a table created anew (a fresh
 * DynamoDB Local, an e2e run in memory) never serves another table's snapshot.
 */
export async function tableFingerprint(): Promise<string> {
  const { TABLE_NAME } = dataConfig();
  const { Table } = await guard(() => liteTransport().describeTable({ TableName: TABLE_NAME }));
  return `${TABLE_NAME}@${Table?.CreationDateTime?.toISOString() ?? "unknown"}`;
}
