import { defineModel } from "./define";

/**
 * One message in an application's thread. Keyed by the application's public id, sorted by time, so a page of the
 * thread is one Query. `studentId` names the student of the thread (whichever side wrote): it makes the message
 * the student's personal data, found for export and erasure through `byStudent` (data/privacy.ts) even when the
 * application was later replaced by a new one under a new id.
 */
export const messageModel = defineModel({
  model: { entity: "message", version: "1", service: "ketnoi" },
  attributes: {
    applicationId: { type: "string", required: true, readOnly: true },
    messageId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true, readOnly: true },
    orgId: { type: "string", required: true, readOnly: true },
    listingId: { type: "string", required: true, readOnly: true },
    side: { type: ["student", "organisation"] as const, required: true, readOnly: true },
    // The member who wrote an organisation-side message, and their name as it was then (shown to members only).
    authorUserId: { type: "string", required: true, readOnly: true },
    authorName: { type: "string" },
    text: { type: "string", required: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byThread: {
      pk: { field: "pk", composite: ["applicationId"] },
      sk: { field: "sk", composite: ["createdAt", "messageId"] },
    },
    byStudent: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studentId"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "messageId"] },
    },
  },
});
