import { interviewEventKinds, interviewModes, interviewStatuses } from "@ketnoi/core";
import { defineModel } from "./define";
import { timeline, timestamps } from "./shared";

/**
 * An application's interview, in the application's own partition (keyed by the public application id): one at a
 * time; a cancelled one may be replaced by a new proposal (with a new `interviewId`, so calendars see a new event).
 * Every change is a whole-item put conditioned on the version read, so two changes never interleave, and the
 * stream's old and new images tell the notices exactly what changed (effects/interview-notices.ts).
 */
export const interviewModel = defineModel({
  model: { entity: "interview", version: "1", service: "ketnoi" },
  attributes: {
    applicationId: { type: "string", required: true, readOnly: true },
    interviewId: { type: "string", required: true },
    listingId: { type: "string", required: true },
    orgId: { type: "string", required: true },
    studentId: { type: "string", required: true },
    status: { type: interviewStatuses, required: true },
    slots: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          id: { type: "string", required: true },
          startsAt: { type: "string", required: true },
          durationMinutes: { type: "number", required: true },
        },
      },
    },
    chosenSlotId: { type: "string" },
    // The chosen slot's start once scheduled, the earliest proposed start before: the reminder index sorts on it.
    startsAt: { type: "string", required: true },
    mode: { type: interviewModes, required: true },
    communeId: { type: "string" },
    address: { type: "string" },
    link: { type: "string" },
    note: { type: "string" },
    history: timeline({
      kind: { type: interviewEventKinds, required: true },
      note: { type: "string" },
      startsAt: { type: "string" },
    }),
    // The .ics SEQUENCE: raised by every change a calendar must replace (pick, reschedule, cancel).
    sequence: { type: "number", required: true },
    ...timestamps,
  },
  indexes: {
    byApplication: { pk: { field: "pk", composite: ["applicationId"] }, sk: { field: "sk", composite: [] } },
    // The applicant board's interview badges: a listing's interviews.
    byListing: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["listingId"] },
      sk: { field: "gsi1sk", composite: ["applicationId"] },
    },
    // Reminders: scheduled interviews by start time. Sparse: only a scheduled interview carries these keys.
    byStart: {
      index: "gsi3",
      condition: (attr) => attr.status === "scheduled",
      pk: { field: "gsi3pk", composite: ["status"] },
      sk: { field: "gsi3sk", composite: ["startsAt"] },
    },
  },
});

/**
 * The lock on one interview start time of a listing: created when a student takes a slot (`attribute_not_exists`,
 * in the same transaction as the interview), deleted when that interview moves off it. A member may offer the same
 * time to several applicants; only the first to take it gets it.
 */
export const interviewSlotLockModel = defineModel({
  model: { entity: "interviewSlotLock", version: "1", service: "ketnoi" },
  attributes: {
    listingId: { type: "string", required: true, readOnly: true },
    startsAt: { type: "string", required: true, readOnly: true },
    interviewId: { type: "string", required: true },
    createdAt: { type: "string", required: true },
  },
  indexes: {
    byStart: { pk: { field: "pk", composite: ["listingId"] }, sk: { field: "sk", composite: ["startsAt"] } },
  },
});
