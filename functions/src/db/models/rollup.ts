import { defineModel } from "./define";

/**
 * A roll-up of the dashboard's counters (core `dashboard/rollups.ts`): the summed count and key sum of every counter
 * of a bucket in one slice, by one table dimension's value and metric (`all|university|lhu|internships`). The
 * roll-ups of a bucket and slice share one partition of a few hundred items, so the province's default dashboard
 * reads one Query per bucket whatever the number of counters. The aggregator adds to them in the same transaction as the
 * counters; the seed and reconciliation write them whole. Bucket `meta`, slice `-`, key `complete-scopes`: written once the roll-ups
 * of the table are known to be complete (seed, reconciliation with repair); without it, dashboards read the counters.
 */
export const dashRollupModel = defineModel({
  model: { entity: "dashRollup", version: "1", service: "ketnoi" },
  attributes: {
    bucket: { type: "string", required: true, readOnly: true },
    // `all`, `field:<id>`, `university:<id>[/field:<id>]`, `org:<id>[/university:<id>]` (core rollupSliceOf): one
    // partition per bucket and slice, read whole by the views that read it (core slicesRead).
    slice: { type: "string", required: true, readOnly: true },
    rollupKey: { type: "string", required: true, readOnly: true },
    count: { type: "number", required: true },
    keySum: { type: "number", required: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byBucket: {
      pk: { field: "pk", composite: ["bucket", "slice"] },
      sk: { field: "sk", composite: ["rollupKey"] },
    },
  },
});
