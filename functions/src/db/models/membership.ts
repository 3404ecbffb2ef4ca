import { membershipRoles } from "@ketnoi/core";
import { defineModel } from "./define";

/** A user's membership of an organisation (owner or staff). Lives in the organisation's partition. */
export const membershipModel = defineModel({
  model: { entity: "membership", version: "1", service: "ketnoi" },
  attributes: {
    orgId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    role: { type: membershipRoles, required: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byOrg: { pk: { field: "pk", composite: ["orgId"] }, sk: { field: "sk", composite: ["userId"] } },
    // A signed-in user's organisations, read on every authenticated request.
    byUser: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["orgId"] },
    },
  },
});
