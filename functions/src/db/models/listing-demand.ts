import { defineModel } from "./define";

/**
 * How busy a listing is, kept as counters so that recommendations never count applications per listing: open
 * applications (submitted and not withdrawn) and positions held (the listing's reservedCount). Updated by atomic
 * ADD in the same transaction as the application write that changes them (data/applications.ts), written whole
 * by the seed. All counters share one partition, so the whole demand map is one Query (about 16,000 small items
 * at province scale: a few pages, read by a background refresh, never per request).
 */
export const listingDemandModel = defineModel({
  model: { entity: "listingDemand", version: "1", service: "ketnoi" },
  attributes: {
    listingId: { type: "string", required: true, readOnly: true },
    applications: { type: "number" },
    filled: { type: "number" },
  },
  indexes: {
    byListing: { pk: { field: "pk", composite: [] }, sk: { field: "sk", composite: ["listingId"] } },
  },
});
