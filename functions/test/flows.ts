import { call, userWithToken } from "./helpers";
import { advance, apply, type ListingOptions, listingOf, memberOf, move } from "./marketplace";

/**
 * Demo flows for the aggregate tests (imported by *.test.ts only): students and the marketplace moves that change
 * the province's numbers, all through the real API.
 */

/**
 * A student with a profile at a school, with or without the province-statistics consent, whose enrolment the
 * school's staff confirmed (unless `confirmed: false`: then the school is only declared, and the dashboard counts
 * the student under no school). The school must be a verified university or institute.
 */
export async function studentAt(
  userId: string,
  universityId: string,
  options: { consent?: boolean; skills?: string[]; confirmed?: boolean } = {},
): Promise<string> {
  const token = await userWithToken(userId, "student");
  const res = await call("PUT", "/api/students/me", {
    token,
    body: {
      fullName: `Sinh viên ${userId}`,
      universityId,
      major: "electronics",
      year: 4,
      skills: (options.skills ?? ["embedded-c", "python"]).map((id) => ({ id, level: 3 })),
      languages: [],
      reachableCommunes: ["p-long-binh"],
      preferredSectors: ["semiconductors"],
      consents: {
        shareWithAppliedOrgs: true,
        recommendToRecruiters: true,
        provinceStatistics: options.consent ?? true,
      },
    },
  });
  if (res.status !== 200) throw new Error(`profile ${userId}: ${res.status} ${res.text}`);
  if (options.confirmed !== false) await confirmEnrolment(universityId, userId);
  return token;
}

/** The school's staff confirm that a student who declared it studies there (routes/enrolments.ts). */
export async function confirmEnrolment(universityId: string, userId: string, confirmed = true): Promise<void> {
  const staff = await memberOf(`sta-enrol-${universityId}`, universityId, "staff");
  const res = await call("PUT", `/api/organisations/${universityId}/enrolments/${userId}`, {
    token: staff,
    body: { confirmed },
  });
  if (res.status !== 200) throw new Error(`enrolment ${universityId}/${userId}: ${res.status} ${res.text}`);
}

/** Changes a student's profile (e.g. withdraws consent), with the version it has. */
export async function updateStudent(token: string, change: Record<string, unknown>) {
  const current = (await call("GET", "/api/students/me", { token })).json;
  // The school's confirmation is the school's to give, never part of the student's own input.
  const {
    userId: _u,
    createdAt: _c,
    updatedAt: _up,
    confirmedUniversityId: _cu,
    enrolmentConfirmedAt: _ec,
    consents,
    ...fields
  } = current;
  const body = {
    ...fields,
    consents: Object.fromEntries(Object.entries(consents).map(([k, c]) => [k, (c as { granted: boolean }).granted])),
    ...change,
  };
  const res = await call("PUT", "/api/students/me", { token, body });
  if (res.status !== 200) throw new Error(`profile update: ${res.status} ${res.text}`);
}

/** A published listing in an industrial park with the given required skills. */
export function parkListing(token: string, orgId: string, options: ListingOptions & Record<string, unknown>) {
  return listingOf(token, orgId, {
    requiredSkills: ["embedded-c", "microcontroller"],
    industrialParkId: "amata",
    communeId: "p-long-binh",
    ...options,
  } as ListingOptions);
}

/**
 * Students apply; the first `offers` get an offer and the first `accepts` of those accept it (placements),
 * the next offered one declines. Returns the application ids in order.
 */
export async function runPipeline(
  orgToken: string,
  listingId: string,
  students: readonly string[],
  plan: { offers: number; accepts: number },
): Promise<string[]> {
  const ids: string[] = [];
  for (const student of students) {
    const res = await apply(student, listingId);
    if (res.status !== 201) throw new Error(`apply: ${res.status} ${res.text}`);
    ids.push(res.json.id);
  }
  for (const [i, id] of ids.slice(0, plan.offers).entries()) {
    const offered = await advance(orgToken, id, 1, ["reviewing", "offered"]);
    const answer = i < plan.accepts ? "accepted" : "declined";
    const res = await move(students[i]!, id, { to: answer, version: offered.json.version });
    if (res.status !== 200) throw new Error(`${answer}: ${res.status} ${res.text}`);
  }
  return ids;
}

/** Books a seat for a student, or seats for a class of a school. */
export async function book(token: string, listingId: string, sessionId: string, classBooking?: object) {
  const res = await call("POST", `/api/listings/${listingId}/sessions/${sessionId}/bookings`, {
    token,
    body: classBooking ? { classBooking } : {},
  });
  if (res.status !== 201) throw new Error(`booking: ${res.status} ${res.text}`);
  return res.json as { id: string };
}
