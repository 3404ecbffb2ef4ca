import { type OrganisationKind, todayInVietnam } from "@ketnoi/core";
import { vi } from "vitest";
import { db } from "../src/db/service";
import { call, userWithToken } from "./helpers";

let ipCounter = 0;
/** A fresh client address, so tests that are not about rate limits never share the per-client limiter. */
export function freshIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

/** A verified organisation, written directly (verification has its own tests). */
export async function verifiedOrganisation(orgId: string, kind: OrganisationKind = "enterprise") {
  const now = new Date().toISOString();
  await db()
    .entities.organisation.put({
      orgId,
      kind,
      name: { vi: `Tổ chức ${orgId}`, en: `Organisation ${orgId}` },
      sectors: ["software"],
      communeId: "p-tran-bien",
      address: "1 Đường Đồng Khởi, Biên Hòa",
      verification: "verified",
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .go();
}

/** A member (owner) of an organisation: a recruiter for enterprises, staff otherwise. */
export function memberOf(userId: string, orgId: string, role: "recruiter" | "staff" = "recruiter") {
  return userWithToken(userId, role, { orgId, role: "owner" });
}

/** The PUT /api/students/me body studentWithProfile sends; `share` is the consent to show details to organisations. */
export function profileBody(userId: string, share = true) {
  return {
    fullName: `Sinh viên ${userId}`,
    universityId: "lhu",
    major: "se",
    year: 3,
    skills: [{ id: "python", level: 3 }],
    languages: [],
    reachableCommunes: ["p-tran-bien"],
    preferredSectors: ["software"],
    cvUrl: `https://cv.example.vn/${userId}`,
    consents: { shareWithAppliedOrgs: share, recommendToRecruiters: false, provinceStatistics: true },
  };
}

/** A student with a saved profile; `share` is their consent to show details to organisations they apply to. */
export async function studentWithProfile(userId: string, share = true) {
  const token = await userWithToken(userId, "student");
  const res = await call("PUT", "/api/students/me", { token, body: profileBody(userId, share) });
  if (res.status !== 200) throw new Error(`profile for ${userId}: ${res.status} ${res.text}`);
  return token;
}

/** Listing fields the marketplace tests vary. */
export interface ListingOptions {
  type?: string;
  positions?: number;
  deadline?: string;
  questions?: { id: string; vi: string; en?: string }[];
  sessions?: { id: string; date: string; startTime: string; place: string; seats: number }[];
  status?: "draft" | "published" | "closed";
}

/** A valid POST /api/listings body (an internship in Biên Hòa, deadline 2099) with `fields` over it. */
export function listingBody(orgId: string, fields: Record<string, unknown> = {}) {
  const type = String(fields.type ?? "internship");
  return {
    orgId,
    type,
    title: { vi: `Thực tập ${type}`, en: `${type} listing` },
    description: { vi: "Mô tả công việc." },
    requiredSkills: ["python"],
    preferredSkills: [],
    majors: ["se"],
    years: [3, 4],
    communeId: "p-tran-bien",
    workMode: "onsite",
    deadline: "2099-12-31",
    ...fields,
  };
}

/** Creates a listing through the API and moves it to the requested status (published by default). */
export async function listingOf(token: string, orgId: string, options: ListingOptions = {}) {
  const { status = "published", ...rest } = options;
  const created = await call("POST", "/api/listings", { token, body: listingBody(orgId, rest) });
  if (created.status !== 201) throw new Error(`listing: ${created.status} ${created.text}`);
  let version = created.json.version as number;
  for (const next of status === "draft" ? [] : status === "closed" ? ["published", "closed"] : ["published"]) {
    const moved = await call("PATCH", `/api/listings/${created.json.id}`, { token, body: { status: next, version } });
    if (moved.status !== 200) throw new Error(`listing ${next}: ${moved.status} ${moved.text}`);
    version = moved.json.version;
  }
  return created.json.id as string;
}

/**
 * Runs `work` with the API's clock set to `instant` (only `Date`; timers stay real). The API refuses dates that
 * are already past, so a listing whose deadline or session has passed is made the way it happens for real:
 * created and published back when its dates were ahead.
 * @example const past = await asOf("2019-06-01T00:00:00Z", () => listingOf(token, orgId, { deadline: "2020-01-31" }))
 */
export async function asOf<T>(instant: string, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(instant) });
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

/** POST /api/listings/:id/applications from a fresh client address. */
export function apply(token: string, listingId: string, body: unknown = {}, ip = freshIp()) {
  return call("POST", `/api/listings/${listingId}/applications`, { token, body, headers: { "x-forwarded-for": ip } });
}

/** Offer terms a test does not care about: monthly pay, reply by a week from today, start in a month (Vietnam). */
export function someOfferTerms() {
  const day = (days: number) => todayInVietnam(new Date(Date.now() + days * 86_400_000));
  return { payKind: "monthly", payVnd: 5_000_000, startDate: day(30), replyBy: day(7) };
}

/** POST /api/applications/:id/transitions; a move to `offered` gets `someOfferTerms()` unless it brings its own. */
export function move(
  token: string,
  applicationId: string,
  body: { to: string; version: number; reason?: string; terms?: unknown },
) {
  const withTerms = body.to === "offered" && !("terms" in body) ? { ...body, terms: someOfferTerms() } : body;
  return call("POST", `/api/applications/${applicationId}/transitions`, { token, body: withTerms });
}

/** Moves an application through several organisation steps, returning the last response. */
export async function advance(token: string, applicationId: string, version: number, steps: string[]) {
  let res = { status: 0, json: { version } } as Awaited<ReturnType<typeof call>>;
  for (const to of steps) {
    res = await move(token, applicationId, { to, version: res.json.version });
    if (res.status !== 200) throw new Error(`→ ${to}: ${res.status} ${res.text}`);
  }
  return res;
}

/**
 * Submitted applications written straight to the table, one per (listing, student) pair: what a crowd of students
 * applying leaves behind, for tests about what the data's size does to reads (not about applying, which has its own).
 * @example await db().entities.application.put(submittedApplications([{ listingId, orgId, studentId: "crowd-0" }])).go();
 */
export function submittedApplications(
  pairs: ReadonlyArray<{ listingId: string; orgId: string; studentId: string; applicationId?: string }>,
) {
  const now = new Date().toISOString();
  return pairs.map(({ listingId, orgId, studentId, applicationId }) => ({
    listingId,
    studentId,
    applicationId: applicationId ?? `${listingId}-${studentId}`,
    orgId,
    status: "submitted" as const,
    answers: [],
    history: [{ status: "submitted" as const, at: now, by: "student" as const }],
    createdAt: now,
    updatedAt: now,
    version: 1,
  }));
}
