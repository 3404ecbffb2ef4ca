/**
 * The consenting students the candidate ranking reads: the candidate snapshot (candidates/live.ts), kept by the
 * table stream's consumer and read by API processes with revalidation, never per request from the table.
 * An invitation still re-checks the stored profile's consent (data/matching.ts).
 */
export { consentingStudents, noteProfileSaved } from "../candidates/live";
