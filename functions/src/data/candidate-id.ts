import { createHmac } from "node:crypto";
import { config } from "../config";

/**
 * A student's pseudonymous id for one listing's candidate list: an HMAC of listing and student keyed with the
 * server secret, so it is the same on every request (the invite names it) but differs between listings, and
 * someone who knows a student's id cannot compute it (a plain hash of known ids could be recomputed by anyone).
 */
export function candidateIdOf(listingId: string, studentId: string): string {
  return createHmac("sha256", config().SERVER_SECRET)
    .update(`candidate:${listingId}:${studentId}`)
    .digest("hex")
    .slice(0, 32);
}
