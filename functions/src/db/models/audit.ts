import { auditActions } from "@ketnoi/core";
import { defineModel } from "./define";

/**
 * One audit log entry: who (`actorId`, a province officer, school staff member, recruiter or admin — never a
 * student, who cannot open a dashboard) did what, when, with which filters. A month shares a partition, read
 * newest first by admins.
 */
export const auditModel = defineModel({
  model: { entity: "audit", version: "1", service: "ketnoi" },
  attributes: {
    month: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    auditId: { type: "string", required: true, readOnly: true },
    actorId: { type: "string", required: true },
    role: { type: "string", required: true },
    action: { type: auditActions, required: true },
    scope: { type: "string", required: true },
    filters: { type: "any", required: true },
  },
  indexes: {
    byMonth: { pk: { field: "pk", composite: ["month"] }, sk: { field: "sk", composite: ["at", "auditId"] } },
  },
});
