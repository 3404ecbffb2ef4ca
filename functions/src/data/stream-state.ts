import { db } from "../db/service";
import { guard } from "./guard";

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
  const { data } = await guard(() => db().entities.streamAttempt.get({ eventId }).go({ consistent: true }));
  return data?.attempts ?? 0;
}

/** Counts one more failure of a record and returns the new count (an atomic ADD: concurrent retries both count). */
export async function recordAttempt(eventId: string, error: string): Promise<number> {
  const { data } = await guard(() =>
    db()
      .entities.streamAttempt.upsert({
        eventId,
        lastError: error.slice(0, 500),
        updatedAt: new Date().toISOString(),
        expiresAt: nowSeconds() + attemptTtlSeconds,
      })
      .add({ attempts: 1 })
      .go({ response: "all_new" }),
  );
  return data.attempts;
}

/** Forgets a record's failures once it has gone through (or been set aside). */
export async function clearAttempts(eventId: string): Promise<void> {
  await guard(() => db().entities.streamAttempt.delete({ eventId }).go());
}

/** Sets a record aside: one dead-letter item per stream event, however often this runs. */
export async function putDeadLetter(record: FailedRecord, attempts: number, error: string): Promise<void> {
  const createdAt = new Date().toISOString();
  await guard(() =>
    db()
      .entities.deadLetter.put({
        ...record,
        attempts,
        error: error.slice(0, 1000),
        createdAt,
        expiresAt: nowSeconds() + deadLetterTtlSeconds,
      })
      .go(),
  );
  await clearAttempts(record.eventId);
}

/** The dead letters still kept, newest first. */
export async function listDeadLetters(limit = 100) {
  const { data } = await guard(() => db().entities.deadLetter.query.all({}).go({ order: "desc", count: limit }));
  return data;
}

/** The local reader's saved positions, shard id → last sequence number fully processed. */
export async function loadCheckpoints(): Promise<Map<string, string>> {
  const { data } = await guard(() =>
    db().entities.streamCheckpoint.query.byShard({}).go({ pages: "all", consistent: true }),
  );
  return new Map(data.map((c) => [c.shardId, c.sequenceNumber]));
}

/** Saves the local reader's position in a shard. */
export async function saveCheckpoint(shardId: string, sequenceNumber: string): Promise<void> {
  await guard(() =>
    db().entities.streamCheckpoint.put({ shardId, sequenceNumber, updatedAt: new Date().toISOString() }).go(),
  );
}

/** A batch went through: the newest record it applied, and nothing is waiting any more (one UpdateItem). */
export async function markProcessed(lastRecordAt: string | undefined): Promise<void> {
  const now = new Date().toISOString();
  await guard(() =>
    db()
      .entities.streamStatus.update({})
      .set({ lastProcessedAt: now, updatedAt: now, ...(lastRecordAt ? { lastRecordAt } : {}) })
      .remove(["pendingSince"])
      .go(),
  );
}

/** A record is failing: remembers the stream time of the oldest record waiting (kept until a batch goes through). */
export async function markPending(since: string): Promise<void> {
  const { data } = await guard(() => db().entities.streamStatus.get({}).go({ consistent: true }));
  if (data?.pendingSince && data.pendingSince <= since) return;
  await guard(() =>
    db().entities.streamStatus.upsert({ pendingSince: since, updatedAt: new Date().toISOString() }).go(),
  );
}

// What /api/health reads of the consumer's state (its status item, the dead letters' count) is in
// data/stream-health.ts, over the lite data path: the health function starts without ElectroDB (issue 14).
