import { defineModel } from "./define";

/**
 * Marks that a saved search's owner was alerted about a listing. Created with a condition before the
 * notification is sent, so the in-process path, the stream consumer and retries together alert once.
 * DynamoDB's TTL deletes it after `expiresAt` (a listing reopened after that alerts again).
 */
export const searchAlertModel = defineModel({
  model: { entity: "searchAlert", version: "1", service: "ketnoi" },
  attributes: {
    savedSearchId: { type: "string", required: true, readOnly: true },
    listingId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "number", required: true, field: "expiresAt" },
  },
  indexes: {
    byAlert: {
      pk: { field: "pk", composite: ["savedSearchId"] },
      sk: { field: "sk", composite: ["listingId"] },
    },
  },
});
