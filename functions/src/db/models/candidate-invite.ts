import { defineModel } from "./define";

/**
 * A recruiter's invitation to a recommended candidate to apply to a listing: one per (listing, student), written
 * on condition that none exists, so the student is notified once however often the button is pressed.
 */
export const candidateInviteModel = defineModel({
  model: { entity: "candidateInvite", version: "1", service: "ketnoi" },
  attributes: {
    listingId: { type: "string", required: true, readOnly: true },
    studentId: { type: "string", required: true, readOnly: true },
    invitedBy: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byListing: {
      pk: { field: "pk", composite: ["listingId"] },
      sk: { field: "sk", composite: ["studentId"] },
    },
    // A student's invitations: their personal-data export and erasure find them here.
    byStudent: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studentId"] },
      sk: { field: "gsi1sk", composite: ["listingId"] },
    },
  },
});
