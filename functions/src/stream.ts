import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { EntityItem } from "electrodb";
import { aggregateStreamRecords } from "./aggregates/consumer";
import type { ListingEntity } from "./db/entities/listing";
import { db } from "./db/service";
import { alertSavedSearches } from "./search/alerts";
import type { SearchDocument } from "./search/document";
import { ListingSearchIndex } from "./search/listing-index";
import { searchSetup } from "./search/live";
import { SnapshotConflictError, type SnapshotStore } from "./search/snapshot-store";
import { documentsFor, fromListingItem, organisationDocuments, publishedDocuments } from "./search/sources";

/** The parts of a DynamoDB Streams record this consumer reads (NEW_AND_OLD_IMAGES view). */
export interface DynamoDBStreamRecord {
  eventID?: string;
  eventName?: "INSERT" | "MODIFY" | "REMOVE";
  dynamodb?: {
    Keys?: Record<string, AttributeValue>;
    NewImage?: Record<string, AttributeValue>;
    OldImage?: Record<string, AttributeValue>;
    SequenceNumber?: string;
  };
}

/** A batch of stream records, as Lambda's DynamoDB event source delivers it. */
export interface DynamoDBStreamEvent {
  Records: DynamoDBStreamRecord[];
}

/** Partial batch response (the event source mapping needs `ReportBatchItemFailures`): Lambda retries from the first. */
export interface StreamBatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

type RawItem = Record<string, unknown>;
type ListingChange = { id: string; listing?: ReturnType<typeof fromListingItem>; updatedAt?: string; seq?: string };

const maxSaveAttempts = 5;
// Organisation fields that the index holds: a change to any of them re-indexes the organisation's listings.
const indexedOrgFields = ["name", "sectors", "verification"] as const;

const entityOf = (image: RawItem | undefined) => image?.__edb_e__;
const image = (attributes: Record<string, AttributeValue> | undefined) =>
  attributes ? (unmarshall(attributes) as RawItem) : undefined;

// ElectroDB parses its own raw item (keys and markers dropped) into the entity's attribute shape.
function parseListing(raw: RawItem): ReturnType<typeof fromListingItem> | undefined {
  const { data } = db().entities.listing.parse({ Item: raw });
  return data ? fromListingItem(data as EntityItem<typeof ListingEntity>) : undefined;
}

/** Reads a batch into the last change per listing, the listings newly published, and organisations to re-index. */
function collect(records: DynamoDBStreamRecord[]) {
  const listings = new Map<string, ListingChange>();
  const newlyPublished = new Map<string, string | undefined>();
  const organisations = new Set<string>();
  for (const record of records) {
    const next = image(record.dynamodb?.NewImage);
    const before = image(record.dynamodb?.OldImage);
    const seq = record.dynamodb?.SequenceNumber;
    if (entityOf(next ?? before) === "listing") {
      const listing = next && record.eventName !== "REMOVE" ? parseListing(next) : undefined;
      const id = listing?.id ?? String((before ?? next)?.listingId);
      listings.set(id, { id, listing, updatedAt: listing?.updatedAt, seq });
      if (listing?.status === "published" && before?.status !== "published") newlyPublished.set(id, seq);
      else newlyPublished.delete(id);
    } else if (entityOf(next) === "organisation" && before && record.eventName === "MODIFY") {
      const changed = indexedOrgFields.some((field) => JSON.stringify(before[field]) !== JSON.stringify(next?.[field]));
      if (changed) organisations.add(String(next?.orgId));
    }
  }
  return { listings, newlyPublished, organisations };
}

async function loadOrBuild(store: SnapshotStore) {
  const stored = await store.load();
  const snapshot = stored === "unchanged" ? undefined : stored;
  const parsed = snapshot ? ListingSearchIndex.fromSnapshot(snapshot.body) : undefined;
  // First run in an environment (or a new snapshot format): build once from the published-listings Query.
  const index = parsed?.index ?? ListingSearchIndex.fromDocuments(await publishedDocuments());
  return { index, etag: snapshot?.etag ?? null, built: !parsed };
}

/**
 * Applies the changes to the snapshot: load, apply, save only if nobody saved in between (S3 conditional write);
 * on a conflict (a consumer of another shard saved first) load again and re-apply.
 */
async function applyToSnapshot(store: SnapshotStore, docs: Map<string, SearchDocument>, changes: ListingChange[]) {
  for (let attempt = 1; ; attempt++) {
    const { index, etag, built } = await loadOrBuild(store);
    let changed = built;
    for (const change of changes) {
      const doc = docs.get(change.id);
      changed = (doc ? index.upsert(doc) : index.remove(change.id, change.updatedAt)) || changed;
    }
    const changedIds = new Set(changes.map((change) => change.id));
    for (const doc of docs.values()) if (!changedIds.has(doc.id)) changed = index.upsert(doc) || changed;
    if (!changed) return;
    try {
      await store.save(index.toSnapshot(null), etag);
      return;
    } catch (error) {
      if (!(error instanceof SnapshotConflictError) || attempt >= maxSaveAttempts) throw error;
    }
  }
}

/**
 * Builds the DynamoDB stream consumer: keeps the search snapshot current with listing (and organisation)
 * changes, then alerts saved searches about newly published listings. Re-processing a batch is harmless:
 * upserts ignore older versions and each alert is claimed once.
 * @example export const handler = createStreamHandler({ store: s3SnapshotStore(client) });
 */
export function createStreamHandler(options: { store?: SnapshotStore; now?: () => Date } = {}) {
  return async (event: DynamoDBStreamEvent): Promise<StreamBatchResponse> => {
    await aggregateStreamRecords(event.Records);
    const store = options.store ?? searchSetup().store;
    const { listings, newlyPublished, organisations } = collect(event.Records);
    const published = [...listings.values()].flatMap((c) => (c.listing?.status === "published" ? [c.listing] : []));
    const docs = new Map((await documentsFor(published)).map((doc) => [doc.id, doc]));
    for (const orgId of organisations) {
      for (const doc of await organisationDocuments(orgId)) if (!docs.has(doc.id)) docs.set(doc.id, doc);
    }
    if (listings.size > 0 || docs.size > 0) await applyToSnapshot(store, docs, [...listings.values()]);

    const alerted = [...newlyPublished.keys()].flatMap((id) => docs.get(id) ?? []);
    const { failedListingIds } = await alertSavedSearches(alerted, options.now?.() ?? new Date());
    const failures = [...failedListingIds].flatMap((id) => newlyPublished.get(id) ?? []);
    return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}

/**
 * A handler using the snapshot store passed to `configureSearch`. The deployed entry is stream-lambda.ts, which
 * configures the S3 store first.
 */
export const handler = createStreamHandler();
