import { defineModel } from "./define";

/**
 * An organisation's private note and 1–5 rating on one application, shared by its members. It carries no student
 * id on purpose: it is not part of the student's export (the rule: never shown to the student) and is
 * found through the application (its public id) for erasure and retention (data/messages.ts).
 */
export const applicantNoteModel = defineModel({
  model: { entity: "applicantNote", version: "1", service: "ketnoi" },
  attributes: {
    applicationId: { type: "string", required: true, readOnly: true },
    orgId: { type: "string", required: true, readOnly: true },
    text: { type: "string", required: true },
    rating: { type: "number" },
    updatedBy: { type: "string", required: true },
    updatedByName: { type: "string" },
    updatedAt: { type: "string", required: true },
    version: { type: "number", required: true },
  },
  indexes: {
    byApplication: { pk: { field: "pk", composite: ["applicationId"] }, sk: { field: "sk", composite: ["orgId"] } },
  },
});
