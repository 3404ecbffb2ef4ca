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

/** Index documents for listings, with their organisations read in one batch. */
export async function documentsFor(listings: StoredListing[]): Promise<SearchDocument[]> {
  const orgs = await getOrganisations(listings.map((l) => l.orgId));
  return listings.map((listing) => toSearchDocument(listing, orgs.get(listing.orgId)));
}

/**
 * Documents of every published listing: a Query on gsi2 (status = published), never a table Scan. Used only to
 * build a first snapshot (locally, or once per environment by the stream consumer).
 */
export async function publishedDocuments(): Promise<SearchDocument[]> {
  return documentsFor(await listAllPublishedListings());
}

/** Documents of one organisation's published listings, to re-index after its name, sectors or badge change. */
export async function organisationDocuments(orgId: string): Promise<SearchDocument[]> {
  const [listings, org] = await Promise.all([listOrganisationListings(orgId), getOrganisation(orgId)]);
  return listings.filter((l) => l.status === "published").map((l) => toSearchDocument(l, org));
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
