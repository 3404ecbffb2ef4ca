import { defineModel } from "./define";

/**
 * One counter of the dashboard's aggregate cube (see core `dashboard/cells.ts`): all cells of a year share the
 * year's partition (and the skills counters the `now` partition), so a dashboard reads one or two Queries and
 * never scans. Only the aggregator writes them, by atomic ADD in the same transaction as the contribution below.
 */
export const dashCellModel = defineModel({
  model: { entity: "dashCell", version: "1", service: "ketnoi" },
  attributes: {
    bucket: { type: "string", required: true, readOnly: true },
    cellKey: { type: "string", required: true, readOnly: true },
    count: { type: "number", required: true },
    // The sum of the counted records' keys (integers below 2³², see core dashboard/perturbation.ts), added to with
    // the count: the cell-key method reads the published value's noise from it. Absent on counters written before
    // record keys existed, until reconciliation repairs them.
    keySum: { type: "number" },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byBucket: { pk: { field: "pk", composite: ["bucket"] }, sk: { field: "sk", composite: ["cellKey"] } },
  },
});

/**
 * What one source record (listing, application, booking, student profile) currently adds to the counters, and
 * the version of the record it was computed from: the aggregator's processed-record marker. `fact` is a SHA-256
 * of the record's kind and id, so no person's id is stored here; a record that stops counting leaves a tombstone
 * (no cells) that expires two days later, after the stream (24 h) can no longer replay older events.
 */
export const dashContributionModel = defineModel({
  model: { entity: "dashContribution", version: "1", service: "ketnoi" },
  attributes: {
    fact: { type: "string", required: true, readOnly: true },
    orderKey: { type: "string", required: true },
    // Incremented by every write: the optimistic-concurrency token between concurrent aggregators.
    rev: { type: "number", required: true },
    // cell key → amount, as a DynamoDB map; absent on a tombstone (ElectroDB rejects an empty required map).
    cells: { type: "any" },
    expiresAt: { type: "number" },
  },
  indexes: {
    byFact: { pk: { field: "pk", composite: ["fact"] }, sk: { field: "sk", composite: [] } },
  },
});

/**
 * The secret the dashboard's record keys are derived from (aggregates/record-keys.ts): 32 random bytes, created
 * once by the first aggregator or reconciliation that needs it. Only they read it; no route does, so a dashboard
 * reader can never compute a record's key and so never undo the perturbation.
 */
export const dashKeySecretModel = defineModel({
  model: { entity: "dashKeySecret", version: "1", service: "ketnoi" },
  attributes: {
    name: { type: "string", required: true, readOnly: true },
    secret: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byName: { pk: { field: "pk", composite: ["name"] }, sk: { field: "sk", composite: [] } },
  },
});
