import { defineModel } from "./define";

/**
 * Seats taken in one visit session, in the listing's partition. Created by the first booking. Every booking and
 * cancellation changes `booked` in the same transaction as the booking, conditioned on `booked <= seats - n`
 * (DynamoDB conditions cannot add), so a session is never over-booked. The seats offered stay on the listing's
 * `sessions`, where the organisation edits them.
 */
export const sessionSeatsModel = defineModel({
  model: { entity: "sessionSeats", version: "1", service: "ketnoi" },
  attributes: {
    listingId: { type: "string", required: true, readOnly: true },
    sessionId: { type: "string", required: true, readOnly: true },
    booked: { type: "number", required: true },
  },
  indexes: {
    bySession: { pk: { field: "pk", composite: ["listingId"] }, sk: { field: "sk", composite: ["sessionId"] } },
  },
});
