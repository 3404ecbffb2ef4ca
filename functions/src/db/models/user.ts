import { roles } from "@ketnoi/core";
import { defineModel } from "./define";

/** A user account. In deploy the id is the Cognito `sub`; the role mirrors the Cognito group. */
export const userModel = defineModel({
  model: { entity: "user", version: "1", service: "ketnoi" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true },
    displayName: { type: "string", required: true },
    role: { type: roles, required: true },
    demo: { type: "boolean", default: false },
    createdAt: { type: "string", required: true, readOnly: true },
    // Set when the user erased their account: the record then keeps only id, role and dates (docs/privacy.md).
    erasedAt: { type: "string" },
    // Set when an administrator disabled the account: its tokens are refused like an erased one's (auth/account-lock.ts).
    disabledAt: { type: "string" },
  },
  indexes: {
    byId: { pk: { field: "pk", composite: ["userId"] }, sk: { field: "sk", composite: [] } },
    // A user by e-mail (ElectroDB lower-cases keys): whom to notify of an organisation's invitation.
    byEmail: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["email"] },
      sk: { field: "gsi1sk", composite: [] },
    },
    // Users by role: the admin's user list and the development sign-in page's demo accounts.
    byRole: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["role"] },
      sk: { field: "gsi2sk", composite: ["userId"] },
    },
  },
});
