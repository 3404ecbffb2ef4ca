import { defineModel } from "./define";

/**
 * The stream consumer's own bookkeeping (docs/data-model.md, "Stream consumer"). None of it holds personal data:
 * records are named by their stream event id and table keys, never by their images.
 */

/** How often one stream record has failed so far; removed once it succeeds or is set aside as a dead letter. */
export const streamAttemptModel = defineModel({
  model: { entity: "streamAttempt", version: "1", service: "ketnoi" },
  attributes: {
    eventId: { type: "string", required: true, readOnly: true },
    attempts: { type: "number", required: true },
    lastError: { type: "string", required: true },
    updatedAt: { type: "string", required: true },
    expiresAt: { type: "number", required: true, field: "expiresAt" },
  },
  indexes: {
    byEvent: { pk: { field: "pk", composite: ["eventId"] }, sk: { field: "sk", composite: [] } },
  },
});

/**
 * A stream record that kept failing and was set aside so the records after it could flow on. All dead letters
 * share one partition so /api/health counts them with one Query; an operator reads them there.
 */
export const deadLetterModel = defineModel({
  model: { entity: "deadLetter", version: "1", service: "ketnoi" },
  attributes: {
    eventId: { type: "string", required: true, readOnly: true },
    sequenceNumber: { type: "string" },
    eventName: { type: "string" },
    /** The changed item's entity and table key (pk/sk), enough to find it again. */
    entity: { type: "string" },
    itemKey: { type: "string" },
    attempts: { type: "number", required: true },
    error: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "number", required: true, field: "expiresAt" },
  },
  indexes: {
    all: { pk: { field: "pk", composite: [] }, sk: { field: "sk", composite: ["createdAt", "eventId"] } },
  },
});

/**
 * Where the local stream reader has got to in one shard (npm start resumes there after a restart; in AWS the
 * event source mapping keeps this position itself).
 */
export const streamCheckpointModel = defineModel({
  model: { entity: "streamCheckpoint", version: "1", service: "ketnoi" },
  attributes: {
    shardId: { type: "string", required: true, readOnly: true },
    sequenceNumber: { type: "string", required: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byShard: { pk: { field: "pk", composite: [] }, sk: { field: "sk", composite: ["shardId"] } },
  },
});

/**
 * The consumer's progress, for /api/health: when it last finished a batch, the stream time of the newest record
 * it applied, and — while a record is failing — the stream time of the oldest record still waiting.
 */
export const streamStatusModel = defineModel({
  model: { entity: "streamStatus", version: "1", service: "ketnoi" },
  attributes: {
    lastProcessedAt: { type: "string" },
    lastRecordAt: { type: "string" },
    pendingSince: { type: "string" },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    status: { pk: { field: "pk", composite: [] }, sk: { field: "sk", composite: [] } },
  },
});
