import { offerPayKinds, offerStatuses } from "@ketnoi/core";
import { defineModel } from "./define";
import { timestamps } from "./shared";

/**
 * The terms of an application's offer, in the application's partition. Written in the same transaction as the
 * application's move to `offered` (and each answer with its move), so the terms and the status never diverge.
 */
export const offerModel = defineModel({
  model: { entity: "offer", version: "1", service: "ketnoi" },
  attributes: {
    applicationId: { type: "string", required: true, readOnly: true },
    listingId: { type: "string", required: true },
    orgId: { type: "string", required: true },
    studentId: { type: "string", required: true },
    status: { type: offerStatuses, required: true },
    payKind: { type: offerPayKinds, required: true },
    payVnd: { type: "number" },
    startDate: { type: "string", required: true },
    replyBy: { type: "string", required: true },
    place: { type: "string" },
    note: { type: "string" },
    reason: { type: "string" },
    ...timestamps,
  },
  indexes: {
    byApplication: { pk: { field: "pk", composite: ["applicationId"] }, sk: { field: "sk", composite: [] } },
    // The expiry job: open offers by reply-by day. Sparse: an answered offer leaves the index.
    byReplyBy: {
      index: "gsi3",
      condition: (attr) => attr.status === "open",
      pk: { field: "gsi3pk", composite: ["status"] },
      sk: { field: "gsi3sk", composite: ["replyBy"] },
    },
  },
});
