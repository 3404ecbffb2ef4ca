import { listNotifications, notify } from "../../src/data/notifications";
import { db } from "../../src/db/service";
import { call, userWithToken } from "../helpers";
import {
  advance,
  apply,
  type ListingOptions,
  listingOf,
  move,
  studentWithProfile,
  verifiedOrganisation,
} from "../marketplace";

/** The eight callers of the authorization matrix; each role's resources are "own" for it and "other's" for the rest. */
export const actors = [
  "anonymous",
  "student",
  "otherStudent",
  "staffA",
  "ownerA",
  "memberB",
  "province",
  "admin",
] as const;
export type Actor = (typeof actors)[number];

/** Ids of the people in the world (users of the eight roles but `anonymous`). */
export const userIds = {
  student: "hw-student",
  otherStudent: "hw-other-student",
  /** A recruiter who is a plain staff member (not owner) of enterprise A. */
  staffA: "hw-staff-a",
  /** The recruiter who owns enterprise A. */
  ownerA: "hw-owner-a",
  /** A university staff member who owns university B (another organisation). */
  memberB: "hw-member-b",
  province: "hw-province",
  admin: "hw-admin",
} as const;

export const orgA = "hw-org-a";
export const orgB = "hw-org-b";
/** A future visit session; `sessions` below offers several so that each booking test can take its own. */
export const visitSessions = Array.from({ length: 12 }, (_, i) => ({
  id: `s${i + 1}`,
  date: "2099-05-10",
  startTime: "09:00",
  place: "Phòng thí nghiệm",
  seats: 50,
}));

/** What the hardening suites act on: tokens per role and ids of resources owned by each side. */
export interface World {
  tokens: Record<Exclude<Actor, "anonymous">, string>;
  publishedListing: string;
  draftListing: string;
  visitListing: string;
  application: string;
  booking: string;
  savedSearch: string;
  notification: string;
  pendingOrg: string;
  /** An accepted application to a volunteer listing of A (the student's), for recording hours. */
  volunteerApplication: string;
  /** A placement round of university B, open for preferences. */
  placementRound: string;
}

/**
 * The two students' profiles: the student studies at university B (so takes part in B's placement rounds); the
 * other student studies elsewhere and lets recruiters see them as a candidate.
 */
export function profileOf(actor: "student" | "otherStudent") {
  return {
    fullName: actor === "student" ? "Nguyễn Thị Lan" : "Trần Văn Minh",
    universityId: actor === "student" ? orgB : "lhu",
    major: "se",
    year: 3,
    skills: [{ id: "python", level: 3 }],
    languages: [],
    reachableCommunes: ["p-tran-bien"],
    preferredSectors: ["software"],
    consents: {
      shareWithAppliedOrgs: true,
      recommendToRecruiters: actor === "otherStudent",
      provinceStatistics: true,
    },
  };
}

/**
 * Builds the shared world in the test file's table: enterprise A (owner and a staff member), university B (one
 * staff owner), two students with profiles, a province officer and an admin, a published, a draft and a visit
 * listing of A, and the student's application, booking, saved search and notification.
 */
export async function buildWorld(): Promise<World> {
  await Promise.all([verifiedOrganisation(orgA, "enterprise"), verifiedOrganisation(orgB, "university")]);
  const [student, otherStudent, staffA, ownerA, memberB, province, admin] = await Promise.all([
    studentWithProfile(userIds.student),
    studentWithProfile(userIds.otherStudent),
    userWithToken(userIds.staffA, "recruiter", { orgId: orgA, role: "staff" }),
    userWithToken(userIds.ownerA, "recruiter", { orgId: orgA, role: "owner" }),
    userWithToken(userIds.memberB, "staff", { orgId: orgB, role: "owner" }),
    userWithToken(userIds.province, "province"),
    userWithToken(userIds.admin, "admin"),
  ]);
  const tokens = { student, otherStudent, staffA, ownerA, memberB, province, admin };
  for (const actor of ["student", "otherStudent"] as const) {
    const res = await call("PUT", "/api/students/me", {
      token: tokens[actor],
      body: { ...profileOf(actor), version: 1 },
    });
    if (res.status !== 200) throw new Error(`profile: ${res.status} ${res.text}`);
  }
  // University B's staff confirm the student's enrolment: only then do B's placement rounds admit them.
  const confirmed = await call("PUT", `/api/organisations/${orgB}/enrolments/${userIds.student}`, {
    token: tokens.memberB,
    body: { confirmed: true },
  });
  if (confirmed.status !== 200) throw new Error(`enrolment: ${confirmed.status} ${confirmed.text}`);
  const [publishedListing, draftListing, visitListing] = await Promise.all([
    listingOf(ownerA, orgA),
    listingOf(ownerA, orgA, { status: "draft" }),
    listingOf(ownerA, orgA, { type: "visit", sessions: visitSessions }),
  ]);
  const applied = await apply(student, publishedListing);
  if (applied.status !== 201) throw new Error(`application: ${applied.status} ${applied.text}`);
  const booked = await call("POST", `/api/listings/${visitListing}/sessions/s1/bookings`, { token: student, body: {} });
  if (booked.status !== 201) throw new Error(`booking: ${booked.status} ${booked.text}`);
  const saved = await freshSavedSearch(student);
  const notification = await freshNotification(userIds.student);
  const pending = await call("POST", "/api/organisations", {
    token: admin,
    body: {
      kind: "enterprise",
      name: { vi: "Công ty chờ duyệt" },
      sectors: [],
      communeId: "p-tran-bien",
      address: "1",
    },
  });
  if (pending.status !== 201) throw new Error(`organisation: ${pending.status} ${pending.text}`);
  const volunteerListing = await listingOf(ownerA, orgA, { type: "volunteer" });
  const volunteered = await apply(student, volunteerListing);
  const offered = await advance(ownerA, volunteered.json.id, volunteered.json.version, ["offered"]);
  const accepted = await move(student, volunteered.json.id, { to: "accepted", version: offered.json.version });
  if (accepted.status !== 200) throw new Error(`volunteer: ${accepted.status} ${accepted.text}`);
  const placementRound = await freshRound({ tokens }, publishedListing);
  return {
    tokens,
    volunteerApplication: volunteered.json.id,
    placementRound,
    publishedListing,
    draftListing,
    visitListing,
    application: applied.json.id,
    booking: booked.json.id,
    savedSearch: saved,
    notification,
    pendingOrg: pending.json.id,
  };
}

/** A new listing of enterprise A, published unless told otherwise. */
export function freshListing(world: World, options: ListingOptions = {}) {
  return listingOf(world.tokens.ownerA, orgA, options);
}

/** A new saved search of a student; returns its id. */
export async function freshSavedSearch(token: string): Promise<string> {
  const res = await call("POST", "/api/saved-searches", { token, body: { name: "Nhúng", criteria: { q: "nhúng" } } });
  if (res.status !== 201) throw new Error(`saved search: ${res.status} ${res.text}`);
  return res.json.id;
}

/** A new in-app notification for a user; returns its id. */
export async function freshNotification(userId: string): Promise<string> {
  await notify(userId, { kind: "application_status", title: { vi: "Cập nhật", en: "Update" } });
  return (await listNotifications(userId, 1))[0]!.id;
}

/** Adds a user to an organisation directly (a fixture, not the invitation flow). */
export async function addMember(orgId: string, userId: string, role: "owner" | "staff" = "staff") {
  await db().entities.membership.put({ orgId, userId, role, createdAt: new Date().toISOString() }).go();
}

/** Removes a user from an organisation directly (undoing a fixture). */
export async function removeMember(orgId: string, userId: string) {
  await db().entities.membership.delete({ orgId, userId }).go();
}

/** A new placement round of university B over one listing, open for preferences for a week; returns its id. */
export async function freshRound(world: Pick<World, "tokens">, listingId: string): Promise<string> {
  const res = await call("POST", "/api/placement-rounds", {
    token: world.tokens.memberB,
    body: {
      universityId: orgB,
      title: "Đợt phân bổ thực tập",
      listings: [{ listingId, capacity: 2 }],
      preferencesDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
  });
  if (res.status !== 201) throw new Error(`placement round: ${res.status} ${res.text}`);
  return res.json.id;
}
