import { setTimeout as sleep } from "node:timers/promises";
import type { EntityItem } from "electrodb";
import { aggregateStreamRecords } from "./aggregates/consumer";
import { updateCandidateSnapshot } from "./candidates/stream";
import {
  attemptsOf,
  clearAttempts,
  markPending,
  markProcessed,
  putDeadLetter,
  recordAttempt,
} from "./data/stream-state";
import type { ListingEntity } from "./db/entities/listing";
import { fromStoredItem, owns } from "./db/lite";
import { listingModel } from "./db/models/listing";
import { deleteRemovedFiles } from "./effects/files";
import { deliverNotices } from "./effects/notices";
import {
  type DynamoDBStreamRecord,
  decodeImage,
  entityOf,
  eventIdOf,
  type Item,
  isSourceRecord,
  itemKeyOf,
  recordTime,
} from "./effects/records";
import { isDatabaseUnavailable } from "./http/errors";
import { alertSavedSearches } from "./search/alerts";
import type { SearchDocument } from "./search/document";
import { ListingSearchIndex } from "./search/listing-index";
import { applyIndexChanges, searchSetup } from "./search/live";
import { SnapshotConflictError, type SnapshotStore } from "./search/snapshot-store";
import { documentsFor, fromListingItem, organisationDocuments, publishedDocuments } from "./search/sources";

export type { DynamoDBStreamRecord } from "./effects/records";

/** A batch of stream records, as Lambda's DynamoDB event source delivers it. */
export interface DynamoDBStreamEvent {
  Records: DynamoDBStreamRecord[];
}

/** Partial batch response (the event source mapping needs `ReportBatchItemFailures`): Lambda retries from the first. */
export interface StreamBatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

type ListingChange = { id: string; listing?: ReturnType<typeof fromListingItem>; updatedAt?: string; seq?: string };

/** How the consumer treats a record that keeps failing. */
export interface PoisonPolicy {
  /** Failures before a record is set aside as a dead letter. */
  maxAttempts: number;
  /** Pause before retrying a record that failed n times: base × 2^(n−1), at most `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const defaultPoisonPolicy: PoisonPolicy = { maxAttempts: 5, backoffMs: 200, maxBackoffMs: 5_000 };

const maxSaveAttempts = 5;
// Organisation fields that the index holds: a change to any of them re-indexes the organisation's listings.
const indexedOrgFields = ["name", "sectors", "verification"] as const;

// A stored listing read into the entity's attribute shape (keys and markers dropped), as ElectroDB's `parse` does,
// over the lite data path (db/lite.ts, issue 14): the stream consumer starts without ElectroDB.
function parseListing(raw: Item): ReturnType<typeof fromListingItem> | undefined {
  if (!owns(listingModel, raw)) return undefined;
  return fromListingItem(fromStoredItem(listingModel, raw) as EntityItem<ListingEntity>);
}

/** Reads a batch into the last change per listing, the listings newly published, and organisations to re-index. */
function collect(records: readonly DynamoDBStreamRecord[]) {
  const listings = new Map<string, ListingChange>();
  const newlyPublished = new Map<string, string | undefined>();
  const organisations = new Set<string>();
  for (const record of records) {
    const entity = entityOf(record);
    if (entity !== "listing" && entity !== "organisation") continue;
    const next = decodeImage(record.dynamodb?.NewImage);
    const before = decodeImage(record.dynamodb?.OldImage);
    const seq = record.dynamodb?.SequenceNumber;
    if (entity === "listing") {
      const listing = next && record.eventName !== "REMOVE" ? parseListing(next) : undefined;
      const id = listing?.id ?? String((before ?? next)?.listingId);
      listings.set(id, { id, listing, ...(listing ? { updatedAt: listing.updatedAt } : {}), ...(seq ? { seq } : {}) });
      if (listing?.status === "published" && before?.status !== "published") newlyPublished.set(id, seq);
      else newlyPublished.delete(id);
    } else if (before && next && record.eventName === "MODIFY") {
      const changed = indexedOrgFields.some((field) => JSON.stringify(before[field]) !== JSON.stringify(next[field]));
      if (changed) organisations.add(String(next.orgId));
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
 * The search index's and saved searches' share of a batch: listing changes (and organisations whose indexed
 * fields changed) reach the index — the process's own index where it keeps one (local), else the S3 snapshot —
 * and each newly published listing alerts matching saved searches, each alert claimed once.
 */
async function indexAndAlert(records: readonly DynamoDBStreamRecord[], store: SnapshotStore | undefined, now: Date) {
  const { listings, newlyPublished, organisations } = collect(records);
  const published = [...listings.values()].flatMap((c) => (c.listing?.status === "published" ? [c.listing] : []));
  const docs = new Map((await documentsFor(published)).map((doc) => [doc.id, doc]));
  for (const orgId of organisations) {
    const { documents, hidden } = await organisationDocuments(orgId);
    for (const doc of documents) if (!docs.has(doc.id)) docs.set(doc.id, doc);
    // An organisation no longer public: its listings leave the index (a change without a document is a removal).
    for (const { id, updatedAt } of hidden) if (!listings.has(id)) listings.set(id, { id, updatedAt });
  }
  if (listings.size > 0 || docs.size > 0) {
    if (store) await applyToSnapshot(store, docs, [...listings.values()]);
    else {
      const changed = [...listings.values()].map((c) => ({ id: c.id, doc: docs.get(c.id), updatedAt: c.updatedAt }));
      const others = [...docs.values()].filter((doc) => !listings.has(doc.id));
      await applyIndexChanges([...changed, ...others.map((doc) => ({ id: doc.id, doc, updatedAt: doc.updatedAt }))]);
    }
  }
  const alerted = [...newlyPublished.keys()].flatMap((id) => docs.get(id) ?? []);
  const { failedListingIds } = await alertSavedSearches(alerted, now);
  if (failedListingIds.size > 0) throw new Error(`saved-search alerts failed for ${[...failedListingIds].join(", ")}`);
}

const log = (level: "warn" | "error", message: string, fields: Record<string, unknown>) =>
  console[level](JSON.stringify({ level, message, ...fields }));

/** What the consumer was given: where the snapshot lives (deploy), the clock, the poison policy. */
export interface StreamHandlerOptions {
  store?: SnapshotStore;
  now?: () => Date;
  poison?: Partial<PoisonPolicy>;
}

/**
 * Builds the one stream consumer, used by the deployed Lambda (stream-lambda.ts) and the local stream reader
 * (aggregates/local-stream.ts). From each stored change it derives every side effect: dashboard aggregates,
 * notices, search-index updates and saved-search alerts. Each effect is idempotent (counters keyed on the
 * record's version, notices and alerts on deterministic ids with conditional creates, index upserts ignoring
 * older versions), so a batch delivered again changes nothing twice.
 *
 * A batch that fails is gone through record by record: a record that fails is retried (with backoff) up to
 * `maxAttempts` times across invocations, then set aside as a dead letter, and the records after it flow on.
 * An unreachable database is not the record's fault: the batch fails as a whole and nothing is counted.
 * @example export const handler = createStreamHandler({ store: s3SnapshotStore(client) });
 */
export function createStreamHandler(options: StreamHandlerOptions = {}) {
  const policy = { ...defaultPoisonPolicy, ...options.poison };
  const effects = async (records: readonly DynamoDBStreamRecord[]) => {
    // The index sink: an explicit store, else this process's index where it keeps one, else the configured store.
    const store = options.store ?? (searchSetup().persist ? undefined : searchSetup().store);
    await aggregateStreamRecords(records);
    await deliverNotices(records);
    await deleteRemovedFiles(records);
    await indexAndAlert(records, store, options.now?.() ?? new Date());
    await updateCandidateSnapshot(records);
  };

  return async (event: DynamoDBStreamEvent): Promise<StreamBatchResponse> => {
    // The consumer's own writes (notices, counters, its bookkeeping) come back through the stream: they have no
    // effects, and a batch of only those leaves no trace (else each status write would wake the next batch).
    const records = event.Records.filter(isSourceRecord);
    if (records.length === 0) return { batchItemFailures: [] };
    const lastRecordAt = recordTime(records[records.length - 1]!);
    try {
      await effects(records);
      await markProcessed(lastRecordAt);
      return { batchItemFailures: [] };
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
    }
    for (const record of records) {
      const failure = await oneRecord(record);
      if (failure) return { batchItemFailures: [{ itemIdentifier: failure }] };
    }
    await markProcessed(lastRecordAt);
    return { batchItemFailures: [] };
  };

  /** Applies one record; returns its sequence number when it must be retried from there. */
  async function oneRecord(record: DynamoDBStreamRecord): Promise<string | undefined> {
    const eventId = eventIdOf(record);
    const before = await attemptsOf(eventId);
    if (before > 0) await sleep(Math.min(policy.backoffMs * 2 ** (before - 1), policy.maxBackoffMs));
    try {
      await effects([record]);
      if (before > 0) await clearAttempts(eventId);
      return undefined;
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      const attempts = await recordAttempt(eventId, message);
      const at = recordTime(record);
      if (attempts < policy.maxAttempts) {
        log("warn", "stream record failed, will retry", { eventId, attempts, error: message });
        if (at) await markPending(at);
        return record.dynamodb?.SequenceNumber ?? eventId;
      }
      const failed = {
        eventId,
        sequenceNumber: record.dynamodb?.SequenceNumber,
        eventName: record.eventName,
        entity: entityOf(record),
        itemKey: itemKeyOf(record),
      };
      await putDeadLetter(failed, attempts, message);
      // The metric filter behind the dead-letter alarm (infra/stream-consumer.ts) matches this message.
      log("error", "stream dead letter", { ...failed, attempts, error: message });
      return undefined;
    }
  }
}

/**
 * A handler using the snapshot store passed to `configureSearch`. The deployed entry is stream-lambda.ts, which
 * configures the S3 store first.
 */
export const handler = createStreamHandler();
