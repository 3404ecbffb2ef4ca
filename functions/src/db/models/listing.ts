import { listingStatuses, listingTypes, workModes } from "@ketnoi/core";
import { defineModel } from "./define";
import { localizedText, timestamps } from "./shared";

/** A listing: internship, visit, job, training, event or volunteer role, owned by an organisation. */
export const listingModel = defineModel({
  model: { entity: "listing", version: "1", service: "ketnoi" },
  attributes: {
    listingId: { type: "string", required: true, readOnly: true },
    orgId: { type: "string", required: true, readOnly: true },
    type: { type: listingTypes, required: true },
    title: { ...localizedText, required: true },
    description: { ...localizedText, required: true },
    requiredSkills: { type: "list", items: { type: "string" }, required: true },
    preferredSkills: { type: "list", items: { type: "string" }, required: true },
    majors: { type: "list", items: { type: "string" }, required: true },
    years: { type: "list", items: { type: "number" }, required: true },
    communeId: { type: "string", required: true },
    industrialParkId: { type: "string" },
    workMode: { type: workModes, required: true },
    deadline: { type: "string", required: true },
    positions: { type: "number" },
    paid: { type: "boolean" },
    stipendVnd: { type: "number" },
    durationWeeks: { type: "number" },
    // Validated by the valibot schema at the API boundary; stored as given.
    sessions: { type: "any" },
    questions: {
      type: "list",
      items: {
        type: "map",
        properties: {
          id: { type: "string", required: true },
          vi: { type: "string", required: true },
          en: { type: "string" },
        },
      },
    },
    // Positions held by offers and acceptances, and acceptances alone. Only application moves change them, in the
    // same transaction as the application, conditioned on `reservedCount < positions` (see data/applications.ts).
    reservedCount: { type: "number" },
    acceptedCount: { type: "number" },
    status: { type: listingStatuses, required: true },
    publishedAt: { type: "string" },
    // publishedAt once published, createdAt before: the feed's sort key is always present.
    sortAt: { type: "string", required: true },
    ...timestamps,
  },
  indexes: {
    byId: { pk: { field: "pk", composite: ["listingId"] }, sk: { field: "sk", composite: [] } },
    // An organisation's listings, newest first.
    byOrg: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["orgId"] },
      sk: { field: "gsi1sk", composite: ["createdAt"] },
    },
    // The public feed: listings by status, newest first.
    byStatus: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["status"] },
      sk: { field: "gsi2sk", composite: ["sortAt"] },
    },
  },
});
