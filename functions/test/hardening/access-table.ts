import { randomUUID } from "node:crypto";
import type { Action, Resource } from "@ketnoi/core";
import { config } from "../../src/config";
import { unsubscribeToken } from "../../src/mail/token";
import { makePdf, postForm, uploadCv } from "../files";
import { call, userWithToken } from "../helpers";
import { apply, freshIp, studentWithProfile, verifiedOrganisation } from "../marketplace";
import { interviewAccessRows } from "./access-interviews";
import {
  type Actor,
  addMember,
  freshListing,
  freshNotification,
  freshRound,
  freshSavedSearch,
  orgA,
  orgB,
  profileOf,
  removeMember,
  userIds,
  visitSessions,
  type World,
} from "./world";

/** A request one actor sends in one cell of the matrix. */
export interface CellRequest {
  method?: string;
  path: string;
  body?: unknown;
  /** Sends as someone else of the same role (a disposable account, when the action destroys the caller's own). */
  token?: string;
  /** Undoes what the request changed, so later cells see the shared world unchanged. */
  after?: () => Promise<void>;
}

/**
 * One row of the authorization matrix: a route (as the OpenAPI document names it), who may, and what everyone else
 * gets. Rows are derived from packages/core/src/policy.ts: `actions` names the rules the route asks and `resource`
 * what it asks them about, and the test checks that `may` is exactly whom those rules allow.
 */
export interface AccessRow {
  route: string;
  /** What this row shows, when a route has several. */
  variant?: string;
  /** The policy rules the route applies (any one allowing is enough); "public" and "signedIn" have no rule. */
  actions: Action[] | "public" | "signedIn";
  resource?: (world: World) => Resource;
  /** Who gets `ok`: actors, "everyone" (anonymous included) or "signedIn". */
  may: Actor[] | "everyone" | "signedIn";
  ok: number;
  /** What the others get: 403, or 404 where the route does not reveal that the resource exists. */
  denied: number;
  /**
   * Cells that differ from `denied` or `ok`, each with the reason; `allowedByPolicy` when the policy says yes and
   * something else (a business rule, a missing record) decides the status.
   */
  exceptions?: Partial<Record<Actor, { status: number; why: string; allowedByPolicy?: true }>>;
  /** What an anonymous caller gets, when the route is public but this variant needs a principal (or hides). */
  anonymous?: number;
  request: (world: World, actor: Actor) => Promise<CellRequest> | CellRequest;
}

const orgResource = { orgId: orgA, orgVerified: true, orgKind: "enterprise" } as const;
const universityB = { orgId: orgB, orgKind: "university", orgVerification: "verified" } as const;
const staffMembers: Actor[] = ["ownerA", "staffA"];
const students: Actor[] = ["student", "otherStudent"];
const everyone = "everyone" as const;

let counter = 0;
/** A unique suffix for ids and e-mail addresses created by cells. */
const unique = () => `${Date.now().toString(36)}-${++counter}`;

async function versionOf(path: string, token: string): Promise<number> {
  const res = await call("GET", path, { token });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.json.version;
}

/** A new application of the world's student to a new listing of A. */
async function freshApplication(world: World): Promise<string> {
  const listingId = await freshListing(world);
  const res = await apply(world.tokens.student, listingId);
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${res.text}`);
  return res.json.id;
}

/** A new verified enterprise (owned by the admin) with an open invitation to `email`; returns the invitation id. */
async function freshInvitation(world: World, email: string): Promise<string> {
  const orgId = `hw-inviting-${unique()}`;
  await verifiedOrganisation(orgId, "enterprise");
  await addMember(orgId, userIds.admin, "owner");
  const res = await call("POST", `/api/organisations/${orgId}/invitations`, {
    token: world.tokens.admin,
    body: { email, role: "staff" },
  });
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${res.text}`);
  return res.json.id;
}

const emailOf = (actor: Exclude<Actor, "anonymous">) => `${userIds[actor]}@example.vn`;

/** The matrix. Every route of the OpenAPI document has at least one row (authorization.test.ts checks it). */
export const accessTable: AccessRow[] = [
  // System and public reads.
  {
    route: "GET /api/health",
    actions: "public",
    may: everyone,
    ok: 200,
    denied: 200,
    request: () => ({ path: "/api/health" }),
  },
  {
    route: "GET /api/dev-auth/accounts",
    actions: "public",
    may: everyone,
    ok: 200,
    denied: 200,
    request: () => ({ path: "/api/dev-auth/accounts" }),
  },
  {
    route: "POST /api/dev-auth/token",
    actions: "public",
    may: everyone,
    ok: 200,
    denied: 200,
    request: () => ({ path: "/api/dev-auth/token", body: { userId: userIds.student } }),
  },
  {
    route: "GET /api/search",
    actions: "public",
    may: everyone,
    ok: 200,
    denied: 200,
    request: () => ({ path: "/api/search?q=python" }),
  },
  {
    route: "GET /api/listings",
    actions: "public",
    may: everyone,
    ok: 200,
    denied: 200,
    request: () => ({ path: "/api/listings" }),
  },
  {
    route: "GET /api/listings/{id}",
    variant: "published",
    actions: "public",
    may: everyone,
    ok: 200,
    denied: 200,
    request: (w) => ({ path: `/api/listings/${w.publishedListing}` }),
  },
  {
    route: "GET /api/listings/{id}",
    variant: "draft",
    actions: ["listing:viewDraft"],
    resource: () => orgResource,
    may: ["admin", ...staffMembers],
    ok: 200,
    denied: 404,
    anonymous: 404,
    request: (w) => ({ path: `/api/listings/${w.draftListing}` }),
  },
  {
    route: "GET /api/organisations",
    actions: "public",
    may: everyone,
    ok: 200,
    denied: 200,
    request: () => ({ path: "/api/organisations" }),
  },
  {
    route: "GET /api/organisations",
    variant: "verification queue",
    actions: ["organisation:verify"],
    may: ["admin", "province"],
    ok: 200,
    denied: 403,
    anonymous: 401,
    request: () => ({ path: "/api/organisations?verification=pending" }),
  },
  {
    route: "GET /api/organisations/{id}",
    variant: "verified",
    actions: "public",
    may: everyone,
    ok: 200,
    denied: 200,
    request: () => ({ path: `/api/organisations/${orgA}` }),
  },
  {
    route: "GET /api/organisations/{id}",
    variant: "pending (the admin registered it)",
    actions: ["organisation:viewUnverified"],
    resource: (w) => ({ orgId: w.pendingOrg }),
    may: ["admin", "province"],
    ok: 200,
    denied: 404,
    anonymous: 404,
    request: (w) => ({ path: `/api/organisations/${w.pendingOrg}` }),
  },

  // The signed-in user's own lists: anyone signed in, each sees only their own.
  ...(
    ["/api/me", "/api/invitations/mine", "/api/applications/mine", "/api/bookings/mine", "/api/notifications"] as const
  ).map(
    (path): AccessRow => ({
      route: `GET ${path}`,
      actions: "signedIn",
      may: "signedIn",
      ok: 200,
      denied: 200,
      request: () => ({ path }),
    }),
  ),

  // Mail preferences: the signed-in user's own.
  {
    route: "GET /api/me/mail-preferences",
    actions: "signedIn",
    may: "signedIn",
    ok: 200,
    denied: 200,
    request: () => ({ path: "/api/me/mail-preferences" }),
  },
  {
    route: "PUT /api/me/mail-preferences",
    actions: "signedIn",
    may: "signedIn",
    ok: 200,
    denied: 200,
    request: () => ({ method: "PUT", path: "/api/me/mail-preferences", body: { kinds: { placement: "instant" } } }),
  },
  // A mail's unsubscribe link: the signed token is the authority, whoever (or no one) is signed in.
  {
    route: "GET /api/mail/unsubscribe",
    actions: "public",
    may: everyone,
    ok: 200,
    denied: 200,
    request: () => ({
      path: `/api/mail/unsubscribe?token=${unsubscribeToken(config().SERVER_SECRET, "access-table-user", "placement")}`,
    }),
  },
  {
    route: "POST /api/mail/unsubscribe",
    actions: "public",
    may: everyone,
    ok: 200,
    denied: 200,
    request: () => ({
      method: "POST",
      path: `/api/mail/unsubscribe?token=${unsubscribeToken(config().SERVER_SECRET, "access-table-user", "placement")}`,
    }),
  },

  // Organisations.
  {
    route: "POST /api/organisations",
    actions: ["organisation:create"],
    may: ["staffA", "ownerA", "memberB", "province", "admin"],
    ok: 201,
    denied: 403,
    request: () => ({
      path: "/api/organisations",
      body: { kind: "government", name: { vi: "Sở Thử nghiệm" }, sectors: [], communeId: "p-tran-bien", address: "1" },
    }),
  },
  {
    route: "PATCH /api/organisations/{id}",
    actions: ["organisation:update"],
    resource: () => orgResource,
    may: ["admin", "ownerA"],
    ok: 200,
    denied: 403,
    request: async (w) => ({
      path: `/api/organisations/${orgA}`,
      body: { version: await versionOf(`/api/organisations/${orgA}`, w.tokens.admin), address: `Số ${unique()}` },
    }),
  },
  {
    route: "GET /api/organisations/{id}/listings",
    actions: ["listing:viewDraft"],
    resource: () => orgResource,
    may: ["admin", ...staffMembers],
    ok: 200,
    denied: 404,
    request: () => ({ path: `/api/organisations/${orgA}/listings` }),
  },
  {
    route: "POST /api/organisations/{id}/verification",
    actions: ["organisation:verify"],
    may: ["admin", "province"],
    ok: 200,
    denied: 403,
    request: async (w) => {
      const created = await call("POST", "/api/organisations", {
        token: w.tokens.admin,
        body: { kind: "enterprise", name: { vi: "Công ty mới" }, sectors: [], communeId: "p-tran-bien", address: "1" },
      });
      return { path: `/api/organisations/${created.json.id}/verification`, body: { decision: "verified" } };
    },
  },
  {
    route: "GET /api/organisations/{id}/members",
    actions: ["member:list"],
    resource: () => orgResource,
    may: ["admin", ...staffMembers],
    ok: 200,
    denied: 404,
    request: () => ({ path: `/api/organisations/${orgA}/members` }),
  },
  {
    route: "PATCH /api/organisations/{id}/members/{userId}",
    actions: ["member:manage"],
    resource: () => orgResource,
    may: ["admin", "ownerA"],
    ok: 200,
    denied: 404,
    exceptions: { staffA: { status: 403, why: "a member who is not an owner is told no, not that A does not exist" } },
    request: async () => {
      const member = `hw-extra-${unique()}`;
      await addMember(orgA, member);
      return {
        path: `/api/organisations/${orgA}/members/${member}`,
        body: { role: "owner" },
        // A second owner would let A's owner leave in the "leaving" row below.
        after: () => removeMember(orgA, member),
      };
    },
  },
  {
    route: "DELETE /api/organisations/{id}/members/{userId}",
    variant: "another member",
    actions: ["member:remove"],
    resource: () => ({ ...orgResource, ownerUserId: "hw-extra" }),
    may: ["admin", "ownerA"],
    ok: 204,
    denied: 404,
    exceptions: { staffA: { status: 403, why: "a member who is not an owner is told no, not that A does not exist" } },
    request: async () => {
      const member = `hw-extra-${unique()}`;
      await addMember(orgA, member);
      return { path: `/api/organisations/${orgA}/members/${member}` };
    },
  },
  {
    route: "DELETE /api/organisations/{id}/members/{userId}",
    variant: "leaving (the caller's own membership)",
    actions: ["member:remove"],
    resource: () => ({ ...orgResource, ownerUserId: "self" }),
    may: ["staffA"],
    ok: 204,
    denied: 404,
    exceptions: {
      ownerA: { status: 409, why: "the last owner cannot leave (last_owner)", allowedByPolicy: true },
      admin: { status: 404, why: "the admin is no member of A", allowedByPolicy: true },
    },
    request: (_w, actor) => {
      const self = actor === "anonymous" ? "nobody" : userIds[actor];
      return {
        path: `/api/organisations/${orgA}/members/${self}`,
        after: async () => {
          if (actor === "staffA") await addMember(orgA, userIds.staffA, "staff");
          if (actor === "ownerA") await addMember(orgA, userIds.ownerA, "owner");
        },
      };
    },
  },
  {
    route: "GET /api/organisations/{id}/invitations",
    actions: ["member:manage"],
    resource: () => orgResource,
    may: ["admin", "ownerA"],
    ok: 200,
    denied: 404,
    exceptions: { staffA: { status: 403, why: "a member who is not an owner is told no, not that A does not exist" } },
    request: () => ({ path: `/api/organisations/${orgA}/invitations` }),
  },
  {
    route: "POST /api/organisations/{id}/invitations",
    actions: ["member:manage"],
    resource: () => orgResource,
    may: ["admin", "ownerA"],
    ok: 201,
    denied: 404,
    exceptions: { staffA: { status: 403, why: "a member who is not an owner is told no, not that A does not exist" } },
    request: () => ({
      path: `/api/organisations/${orgA}/invitations`,
      body: { email: `moi-${unique()}@example.vn`, role: "staff" },
    }),
  },

  // Invitations: only the addressee sees or answers one; anybody else is told it does not exist.
  {
    route: "POST /api/invitations/{id}/accept",
    variant: "addressed to a recruiter, from an enterprise",
    // Being the addressee comes first and is no policy rule: recruiters other than the addressee get 404.
    actions: "signedIn",
    may: ["staffA"],
    ok: 204,
    denied: 404,
    request: async (w) => ({ path: `/api/invitations/${await freshInvitation(w, emailOf("staffA"))}/accept` }),
  },
  {
    route: "POST /api/invitations/{id}/accept",
    variant: "addressed to a student (role mismatch)",
    actions: "signedIn",
    may: [],
    ok: 204,
    denied: 404,
    exceptions: {
      student: { status: 403, why: "the addressee, but enterprises take recruiter accounts (role_mismatch)" },
    },
    request: async (w) => ({ path: `/api/invitations/${await freshInvitation(w, emailOf("student"))}/accept` }),
  },
  {
    route: "POST /api/invitations/{id}/decline",
    actions: "signedIn",
    may: ["staffA"],
    ok: 204,
    denied: 404,
    request: async (w) => ({ path: `/api/invitations/${await freshInvitation(w, emailOf("staffA"))}/decline` }),
  },

  // Listings.
  {
    route: "POST /api/listings",
    actions: ["listing:create"],
    resource: () => orgResource,
    may: ["admin", ...staffMembers],
    ok: 201,
    denied: 403,
    request: () => ({
      path: "/api/listings",
      body: {
        orgId: orgA,
        type: "job",
        title: { vi: "Kỹ sư phần mềm" },
        description: { vi: "Mô tả." },
        requiredSkills: [],
        preferredSkills: [],
        majors: [],
        years: [],
        communeId: "p-tran-bien",
        workMode: "hybrid",
        deadline: "2099-12-31",
      },
    }),
  },
  {
    route: "PATCH /api/listings/{id}",
    actions: ["listing:update"],
    resource: () => orgResource,
    may: ["admin", ...staffMembers],
    ok: 200,
    denied: 403,
    request: async (w) => ({
      path: `/api/listings/${w.publishedListing}`,
      body: {
        version: await versionOf(`/api/listings/${w.publishedListing}`, w.tokens.ownerA),
        title: { vi: `Thực tập ${unique()}` },
      },
    }),
  },

  // Applications.
  {
    route: "POST /api/listings/{id}/applications",
    actions: ["application:create"],
    may: students,
    ok: 201,
    denied: 403,
    request: async (w) => ({ path: `/api/listings/${await freshListing(w)}/applications`, body: {} }),
  },
  {
    route: "GET /api/listings/{id}/applications",
    actions: ["application:review"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 403,
    request: (w) => ({ path: `/api/listings/${w.publishedListing}/applications` }),
  },
  {
    route: "POST /api/listings/{id}/applications/bulk",
    actions: ["application:review"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 403,
    request: (w) => ({
      path: `/api/listings/${w.publishedListing}/applications/bulk`,
      body: { applicationIds: [w.application], to: "reviewing" },
    }),
  },
  {
    route: "GET /api/applications/{id}",
    actions: ["application:respond", "application:review"],
    resource: () => ({ ...orgResource, ownerUserId: userIds.student }),
    may: ["student", ...staffMembers],
    ok: 200,
    denied: 404,
    request: (w) => ({ path: `/api/applications/${w.application}` }),
  },
  {
    route: "POST /api/applications/{id}/transitions",
    variant: "the organisation's move (reviewing)",
    actions: ["application:review"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 404,
    exceptions: { student: { status: 403, why: "the applicant, but this move is the organisation's" } },
    request: async (w) => ({
      path: `/api/applications/${await freshApplication(w)}/transitions`,
      body: { to: "reviewing", version: 1 },
    }),
  },
  {
    route: "POST /api/applications/{id}/transitions",
    variant: "the student's move (withdrawn)",
    actions: ["application:respond"],
    resource: () => ({ ownerUserId: userIds.student }),
    may: ["student"],
    ok: 200,
    denied: 404,
    exceptions: {
      ownerA: { status: 403, why: "the organisation, but withdrawing is the student's move" },
      staffA: { status: 403, why: "the organisation, but withdrawing is the student's move" },
    },
    request: async (w) => ({
      path: `/api/applications/${await freshApplication(w)}/transitions`,
      body: { to: "withdrawn", version: 1 },
    }),
  },

  // Bookings.
  {
    route: "POST /api/listings/{id}/sessions/{sessionId}/bookings",
    variant: "a student's seat",
    actions: ["booking:create"],
    may: students,
    ok: 201,
    denied: 403,
    request: async (w) => ({
      path: `/api/listings/${await freshListing(w, { type: "visit", sessions: visitSessions })}/sessions/s2/bookings`,
      body: {},
    }),
  },
  {
    route: "POST /api/listings/{id}/sessions/{sessionId}/bookings",
    variant: "a class of university B",
    actions: ["booking:createForClass"],
    resource: () => universityB,
    may: ["memberB"],
    ok: 201,
    denied: 403,
    request: (w) => ({
      path: `/api/listings/${w.visitListing}/sessions/s3/bookings`,
      body: { classBooking: { orgId: orgB, classLabel: `K22-${unique()}`, seats: 1 } },
    }),
  },
  {
    route: "GET /api/listings/{id}/bookings",
    actions: ["listing:viewBookings"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 403,
    request: (w) => ({ path: `/api/listings/${w.visitListing}/bookings` }),
  },
  {
    // Cancelling twice answers the cancelled booking again, so one booking serves every cell.
    route: "DELETE /api/bookings/{id}",
    actions: ["booking:manage"],
    resource: () => ({ ownerUserId: userIds.student }),
    may: ["student"],
    ok: 200,
    denied: 404,
    request: (w) => ({ path: `/api/bookings/${w.booking}` }),
  },

  // A student's own records.
  {
    route: "GET /api/saved-searches",
    actions: ["savedSearch:manage"],
    resource: () => ({ ownerUserId: "self" }),
    may: students,
    ok: 200,
    denied: 403,
    request: () => ({ path: "/api/saved-searches" }),
  },
  {
    route: "POST /api/saved-searches",
    actions: ["savedSearch:manage"],
    resource: () => ({ ownerUserId: "self" }),
    may: students,
    ok: 201,
    denied: 403,
    request: () => ({ path: "/api/saved-searches", body: { name: "Vi mạch", criteria: { q: "vi mạch" } } }),
  },
  {
    route: "DELETE /api/saved-searches/{id}",
    actions: ["savedSearch:manage"],
    resource: () => ({ ownerUserId: "self" }),
    may: ["student"],
    ok: 204,
    denied: 403,
    exceptions: {
      otherStudent: { status: 404, why: "manages saved searches, but finds only their own", allowedByPolicy: true },
    },
    request: async (w) => ({ path: `/api/saved-searches/${await freshSavedSearch(w.tokens.student)}` }),
  },
  {
    route: "POST /api/notifications/{id}/read",
    actions: "signedIn",
    may: ["student"],
    ok: 204,
    denied: 404,
    request: async () => ({ path: `/api/notifications/${await freshNotification(userIds.student)}/read` }),
  },
  {
    route: "GET /api/students/me",
    actions: ["student:read"],
    resource: () => ({ ownerUserId: "self" }),
    may: students,
    ok: 200,
    denied: 403,
    exceptions: { admin: { status: 404, why: "may read profiles, but has none of their own", allowedByPolicy: true } },
    request: () => ({ path: "/api/students/me" }),
  },
  {
    route: "PUT /api/students/me",
    actions: ["student:write"],
    resource: () => ({ ownerUserId: "self" }),
    may: students,
    ok: 200,
    denied: 403,
    request: async (w, actor) => {
      const mine = actor === "student" || actor === "otherStudent";
      const version = mine ? await versionOf("/api/students/me", w.tokens[actor]) : undefined;
      const body = profileOf(mine ? actor : "student");
      return { path: "/api/students/me", body: { ...body, ...(version ? { version } : {}) } };
    },
  },
  {
    route: "GET /api/students/me/export",
    actions: ["student:export"],
    resource: () => ({ ownerUserId: "self" }),
    may: students,
    ok: 200,
    denied: 403,
    request: () => ({ path: "/api/students/me/export" }),
  },
  {
    // Erasure ends the account: students erase a disposable account of their own role instead of the world's.
    route: "DELETE /api/students/me",
    actions: ["student:erase"],
    resource: () => ({ ownerUserId: "self" }),
    may: students,
    ok: 200,
    denied: 403,
    request: async (_w, actor) => {
      const disposable = actor === "student" || actor === "otherStudent";
      return {
        path: "/api/students/me",
        body: { confirm: "XOA TAI KHOAN" },
        ...(disposable ? { token: await studentWithProfile(`hw-erase-${unique()}`) } : {}),
      };
    },
  },

  // Matching: recommendations for students, candidates for a listing's organisation.
  {
    route: "GET /api/recommendations",
    actions: ["recommendation:read"],
    may: students,
    ok: 200,
    denied: 403,
    request: () => ({ path: "/api/recommendations" }),
  },
  {
    route: "GET /api/listings/{id}/candidates",
    actions: ["candidate:read"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 403,
    request: (w) => ({ path: `/api/listings/${w.publishedListing}/candidates` }),
  },
  {
    route: "POST /api/listings/{id}/invite",
    actions: ["candidate:invite"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 403,
    request: async (w) => {
      const candidates = await call("GET", `/api/listings/${w.publishedListing}/candidates`, {
        token: w.tokens.ownerA,
      });
      const candidateId = candidates.json.items[0]?.candidateId;
      if (!candidateId) throw new Error(`no candidate: ${candidates.status} ${candidates.text}`);
      return { path: `/api/listings/${w.publishedListing}/invite`, body: { candidateId } };
    },
  },

  // Placement rounds: only university B's staff and B's students know that B's rounds exist.
  {
    route: "GET /api/placement-rounds",
    actions: ["placement:participate", "placement:manage", "placement:manageProvince"],
    resource: () => universityB,
    may: [...students, "memberB", "province"],
    ok: 200,
    denied: 403,
    request: () => ({ path: "/api/placement-rounds" }),
  },
  {
    route: "POST /api/placement-rounds",
    actions: ["placement:manage"],
    resource: () => universityB,
    may: ["memberB"],
    ok: 201,
    denied: 403,
    request: (w) => ({
      path: "/api/placement-rounds",
      body: {
        universityId: orgB,
        title: "Đợt phân bổ thử",
        listings: [{ listingId: w.publishedListing, capacity: 1 }],
        preferencesDeadline: new Date(Date.now() + 86_400_000).toISOString(),
      },
    }),
  },
  {
    route: "POST /api/placement-rounds",
    variant: "province-wide",
    actions: ["placement:manageProvince"],
    may: ["province"],
    ok: 201,
    denied: 403,
    request: (w) => ({
      path: "/api/placement-rounds",
      body: {
        universityIds: [orgB],
        title: "Đợt phân bổ toàn tỉnh",
        listings: [{ listingId: w.publishedListing, capacity: 1 }],
        preferencesDeadline: new Date(Date.now() + 86_400_000).toISOString(),
      },
    }),
  },
  {
    route: "GET /api/placement-rounds/{id}",
    actions: "signedIn",
    may: ["memberB", "student"],
    ok: 200,
    denied: 404,
    request: (w) => ({ path: `/api/placement-rounds/${w.placementRound}` }),
  },
  {
    route: "PUT /api/placement-rounds/{id}/preferences",
    // A student of the round's school (checked against the profile, not the policy).
    actions: "signedIn",
    may: ["student"],
    ok: 200,
    denied: 404,
    request: (w) => ({
      path: `/api/placement-rounds/${w.placementRound}/preferences`,
      body: { choices: [w.publishedListing] },
    }),
  },
  {
    route: "POST /api/placement-rounds/{id}/run",
    actions: ["placement:manage"],
    resource: () => universityB,
    may: ["memberB"],
    ok: 200,
    denied: 404,
    exceptions: { student: { status: 403, why: "a student of B may know the round, not run it" } },
    request: async (w) => ({
      path: `/api/placement-rounds/${await freshRound(w, w.publishedListing)}/run`,
      // Its deadline is a week ahead: the owner confirms running early.
      body: { confirmEarly: true },
    }),
  },
  {
    route: "POST /api/placement-rounds/{id}/reoffer",
    actions: ["placement:manage"],
    resource: () => universityB,
    may: ["memberB"],
    ok: 200,
    denied: 404,
    exceptions: { student: { status: 403, why: "a student of B may know the round, not re-offer its seats" } },
    request: async (w) => {
      // A round that has run: before that, a re-offer is 409 `round_not_run`.
      const roundId = await freshRound(w, w.publishedListing);
      const ran = await call("POST", `/api/placement-rounds/${roundId}/run`, {
        body: { confirmEarly: true },
        token: w.tokens.memberB,
      });
      if (ran.status !== 200) throw new Error(`run: ${ran.status} ${ran.text}`);
      return { path: `/api/placement-rounds/${roundId}/reoffer` };
    },
  },
  {
    route: "POST /api/placement-rounds/{id}/response",
    // The student the round assigned (checked against the stored result, not the policy).
    actions: "signedIn",
    may: ["student"],
    ok: 200,
    denied: 404,
    exceptions: { memberB: { status: 403, why: "the school's staff know the round, but only the student answers" } },
    request: async (w, actor) => {
      if (actor !== "student") {
        return { path: `/api/placement-rounds/${w.placementRound}/response`, body: { decision: "confirmed" } };
      }
      // A run round that gave the student a seat: each answer is given once, so every run of the cell needs one.
      const roundId = await freshRound(w, w.publishedListing);
      const ranked = await call("PUT", `/api/placement-rounds/${roundId}/preferences`, {
        token: w.tokens.student,
        body: { choices: [w.publishedListing] },
      });
      if (ranked.status !== 200) throw new Error(`preferences: ${ranked.status} ${ranked.text}`);
      const ran = await call("POST", `/api/placement-rounds/${roundId}/run`, {
        body: { confirmEarly: true },
        token: w.tokens.memberB,
      });
      if (ran.status !== 200) throw new Error(`run: ${ran.status} ${ran.text}`);
      return { path: `/api/placement-rounds/${roundId}/response`, body: { decision: "confirmed" } };
    },
  },
  {
    route: "GET /api/placement-rounds/{id}/listings/{listingId}/ranking",
    actions: ["placement:rank"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 404,
    request: (w) => ({ path: `/api/placement-rounds/${w.placementRound}/listings/${w.publishedListing}/ranking` }),
  },
  {
    route: "PUT /api/placement-rounds/{id}/listings/{listingId}/ranking",
    actions: ["placement:rank"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 404,
    request: (w) => ({
      path: `/api/placement-rounds/${w.placementRound}/listings/${w.publishedListing}/ranking`,
      body: { order: [] },
    }),
  },
  {
    route: "GET /api/organisations/{id}/enrolments",
    // Who declared university B is B's staff's business: no admin or province exception.
    actions: ["enrolment:confirm"],
    resource: () => universityB,
    may: ["memberB"],
    ok: 200,
    denied: 403,
    request: () => ({ path: `/api/organisations/${orgB}/enrolments` }),
  },
  {
    route: "PUT /api/organisations/{id}/enrolments/{userId}",
    actions: ["enrolment:confirm"],
    resource: () => universityB,
    may: ["memberB"],
    ok: 200,
    denied: 403,
    request: () => ({ path: `/api/organisations/${orgB}/enrolments/${userIds.student}`, body: { confirmed: true } }),
  },
  {
    route: "GET /api/organisations/{id}/placement-rounds",
    // A's rounds are A's business: its members, and no admin exception (the rankings are the organisation's).
    actions: ["placement:rank"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 403,
    request: () => ({ path: `/api/organisations/${orgA}/placement-rounds` }),
  },
  // An application's thread: its two sides only (policy `threadSideOf`); notes: the organisation's members only.
  {
    route: "GET /api/applications/{id}/messages",
    actions: ["message:studentSide", "message:organisationSide"],
    resource: () => ({ ...orgResource, ownerUserId: userIds.student }),
    may: ["student", ...staffMembers],
    ok: 200,
    denied: 404,
    request: (w) => ({ path: `/api/applications/${w.application}/messages` }),
  },
  {
    route: "POST /api/applications/{id}/messages",
    actions: ["message:studentSide", "message:organisationSide"],
    resource: () => ({ ...orgResource, ownerUserId: userIds.student }),
    may: ["student", ...staffMembers],
    ok: 201,
    denied: 404,
    request: (w, actor) => ({
      path: `/api/applications/${w.application}/messages`,
      body: { text: `Tin nhắn thử của ${actor}` },
    }),
  },
  {
    route: "PUT /api/applications/{id}/messages/read",
    actions: ["message:studentSide", "message:organisationSide"],
    resource: () => ({ ...orgResource, ownerUserId: userIds.student }),
    may: ["student", ...staffMembers],
    ok: 200,
    denied: 404,
    request: (w) => ({ path: `/api/applications/${w.application}/messages/read`, body: { seen: 1 } }),
  },
  {
    route: "GET /api/applications/{id}/notes",
    actions: ["applicantNote:manage"],
    resource: () => ({ ...orgResource, ownerUserId: userIds.student }),
    may: staffMembers,
    ok: 200,
    denied: 404,
    request: (w) => ({ path: `/api/applications/${w.application}/notes` }),
  },
  {
    route: "PUT /api/applications/{id}/notes",
    actions: ["applicantNote:manage"],
    resource: () => ({ ...orgResource, ownerUserId: userIds.student }),
    may: staffMembers,
    ok: 200,
    denied: 404,
    // A fresh application per cell: each member writes the first version of its note.
    request: async (w) => ({
      path: `/api/applications/${await freshApplication(w)}/notes`,
      body: { text: "Ghi chú nội bộ", rating: 3, version: 0 },
    }),
  },
  {
    route: "GET /api/messages/unread",
    actions: "signedIn",
    may: "signedIn",
    ok: 200,
    denied: 200,
    request: () => ({ path: "/api/messages/unread" }),
  },
  {
    route: "POST /api/applications/{id}/hours",
    actions: ["application:review"],
    resource: () => orgResource,
    may: staffMembers,
    ok: 200,
    denied: 404,
    exceptions: { student: { status: 403, why: "the volunteer, but hours are recorded by the organisation" } },
    request: async (w) => ({
      path: `/api/applications/${w.volunteerApplication}/hours`,
      body: { hours: 4, version: await versionOf(`/api/applications/${w.volunteerApplication}`, w.tokens.ownerA) },
    }),
  },

  // Dashboard, targets and audit.
  {
    route: "GET /api/dashboard",
    variant: "province",
    actions: ["dashboard:viewProvince"],
    may: ["admin", "province"],
    ok: 200,
    denied: 403,
    request: () => ({ path: "/api/dashboard?scope=province&year=2026" }),
  },
  {
    route: "GET /api/dashboard",
    variant: "organisation A",
    actions: ["dashboard:viewOrganisation"],
    resource: () => orgResource,
    may: ["admin", "province", ...staffMembers],
    ok: 200,
    denied: 403,
    request: () => ({ path: `/api/dashboard?scope=organisation&orgId=${orgA}&year=2026` }),
  },
  {
    route: "GET /api/dashboard",
    variant: "university B",
    actions: ["dashboard:viewUniversity"],
    resource: () => universityB,
    may: ["admin", "province", "memberB"],
    ok: 200,
    denied: 403,
    request: () => ({ path: `/api/dashboard?scope=university&universityId=${orgB}&year=2026` }),
  },
  {
    route: "GET /api/dashboard/export",
    actions: ["dashboard:viewOrganisation"],
    resource: () => orgResource,
    may: ["admin", "province", ...staffMembers],
    ok: 200,
    denied: 403,
    request: () => ({ path: `/api/dashboard/export?scope=organisation&orgId=${orgA}&table=funnel&format=csv` }),
  },
  {
    route: "GET /api/targets",
    actions: ["target:read"],
    may: ["admin", "province", "memberB"],
    ok: 200,
    denied: 403,
    request: () => ({ path: "/api/targets?year=2026" }),
  },
  {
    route: "GET /api/targets/history",
    actions: ["target:read"],
    may: ["admin", "province", "memberB"],
    ok: 200,
    denied: 403,
    request: () => ({ path: "/api/targets/history?year=2026&field=ai" }),
  },
  {
    route: "PUT /api/targets",
    actions: ["target:write"],
    may: ["admin", "province"],
    ok: 200,
    denied: 403,
    request: () => ({
      path: "/api/targets",
      body: {
        year: 2030 + (++counter % 60),
        field: "software",
        universityId: `hw-uni-${unique()}`,
        counts: { internships: 1, visits: 2, jobs: 3, trainings: 4 },
      },
    }),
  },
  {
    route: "GET /api/audit",
    actions: ["audit:read"],
    may: ["admin"],
    ok: 200,
    denied: 403,
    request: () => ({ path: "/api/audit" }),
  },
  // CV files (routes/files.ts): each student cell works on a disposable student's own file, so the world's student
  // keeps free slots; the organisation's download is of the world's student's CV attached to an application to A.
  {
    route: "GET /api/files/cv",
    actions: ["cvFile:manage"],
    resource: () => ({ ownerUserId: "self" }),
    may: students,
    ok: 200,
    denied: 403,
    request: () => ({ path: "/api/files/cv" }),
  },
  {
    route: "POST /api/files/cv",
    actions: ["cvFile:manage"],
    resource: () => ({ ownerUserId: "self" }),
    may: students,
    ok: 201,
    denied: 403,
    request: async (_w, actor) => ({
      method: "POST",
      path: "/api/files/cv",
      body: { name: "CV", size: 1000 },
      ...(students.includes(actor) ? { token: await cvOwner() } : {}),
    }),
  },
  {
    route: "POST /api/files/cv/{id}/check",
    actions: ["cvFile:manage"],
    resource: () => ({ ownerUserId: "self" }),
    may: students,
    ok: 200,
    denied: 403,
    request: async (_w, actor) => {
      if (!students.includes(actor)) return { method: "POST", path: `/api/files/cv/${randomUUID()}/check` };
      const token = await cvOwner();
      const bytes = await cvPdf();
      const started = await call("POST", "/api/files/cv", { token, body: { name: "CV", size: bytes.length } });
      await postForm(started.json.upload, bytes);
      return { method: "POST", path: `/api/files/cv/${started.json.file.id}/check`, token };
    },
  },
  {
    route: "GET /api/files/cv/{id}/download",
    actions: ["cvFile:manage"],
    resource: () => ({ ownerUserId: "self" }),
    may: students,
    ok: 200,
    denied: 403,
    request: async (_w, actor) => {
      if (!students.includes(actor)) return { path: `/api/files/cv/${randomUUID()}/download` };
      const token = await cvOwner();
      const { fileId } = await uploadCv(token, "CV", await cvPdf());
      return { path: `/api/files/cv/${fileId}/download`, token };
    },
  },
  {
    route: "DELETE /api/files/cv/{id}",
    actions: ["cvFile:manage"],
    resource: () => ({ ownerUserId: "self" }),
    may: students,
    ok: 204,
    denied: 403,
    request: async (_w, actor) => {
      if (!students.includes(actor)) return { method: "DELETE", path: `/api/files/cv/${randomUUID()}` };
      const token = await cvOwner();
      const { fileId } = await uploadCv(token, "CV", await cvPdf());
      return { method: "DELETE", path: `/api/files/cv/${fileId}`, token };
    },
  },
  {
    route: "GET /api/files/applications/{id}/cv",
    actions: ["cvFile:download"],
    // The world's student consents to share with organisations they applied to (world.ts).
    resource: () => ({ orgId: orgA, shareConsent: true }),
    may: staffMembers,
    ok: 200,
    denied: 403,
    request: async (w) => ({ path: `/api/files/applications/${await applicationWithCv(w)}/cv` }),
  },
  // Interviews and offers (access-interviews.ts).
  ...interviewAccessRows,
];

/** A new student account (no profile needed) whose CV slots are all free. */
const cvOwner = () => userWithToken(`hw-cv-${unique()}`, "student");
let pdfBytes: Promise<Uint8Array> | undefined;
const cvPdf = () => {
  pdfBytes ??= makePdf(1);
  return pdfBytes;
};
let cvApplication: Promise<string> | undefined;
/** One application of the world's student to a new listing of A, with a checked CV attached (made once). */
function applicationWithCv(world: World): Promise<string> {
  cvApplication ??= (async () => {
    const { fileId } = await uploadCv(world.tokens.student, "CV tiếng Việt", await cvPdf());
    const listingId = await freshListing(world);
    const res = await apply(world.tokens.student, listingId, { cvFileId: fileId });
    if (res.status !== 201) throw new Error(`apply with a CV: ${res.status} ${res.text}`);
    return res.json.id as string;
  })();
  return cvApplication;
}

/** The status the table expects for one actor. A private route (`secured`) always answers an anonymous caller 401. */
export function expectedStatus(row: AccessRow, actor: Actor, secured: boolean): number {
  if (actor === "anonymous") {
    if (secured) return 401;
    return row.anonymous ?? (row.may === "everyone" ? row.ok : row.denied);
  }
  const exception = row.exceptions?.[actor];
  if (exception) return exception.status;
  const mayAct = row.may === "everyone" || row.may === "signedIn" || row.may.includes(actor);
  return mayAct ? row.ok : row.denied;
}

/** Sends one cell's request as an actor, from a fresh client address (so rate limits never decide a cell). */
export async function sendCell(world: World, actor: Actor, row: AccessRow) {
  const request = await row.request(world, actor);
  const token = request.token ?? (actor === "anonymous" ? undefined : world.tokens[actor]);
  const method = request.method ?? row.route.split(" ")[0]!;
  const res = await call(method, request.path, {
    ...(token ? { token } : {}),
    ...(request.body === undefined ? {} : { body: request.body }),
    headers: { "x-forwarded-for": freshIp() },
  });
  await request.after?.();
  return res;
}
