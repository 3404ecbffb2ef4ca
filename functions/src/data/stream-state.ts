import type {
  DeadLetterEntity,
  StreamAttemptEntity,
  StreamCheckpointEntity,
  StreamStatusEntity,
} from "../db/entities/stream-state";
import { liteEntity } from "../db/lite";
import { liteWrites, send } from "../db/lite-writes";
import {
  deadLetterModel,
  streamAttemptModel,
  streamCheckpointModel,
  streamStatusModel,
} from "../db/models/stream-state";
import { guard } from "./guard";

// The consumer's bookkeeping over the lite data path (db/lite.ts, issue 14): the stream consumer starts without
// ElectroDB. The same items as ElectroDB wrote (lite-transact.test.ts holds the writes to its params).
const attempts = liteEntity<StreamAttemptEntity>(streamAttemptModel);
const attemptWrites = liteWrites<StreamAttemptEntity>(streamAttemptModel);
const deadLetters = liteEntity<DeadLetterEntity>(deadLetterModel);
const deadLetterWrites = liteWrites<DeadLetterEntity>(deadLetterModel);
const checkpoints = liteEntity<StreamCheckpointEntity>(streamCheckpointModel);
const checkpointWrites = liteWrites<StreamCheckpointEntity>(streamCheckpointModel);
const status = liteEntity<StreamStatusEntity>(streamStatusModel);
const statusWrites = liteWrites<StreamStatusEntity>(streamStatusModel);

const day = 24 * 60 * 60;
// Attempts outlive any retry schedule; dead letters stay for an operator long after the stream (24 h) has moved on.
const attemptTtlSeconds = 2 * day;
const deadLetterTtlSeconds = 30 * day;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** What the consumer keeps about a record that failed: enough to find the item, never its contents. */
export interface FailedRecord {
  eventId: string;
  sequenceNumber?: string | undefined;
  eventName?: string | undefined;
  entity?: string | undefined;
  itemKey?: string | undefined;
}

/** How often a stream record has failed before (0 when never). */
export async function attemptsOf(eventId: string): Promise<number> {
  const data = await guard(() => attempts.get({ eventId }, { consistent: true }));
  return data?.attempts ?? 0;
}

/** Counts one more failure of a record and returns the new count (an atomic ADD: concurrent retries both count). */
export async function recordAttempt(eventId: string, error: string): Promise<number> {
  const set = {
    lastError: error.slice(0, 500),
    updatedAt: new Date().toISOString(),
    expiresAt: nowSeconds() + attemptTtlSeconds,
  };
  // An upsert (UpdateItem creating the item when absent), returning the item as written.
  const data = await guard(() =>
    send(attemptWrites.update({ eventId }, { set, add: { attempts: 1 } }), { returnNew: streamAttemptModel }),
  );
  return (data?.attempts as number | undefined) ?? 0;
}

/** Forgets a record's failures once it has gone through (or been set aside). */
export async function clearAttempts(eventId: string): Promise<void> {
  await guard(() => send(attemptWrites.delete({ eventId })));
}

/** Sets a record aside: one dead-letter item per stream event, however often this runs. */
export async function putDeadLetter(record: FailedRecord, attempts: number, error: string): Promise<void> {
  const createdAt = new Date().toISOString();
  await guard(() =>
    send(
      deadLetterWrites.put({
        ...record,
        attempts,
        error: error.slice(0, 1000),
        createdAt,
        expiresAt: nowSeconds() + deadLetterTtlSeconds,
      }),
    ),
  );
  await clearAttempts(record.eventId);
}

/** The dead letters still kept, newest first. */
export async function listDeadLetters(limit = 100) {
  return guard(() => deadLetters.query("all", {}, { order: "desc", count: limit }));
}

/** The local reader's saved positions, shard id → last sequence number fully processed. */
export async function loadCheckpoints(): Promise<Map<string, string>> {
  const data = await guard(() => checkpoints.query("byShard", {}, { consistent: true }));
  return new Map(data.map((c) => [c.shardId, c.sequenceNumber]));
}

/** Saves the local reader's position in a shard. */
export async function saveCheckpoint(shardId: string, sequenceNumber: string): Promise<void> {
  await guard(() => send(checkpointWrites.put({ shardId, sequenceNumber, updatedAt: new Date().toISOString() })));
}

/** A batch went through: the newest record it applied, and nothing is waiting any more (one UpdateItem). */
export async function markProcessed(lastRecordAt: string | undefined): Promise<void> {
  const now = new Date().toISOString();
  const set = { lastProcessedAt: now, updatedAt: now, ...(lastRecordAt ? { lastRecordAt } : {}) };
  await guard(() => send(statusWrites.update({}, { set, remove: ["pendingSince"] })));
}

/** A record is failing: remembers the stream time of the oldest record waiting (kept until a batch goes through). */
export async function markPending(since: string): Promise<void> {
  const data = await guard(() => status.get({}, { consistent: true }));
  if (data?.pendingSince && data.pendingSince <= since) return;
  await guard(() =>
    send(statusWrites.update({}, { set: { pendingSince: since, updatedAt: new Date().toISOString() } })),
  );
}

// What /api/health reads of the consumer's state (its status item, the dead letters' count) is in
// data/stream-health.ts, over the same lite data path.
