import type { StudentProfile } from "@ketnoi/core";
import { db } from "../db/service";
import { guard } from "./guard";
import { refreshing } from "./refreshing";

/**
 * Students who consent to being recommended to recruiters: the sparse consent index (gsi2) holds only them, so
 * nobody else's profile is read. Loaded once per process and re-read in the background every few seconds
 * (tens of thousands of profiles at province scale: never per request); this process's own profile saves take
 * effect at once (`noteProfileSaved`). Both the index and the reload can lag a moment behind a withdrawal
 * made elsewhere, so an invitation re-checks the stored profile.
 */
const consenting = refreshing(async () => {
  const { data } = await guard(() => db().entities.student.query.byRecommendConsent({}).go({ pages: "all" }));
  return (data as StudentProfile[]).filter((s) => s.consents.recommendToRecruiters.granted);
});

export function consentingStudents(): Promise<StudentProfile[]> {
  return consenting.get();
}

/** Brings a profile saved by this process into the loaded consenting students, so a changed consent counts at once. */
export function noteProfileSaved(profile: StudentProfile): void {
  consenting.patch((students) => {
    const others = students.filter((s) => s.userId !== profile.userId);
    return profile.consents.recommendToRecruiters.granted ? [...others, profile] : others;
  });
}
