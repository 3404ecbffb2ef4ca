import { applicationStatuses, pipelineActors } from "@ketnoi/core";
import { Entity } from "electrodb";
import { timestamps } from "./shared";

/**
 * A student's application to a listing. Keyed by (listing, student) in the listing's partition, so "one active
 * application per student and listing" is a condition on a single item, and the board reads consistently.
 * `applicationId` is the public id; a withdrawn application is overwritten by a new one with a new id.
 */
export const ApplicationEntity = new Entity({
  model: { entity: "application", version: "1", service: "ketnoi" },
  attributes: {
    listingId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true, readOnly: true },
    applicationId: { type: "string", required: true },
    orgId: { type: "string", required: true },
    status: { type: applicationStatuses, required: true },
    note: { type: "string" },
    answers: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: { questionId: { type: "string", required: true }, text: { type: "string", required: true } },
      },
    },
    history: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          status: { type: applicationStatuses, required: true },
          at: { type: "string", required: true },
          by: { type: pipelineActors, required: true },
          reason: { type: "string" },
        },
      },
    },
    rejectionReason: { type: "string" },
    hoursServed: { type: "number" },
    ...timestamps,
  },
  indexes: {
    // The organisation's applicant board: a listing's applications.
    byListing: { pk: { field: "pk", composite: ["listingId"] }, sk: { field: "sk", composite: ["studentId"] } },
    // "My applications", newest first.
    byStudent: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studentId"] },
      sk: { field: "gsi1sk", composite: ["createdAt"] },
    },
    // Lookup by public id; the item is then re-read by its table key with a consistent read.
    byId: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["applicationId"] },
      sk: { field: "gsi2sk", composite: [] },
    },
  },
});
