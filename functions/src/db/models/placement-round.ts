import { defineModel } from "./define";
import { timestamps } from "./shared";

/**
 * A school's placement round: the participating listings with their seats, the preference deadline and, once
 * run, the result with its audit record (stored as computed by core `runPlacementRound`).
 */
export const placementRoundModel = defineModel({
  model: { entity: "placementRound", version: "1", service: "ketnoi" },
  attributes: {
    roundId: { type: "string", required: true, readOnly: true },
    // The owning school, or "province" (provinceOwner) for a province-wide round: the key of byUniversity.
    universityId: { type: "string", required: true, readOnly: true },
    // A province-wide round: the universities whose students take part.
    universityIds: { type: "list", items: { type: "string" }, readOnly: true },
    title: { type: "string", required: true },
    listings: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          listingId: { type: "string", required: true },
          capacity: { type: "number", required: true },
        },
      },
    },
    preferencesDeadline: { type: "string", required: true },
    status: { type: ["open", "placed"] as const, required: true },
    // Published with the result: it orders tied students (core tieBreakRule), so it is fixed when the round is made.
    seed: { type: "string", required: true, readOnly: true },
    createdBy: { type: "string", required: true, readOnly: true },
    // Validated by the engine's types when written; stored as computed.
    result: { type: "any" },
    // Organisations' edited rankings: listing id → candidate ids (per-listing pseudonyms), best first.
    rankings: { type: "any" },
    // Answers given to the result (each one adds 1, without touching `version`): a re-offer writes only if none
    // arrived since it read them, so it never moves a student who has just answered.
    answers: { type: "number" },
    ...timestamps,
  },
  indexes: {
    byId: { pk: { field: "pk", composite: ["roundId"] }, sk: { field: "sk", composite: [] } },
    // A school's rounds, newest first.
    byUniversity: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["universityId"] },
      sk: { field: "gsi1sk", composite: ["createdAt"] },
    },
  },
});
