import { defineModel } from "./define";

/**
 * A student's CV file (a PDF in the files bucket). It lives in the student's partition under one of `maxCvFiles`
 * slots: the slot is the sort key, so "at most 3" holds under concurrent uploads without a counter (a taken slot
 * fails the conditional put). `objectKey` is random (`cv/<studentId>/<fileId>.pdf`), never guessable from the
 * student's id alone. `pending` until the API has checked the uploaded object (routes/files.ts); a pending slot
 * older than the upload window is free again.
 */
export const cvFileModel = defineModel({
  model: { entity: "cvFile", version: "1", service: "ketnoi" },
  attributes: {
    studentId: { type: "string", required: true, readOnly: true },
    slot: { type: "number", required: true, readOnly: true },
    fileId: { type: "string", required: true, readOnly: true },
    objectKey: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    status: { type: ["pending", "ready"] as const, required: true },
    declaredSize: { type: "number", required: true },
    size: { type: "number" },
    pages: { type: "number" },
    createdAt: { type: "string", required: true, readOnly: true },
    readyAt: { type: "string" },
  },
  indexes: {
    byStudent: { pk: { field: "pk", composite: ["studentId"] }, sk: { field: "sk", composite: ["slot"] } },
  },
});

/**
 * One download of a student's CV by a member of an organisation: what the student sees in their export (who, from
 * which organisation, for which application, when). Kept in the student's partition; erased with the account.
 */
export const fileAccessModel = defineModel({
  model: { entity: "fileAccess", version: "1", service: "ketnoi" },
  attributes: {
    studentId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    accessId: { type: "string", required: true, readOnly: true },
    fileId: { type: "string", required: true, readOnly: true },
    fileName: { type: "string", required: true, readOnly: true },
    applicationId: { type: "string", required: true, readOnly: true },
    orgId: { type: "string", required: true, readOnly: true },
    orgName: { type: "string", required: true, readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    actorName: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byStudent: {
      pk: { field: "pk", composite: ["studentId"] },
      sk: { field: "sk", composite: ["at", "accessId"] },
    },
  },
});
