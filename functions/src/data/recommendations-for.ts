import type { Recommendation, StudentProfile } from "@ketnoi/core";
import { searchIndex } from "../search/live";
import { listingDemandMap } from "./listing-demand";
import { recommendFromIndex } from "./recommendations";
import { listStudentApplications } from "./student-reads";

/**
 * A student's recommended listings, best first: published, still open, seats left, year allowed and not already
 * applied to (a withdrawn application may be replaced, so it does not count); over-applied listings are damped.
 * Listings come from the in-memory search index, demand from the per-listing counters (refreshed in the
 * background), so a request reads only the student's own applications (the profile is read by the route).
 */
export async function recommendationsFor(
  student: StudentProfile,
  options: { now: Date; limit: number },
): Promise<Recommendation[]> {
  const [index, demand, applications] = await Promise.all([
    searchIndex(),
    listingDemandMap(),
    listStudentApplications(student.userId),
  ]);
  return recommendFromIndex(index, student, { ...options, demand, applications });
}
