import type { MatchCandidate, StudentProfile } from "@ketnoi/core";
import { db } from "../db/service";
import { guard } from "./guard";
import { refreshing } from "./refreshing";

/** What the candidate ranking reads of a profile (core's `MatchCandidate`): all the pool keeps of each student. */
const candidateFields = [
  "userId",
  "major",
  "year",
  "skills",
  "languages",
  "availableFrom",
  "availableTo",
  "reachableCommunes",
  "consents",
] as const;

/** A profile cut down to the ranking's fields: names, contact details, CVs and free text are not held in memory. */
export function asCandidate(profile: MatchCandidate): MatchCandidate {
  const kept: Record<string, unknown> = {};
  for (const field of candidateFields) if (profile[field] !== undefined) kept[field] = profile[field];
  return kept as MatchCandidate;
}

/**
 * Students who consent to being recommended to recruiters: the sparse consent index (gsi2) holds only them, so
 * nobody else's profile is read. Loaded once per process and re-read in the background every few seconds
 * (tens of thousands of profiles at province scale: never per request); this process's own profile saves take
 * effect at once (`noteProfileSaved`). Both the index and the reload can lag a moment behind a withdrawal
 * made elsewhere, so an invitation re-checks the stored profile. Only the ranking's fields are read and kept
 * (`asCandidate`): at province scale (~88,000 consenting students) a whole profile each would be the process's
 * largest allocation, and the rest of a profile is read per candidate only when an invitation is sent.
 */
const consenting = refreshing(async () => {
  const { data } = await guard(() =>
    db()
      .entities.student.query.byRecommendConsent({})
      .go({ pages: "all", attributes: [...candidateFields] }),
  );
  return (data as MatchCandidate[]).filter((s) => s.consents.recommendToRecruiters.granted).map(asCandidate);
});

export function consentingStudents(): Promise<MatchCandidate[]> {
  return consenting.get();
}

/** Brings a profile saved by this process into the loaded consenting students, so a changed consent counts at once. */
export function noteProfileSaved(profile: StudentProfile): void {
  consenting.patch((students) => {
    const others = students.filter((s) => s.userId !== profile.userId);
    return profile.consents.recommendToRecruiters.granted ? [...others, asCandidate(profile)] : others;
  });
}
