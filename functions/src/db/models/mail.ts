import { mailLanguages, notificationKinds } from "@ketnoi/core";
import { defineModel } from "./define";
import { bilingualText } from "./shared";

/** A user's mail preferences: the language mail is written in and the channel of each kind they chose. */
export const mailPreferenceModel = defineModel({
  model: { entity: "mailPreference", version: "1", service: "ketnoi" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    language: { type: mailLanguages, required: true, default: "vi" },
    // Only the kinds the user chose; the rest take their default (core/schemas/mail.ts).
    kinds: { type: "any", required: true, default: () => ({}) },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byUser: { pk: { field: "pk", composite: ["userId"] }, sk: { field: "sk", composite: [] } },
  },
});

/**
 * Claims one mail (a notice's, a digest's) before it is sent: created with a condition, so a replayed stream
 * record, a retried batch or a second consumer finds it and sends nothing. `sending` while the transport works;
 * a `sending` claim older than the lease is taken over (the sender died mid-way).
 */
export const mailSentModel = defineModel({
  model: { entity: "mailSent", version: "1", service: "ketnoi" },
  attributes: {
    mailKey: { type: "string", required: true, readOnly: true },
    status: { type: ["sending", "sent", "failed"] as const, required: true },
    claimedAt: { type: "string", required: true },
    messageId: { type: "string" },
    error: { type: "string" },
    expiresAt: { type: "number", required: true, field: "expiresAt" },
  },
  indexes: {
    byKey: { pk: { field: "pk", composite: ["mailKey"] }, sk: { field: "sk", composite: [] } },
  },
});

/**
 * A notice waiting for its user's daily digest, under its user (export and erasure find it there). Its index spreads
 * the entries over a few partitions by a hash of the user, so the digest job reads them all with one Query per shard
 * and no partition takes every write.
 */
export const mailDigestEntryModel = defineModel({
  model: { entity: "mailDigestEntry", version: "1", service: "ketnoi" },
  attributes: {
    shard: { type: "number", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    noticeId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    kind: { type: notificationKinds, required: true },
    title: { ...bilingualText, required: true },
    body: bilingualText,
    link: { type: "string" },
    expiresAt: { type: "number", required: true, field: "expiresAt" },
  },
  indexes: {
    byUser: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: ["at", "noticeId"] },
    },
    byShard: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["shard"] },
      sk: { field: "gsi1sk", composite: ["userId", "at", "noticeId"] },
    },
  },
});

/** An address SES reported as bouncing or complaining: nothing is sent to it again. */
export const mailSuppressionModel = defineModel({
  model: { entity: "mailSuppression", version: "1", service: "ketnoi" },
  attributes: {
    email: { type: "string", required: true, readOnly: true },
    reason: { type: ["bounce", "complaint"] as const, required: true },
    at: { type: "string", required: true },
  },
  indexes: {
    byEmail: { pk: { field: "pk", composite: ["email"] }, sk: { field: "sk", composite: [] } },
  },
});
