import { defineModel } from "./define";

/** Partitions of the all-saved-searches index; alert evaluation reads them in parallel. */
export const savedSearchShards = 8;

/**
 * A student's saved search. It lives in the student's partition under one of `maxSavedSearches` slots: the slot
 * is the sort key, so "at most 20" holds under concurrent saves without a counter (a taken slot fails the put).
 * Every saved search is also in one of a few constant gsi1 partitions (`saved-search#<shard>`), so alert
 * evaluation reads them all with Queries instead of a table scan.
 */
export const savedSearchModel = defineModel({
  model: { entity: "savedSearch", version: "1", service: "ketnoi" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    slot: { type: "number", required: true, readOnly: true },
    savedSearchId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    // A SearchCriteria, validated by the core schema at the API boundary; stored as given.
    criteria: { type: "any", required: true },
    shard: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byUser: { pk: { field: "pk", composite: ["userId"] }, sk: { field: "sk", composite: ["slot"] } },
    byShard: {
      index: "gsi1",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: ElectroDB key templates name attributes as ${attr}.
      pk: { field: "gsi1pk", composite: ["shard"], template: "saved-search#${shard}" },
      sk: { field: "gsi1sk", composite: ["createdAt", "savedSearchId"] },
    },
  },
});
