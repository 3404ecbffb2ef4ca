import { defineModel } from "./define";

/**
 * The record of one run of the retention job (functions/src/data/retention.ts): when it ran, the rule it applied
 * (days, cutoff), whether it only counted (dry run), what it did and whether it got through everything. It names no
 * person: it is the controller's evidence that non-hired applicants' data is removed on schedule. A month shares a
 * partition, newest first, as the audit log does.
 */
export const retentionRunModel = defineModel({
  model: { entity: "retentionRun", version: "1", service: "ketnoi" },
  attributes: {
    month: { type: "string", required: true, readOnly: true },
    startedAt: { type: "string", required: true, readOnly: true },
    runId: { type: "string", required: true, readOnly: true },
    finishedAt: { type: "string", required: true },
    trigger: { type: ["schedule", "manual"] as const, required: true },
    days: { type: "number", required: true },
    cutoff: { type: "string", required: true },
    dryRun: { type: "boolean", required: true },
    outcome: { type: ["complete", "partial", "failed"] as const, required: true },
    examined: { type: "number", required: true },
    anonymised: { type: "number", required: true },
    skipped: { type: "number", required: true },
    notificationsDeleted: { type: "number", required: true },
    invitesDeleted: { type: "number", required: true },
    // Applications anonymised per not-hired status.
    byStatus: { type: "any", required: true },
    // Where a partial run stopped (an opaque cursor), or the failure's message.
    cursor: { type: "string" },
    error: { type: "string" },
  },
  indexes: {
    byMonth: { pk: { field: "pk", composite: ["month"] }, sk: { field: "sk", composite: ["startedAt", "runId"] } },
  },
});
