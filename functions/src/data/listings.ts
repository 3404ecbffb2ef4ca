import { randomUUID } from "node:crypto";
import type { ListingCreate, ListingPatch, ListingStatus, ListingType } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { ListingEntity } from "../db/entities/listing";
import { queryPage } from "../db/lite-pages";
import { liteWrites, send, whereEquals } from "../db/lite-writes";
import { listingModel } from "../db/models/listing";
import { guard, paginate, patchOperations } from "./guard";
import { type StoredListing, toStoredListing as toStored } from "./listing-reads";

// The reads the public paths use are in listing-reads.ts, over the lite data path (issue 14); re-exported here.
export {
  getListing,
  getListings,
  listOrganisationListings,
  publicListings,
  type StoredListing,
  withOrganisation,
} from "./listing-reads";

type ListingItem = EntityItem<ListingEntity>;

// Written over the lite data path (db/lite-writes.ts, issue 14), as ElectroDB writes them, without ElectroDB.
const listingWrites = liteWrites<ListingEntity>(listingModel);

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
  await guard(() => send(listingWrites.create(item)));
  // The search index follows from the stored change (stream.ts), never from this request.
  return toStored(item as ListingItem);
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
  const data = await guard(() =>
    send(
      listingWrites.patch(
        { listingId: current.id },
        {
          set: {
            ...set,
            status: nextStatus,
            sortAt: publishedAt ?? current.createdAt,
            ...(publishedAt ? { publishedAt } : {}),
            updatedAt: now,
          },
          remove,
          add: { version: 1 },
        },
        whereEquals(listingModel, { version }),
      ),
      { returnNew: listingModel },
    ),
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
    queryPage<ListingEntity>(
      listingModel,
      "byStatus",
      { status: "published" },
      {
        order: "desc",
        count: options.limit,
        cursor: options.cursor ?? null,
        filter: (item) =>
          (!options.type || item.type === options.type) && (!options.orgId || item.orgId === options.orgId),
      },
    ),
  );
  return { items: data.map(toStored), cursor };
}
