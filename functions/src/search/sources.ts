import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import type { EntityItem } from "electrodb";
import { dataConfig } from "../config";
import { guard } from "../data/guard";
import { listOrganisationListings, type StoredListing } from "../data/listings";
import { getOrganisation, getOrganisations } from "../data/organisations";
import { dynamo } from "../db/client";
import type { ListingEntity } from "../db/entities/listing";
import { db } from "../db/service";
import { type SearchDocument, toSearchDocument } from "./document";

type ListingItem = EntityItem<ListingEntity>;

/** A listing item (from a Query or a stream image) as the data layer's StoredListing. */
export function fromListingItem({ listingId, sortAt: _sortAt, ...rest }: ListingItem): StoredListing {
  return { id: listingId, ...rest } as StoredListing;
}

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
  const { data } = await guard(() =>
    db().entities.listing.query.byStatus({ status: "published" }).go({ pages: "all" }),
  );
  return documentsFor(data.map(fromListingItem));
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
  const { Table } = await guard(() => dynamo().send(new DescribeTableCommand({ TableName: TABLE_NAME })));
  return `${TABLE_NAME}@${Table?.CreationDateTime?.toISOString() ?? "unknown"}`;
}
