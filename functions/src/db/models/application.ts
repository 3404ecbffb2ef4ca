import { applicationStatuses } from "@ketnoi/core";
import { defineModel } from "./define";
import { timeline, timestamps } from "./shared";

/**
 * Final statuses in which the student was not hired (rejected by the organisation, offer declined, application
 * withdrawn). Their personal data is removed once the retention period has passed (functions/src/data/retention.ts).
 */
export const notHiredStatuses = ["rejected", "declined", "withdrawn"] as const;
const notHired = (status: unknown) => (notHiredStatuses as readonly unknown[]).includes(status);
// A kept record whose person was unlinked carries `erased-<uuid>` instead of their id (privacy.ts, tombstoneId).
const unlinked = (studentId: unknown) => typeof studentId === "string" && studentId.startsWith("erased-");

/**
 * A student's application to a listing. Keyed by (listing, student) in the listing's partition, so "one active
 * application per student and listing" is a condition on a single item, and the board reads consistently.
 * `applicationId` is the public id; a withdrawn application is overwritten by a new one with a new id.
 */
export const applicationModel = defineModel({
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
    history: timeline({ status: { type: applicationStatuses, required: true }, reason: { type: "string" } }),
    rejectionReason: { type: "string" },
    hoursServed: { type: "number" },
    // The CV file the student attached (data/cv-files.ts): its id in the student's files and the name they gave it.
    cv: {
      type: "map",
      properties: { fileId: { type: "string", required: true }, name: { type: "string", required: true } },
    },
    // When the application entered its current status: the `updatedAt` of the write that set the status. Derived
    // (recomputed whenever `status` is written) and hidden from reads: only the retention index sorts on it. A
    // final status never moves again, so for a not-hired application it is the time of the decision.
    statusAt: {
      type: "string",
      hidden: true,
      watch: ["status"],
      set: (_, item) => item.updatedAt ?? new Date().toISOString(),
    },
    // Only on a de-identified stub left by retention: the university its student was counted under in the
    // province's statistics, so the counters stay exact once nothing links the record to the student.
    countedUniversityId: { type: "string" },
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
    // Retention: not-hired applications still linked to their student, oldest decision first. Sparse: any other
    // application, and a stub whose student was unlinked, carries no key of this index.
    byDecision: {
      index: "gsi3",
      condition: (attr) => notHired(attr.status) && !unlinked(attr.studentId),
      pk: { field: "gsi3pk", composite: ["status"] },
      sk: { field: "gsi3sk", composite: ["statusAt"] },
    },
  },
});
