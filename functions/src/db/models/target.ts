import { targetMetrics, workforceFieldIds } from "@ketnoi/core";
import { defineModel } from "./define";

const counts = {
  type: "map",
  required: true,
  properties: Object.fromEntries(targetMetrics.map((m) => [m, { type: "number", required: true }])) as Record<
    (typeof targetMetrics)[number],
    { type: "number"; required: true }
  >,
} as const;

/**
 * A workforce target (chỉ tiêu) for a year and field, province-wide (`scopeId` = `all`) or for one university.
 * A year's targets share a partition: the dashboard reads them with one Query. `changedBy` is the officer's user
 * id (officers are not data subjects of the students' export / erasure; see docs/dashboard.md).
 */
export const targetModel = defineModel({
  model: { entity: "target", version: "1", service: "ketnoi" },
  attributes: {
    year: { type: "number", required: true, readOnly: true },
    field: { type: workforceFieldIds, required: true, readOnly: true },
    scopeId: { type: "string", required: true, readOnly: true },
    counts,
    version: { type: "number", required: true },
    changedBy: { type: "string", required: true },
    changedAt: { type: "string", required: true },
  },
  indexes: {
    byYear: { pk: { field: "pk", composite: ["year"] }, sk: { field: "sk", composite: ["field", "scopeId"] } },
  },
});

/** One saved version of a target, written in the same transaction as the target: the change history. */
export const targetVersionModel = defineModel({
  model: { entity: "targetVersion", version: "1", service: "ketnoi" },
  attributes: {
    year: { type: "number", required: true, readOnly: true },
    field: { type: workforceFieldIds, required: true, readOnly: true },
    scopeId: { type: "string", required: true, readOnly: true },
    version: { type: "number", required: true, readOnly: true },
    counts,
    changedBy: { type: "string", required: true },
    changedAt: { type: "string", required: true },
  },
  indexes: {
    byTarget: {
      pk: { field: "pk", composite: ["year", "field", "scopeId"] },
      sk: { field: "sk", composite: ["version"] },
    },
  },
});
