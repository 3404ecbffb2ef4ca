import { invitationStatuses, membershipRoles } from "@ketnoi/core";
import { defineModel } from "./define";

/**
 * An invitation to join an organisation, addressed to a normalised e-mail address (the invitee may not have an
 * account yet). Its id is derived from (organisation, e-mail), so an organisation holds at most one open
 * invitation per address, even under concurrent invites. `expiresAt` (epoch seconds) is the table's TTL.
 */
export const invitationModel = defineModel({
  model: { entity: "invitation", version: "1", service: "ketnoi" },
  attributes: {
    invitationId: { type: "string", required: true, readOnly: true },
    orgId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    role: { type: membershipRoles, required: true },
    status: { type: invitationStatuses, required: true },
    invitedBy: { type: "string", required: true },
    createdAt: { type: "string", required: true },
    respondedAt: { type: "string" },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    byId: { pk: { field: "pk", composite: ["invitationId"] }, sk: { field: "sk", composite: [] } },
    // "My invitations": an invitee finds theirs by e-mail, since no user id exists when the invitation is sent.
    byEmail: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["email"] },
      sk: { field: "gsi1sk", composite: ["createdAt"] },
    },
    // An organisation's open invitations, for its members page.
    byOrg: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["orgId"] },
      sk: { field: "gsi2sk", composite: ["createdAt"] },
    },
  },
});
