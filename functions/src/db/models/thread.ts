import { defineModel } from "./define";

/**
 * The summary of an application's thread: how many messages each side wrote and when the last one came. Written in
 * the same transaction as each message (`ADD`), so the counts never drift from the messages. Unread counts are the
 * other side's count minus the reader's marker (threadRead), read for all of a person's threads in two Queries:
 * the student's threads (`byStudent`) or the organisation's (`byOrganisation`), and the reader's markers.
 */
export const threadModel = defineModel({
  model: { entity: "thread", version: "1", service: "ketnoi" },
  attributes: {
    applicationId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true },
    orgId: { type: "string", required: true },
    listingId: { type: "string", required: true },
    studentMessages: { type: "number", required: true, default: 0 },
    organisationMessages: { type: "number", required: true, default: 0 },
    lastMessageAt: { type: "string", required: true },
  },
  indexes: {
    byApplication: { pk: { field: "pk", composite: ["applicationId"] }, sk: { field: "sk", composite: [] } },
    byStudent: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studentId"] },
      sk: { field: "gsi1sk", composite: ["lastMessageAt"] },
    },
    byOrganisation: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["orgId"] },
      sk: { field: "gsi2sk", composite: ["lastMessageAt"] },
    },
  },
});

/**
 * One participant's read marker on a thread: how many of the other side's messages they have seen. Only ever
 * raised (a conditional update), so two tabs marking at once keep the higher mark. Per person, so each member of
 * the organisation has their own.
 */
export const threadReadModel = defineModel({
  model: { entity: "threadRead", version: "1", service: "ketnoi" },
  attributes: {
    applicationId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    seen: { type: "number", required: true },
    readAt: { type: "string", required: true },
  },
  indexes: {
    byThread: { pk: { field: "pk", composite: ["applicationId"] }, sk: { field: "sk", composite: ["userId"] } },
    byReader: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["applicationId"] },
    },
  },
});
