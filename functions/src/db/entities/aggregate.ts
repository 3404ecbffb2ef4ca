import { Entity } from "electrodb";

/**
 * One counter of the dashboard's aggregate cube (see core `dashboard/cells.ts`): all cells of a year share the
 * year's partition (and the skills counters the `now` partition), so a dashboard reads one or two Queries and
 * never scans. Only the aggregator writes them, by atomic ADD in the same transaction as the contribution below.
 */
export const DashCellEntity = new Entity({
  model: { entity: "dashCell", version: "1", service: "ketnoi" },
  attributes: {
    bucket: { type: "string", required: true, readOnly: true },
    cellKey: { type: "string", required: true, readOnly: true },
    count: { type: "number", required: true },
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
export const DashContributionEntity = new Entity({
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
