import { bookingKinds, bookingStatuses } from "@ketnoi/core";
import { defineModel } from "./define";

/**
 * Seats booked in one session of a visit listing, in the listing's partition. `holder` is the student's user id
 * for a student booking (so a second booking of the same session is a failed condition) and `class-<bookingId>`
 * for a class booking (a school may book several classes into one session).
 */
export const bookingModel = defineModel({
  model: { entity: "booking", version: "1", service: "ketnoi" },
  attributes: {
    listingId: { type: "string", required: true, readOnly: true },
    sessionId: { type: "string", required: true, readOnly: true },
    holder: { type: "string", required: true, readOnly: true },
    bookingId: { type: "string", required: true },
    kind: { type: bookingKinds, required: true },
    hostOrgId: { type: "string", required: true },
    bookerUserId: { type: "string", required: true },
    classOrgId: { type: "string" },
    classLabel: { type: "string" },
    seats: { type: "number", required: true },
    status: { type: bookingStatuses, required: true },
    createdAt: { type: "string", required: true },
    updatedAt: { type: "string", required: true },
    cancelledAt: { type: "string" },
    // The session's start (UTC ISO) and its Vietnam day, for the reminder job's index below.
    startsAt: { type: "string" },
    startsDay: { type: "string" },
  },
  indexes: {
    // The host's list: a listing's bookings, grouped by session.
    bySession: {
      pk: { field: "pk", composite: ["listingId"] },
      sk: { field: "sk", composite: ["sessionId", "holder"] },
    },
    // "My bookings" (a student's own, or the class bookings a staff member made), newest first.
    byBooker: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["bookerUserId"] },
      sk: { field: "gsi1sk", composite: ["createdAt"] },
    },
    // Lookup by public id, for cancelling; the item is then re-read by its table key.
    byId: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["bookingId"] },
      sk: { field: "gsi2sk", composite: [] },
    },
    // The reminder job (interviews/jobs.ts): bookings whose session starts within a window, by Vietnam day so
    // no one partition holds every booking. Sparse: bookings written before this index have no start.
    byStart: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["startsDay"] },
      sk: { field: "gsi3sk", composite: ["startsAt"] },
      condition: (attr) => typeof attr.startsAt === "string" && typeof attr.startsDay === "string",
    },
  },
});
