import { defineModel } from "./define";

/**
 * The first response to a write sent with an `Idempotency-Key` (functions/src/http/idempotency.ts). `requestId`
 * hashes (caller, key, method, path); `state` is `in_progress` from the conditional reservation until the
 * response is stored. It lives 24 hours (`expiresAt`, epoch seconds, the table's TTL; checked in code as well,
 * since DynamoDB Local does not expire items). It holds the caller's response, so it is the caller's personal
 * data: `byUser` lets export and erasure find it.
 */
export const idempotencyModel = defineModel({
  model: { entity: "idempotency", version: "1", service: "ketnoi" },
  attributes: {
    requestId: { type: "string", required: true, readOnly: true },
    /** The signed-in caller, or "anon". */
    userId: { type: "string", required: true, readOnly: true },
    method: { type: "string", required: true, readOnly: true },
    path: { type: "string", required: true, readOnly: true },
    bodyHash: { type: "string", required: true, readOnly: true },
    state: { type: ["in_progress", "done"] as const, required: true },
    /** Which request holds the reservation, so that only it completes or releases it. */
    holder: { type: "string", required: true },
    /** Until when (epoch ms) an in-progress reservation is presumed alive; after that it was abandoned. */
    leaseUntil: { type: "number", required: true },
    status: { type: "number" },
    contentType: { type: "string" },
    responseBody: { type: "string" },
    createdAt: { type: "string", required: true },
    expiresAt: { type: "number", required: true, field: "expiresAt" },
  },
  indexes: {
    byRequest: { pk: { field: "pk", composite: ["requestId"] }, sk: { field: "sk", composite: [] } },
    byUser: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["createdAt", "requestId"] },
    },
  },
});
