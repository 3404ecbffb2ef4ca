import { defineModel } from "./define";

/**
 * A student's ranked choices in one placement round and, once it has run, their answer to their assignment; in the
 * round's partition (one read gathers them all).
 */
export const placementPreferenceModel = defineModel({
  model: { entity: "placementPreference", version: "1", service: "ketnoi" },
  attributes: {
    roundId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true, readOnly: true },
    choices: { type: "list", items: { type: "string" }, required: true },
    updatedAt: { type: "string", required: true },
    // The student's answer to their assignment once the round has run; written once (placement data `respond`).
    response: {
      type: "map",
      properties: {
        decision: { type: ["confirmed", "declined"] as const, required: true },
        at: { type: "string", required: true },
      },
    },
  },
  indexes: {
    byRound: {
      pk: { field: "pk", composite: ["roundId"] },
      sk: { field: "sk", composite: ["studentId"] },
    },
    // A student's rankings across rounds: their personal-data export and erasure find them here.
    byStudent: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studentId"] },
      sk: { field: "gsi1sk", composite: ["roundId"] },
    },
  },
});
