import type { MembershipRole, OrganisationKind, Role } from "./roles";
import type { VerificationStatus } from "./schemas/organisation";

/** Who is asking: the verified token's subject, role and organisation memberships. */
export interface Principal {
  userId: string;
  role: Role;
  memberships: ReadonlyArray<{ orgId: string; role: MembershipRole }>;
  /** Identity claims from the token (never used to decide access): to register a user on first sign-in. */
  email?: string | undefined;
  name?: string | undefined;
  /** Whether this sign-in passed a second factor (functions/src/auth/mfa.ts); the policy does not read it. */
  mfa?: boolean | undefined;
}

/** What the request touches. Only the fields an action needs are set. */
export interface Resource {
  orgId?: string;
  orgVerified?: boolean;
  ownerUserId?: string;
  /** The acting organisation's kind, for actions only some kinds may take (class bookings). */
  orgKind?: OrganisationKind;
  /** The acting organisation's standing, for actions only a verified school may take (`actsAsSchool`). */
  orgVerification?: VerificationStatus;
  /** Whether the student concerned consents, now, to share their details with organisations they applied to. */
  shareConsent?: boolean;
}

/**
 * What an organisation in each standing may do. The one place the lifecycle is decided: routes ask here whether a
 * listing is shown to the public, whether it takes applications and bookings, and whether the organisation acts
 * as a school. Rejected and suspended organisations disappear from the public (their listings answer 410 to
 * outsiders), take no new applications or bookings, and their members still see everything with the reason.
 */
export const organisationStanding: Record<
  VerificationStatus,
  { listingsPublic: boolean; takesApplications: boolean; mayActAsSchool: boolean }
> = {
  pending: { listingsPublic: false, takesApplications: false, mayActAsSchool: false },
  verified: { listingsPublic: true, takesApplications: true, mayActAsSchool: true },
  rejected: { listingsPublic: false, takesApplications: false, mayActAsSchool: false },
  suspended: { listingsPublic: false, takesApplications: false, mayActAsSchool: false },
};

/**
 * Whether an organisation acts as a school (class bookings, school placement rounds, school-scoped dashboards):
 * only a verified university or institute. A self-made, unverified "university" is no school.
 * @example actsAsSchool({ kind: "university", verification: "pending" }) // false
 */
export function actsAsSchool(org: {
  kind?: OrganisationKind | undefined;
  verification?: VerificationStatus | undefined;
}) {
  return (
    (org.kind === "university" || org.kind === "institute") &&
    org.verification !== undefined &&
    organisationStanding[org.verification].mayActAsSchool
  );
}

/**
 * The school a student belongs to for anything that grants access (school placement rounds, school-scoped views):
 * the declared `universityId` only once that school's staff confirmed it, else none. A student who declares
 * another school gains nothing until that school confirms them.
 * @example confirmedSchoolOf({ universityId: "lhu", confirmedUniversityId: "lhu" }) // "lhu"
 */
export function confirmedSchoolOf(profile: {
  universityId: string;
  confirmedUniversityId?: string | undefined;
}): string | undefined {
  return profile.confirmedUniversityId === profile.universityId ? profile.universityId : undefined;
}

const school = (r: Resource) => actsAsSchool({ kind: r.orgKind, verification: r.orgVerification });

export const actions = [
  "organisation:create",
  "organisation:update",
  "organisation:verify",
  "organisation:viewUnverified",
  "listing:create",
  "listing:update",
  "listing:publish",
  "listing:viewDraft",
  "student:read",
  "student:write",
  "savedSearch:manage",
  "application:create",
  "application:respond",
  "application:review",
  "booking:create",
  "booking:createForClass",
  "booking:manage",
  "listing:viewBookings",
  "student:export",
  "student:erase",
  "member:list",
  "member:manage",
  "member:remove",
  "organisation:join",
  "dashboard:viewProvince",
  "dashboard:viewUniversity",
  "dashboard:viewOrganisation",
  "target:read",
  "target:write",
  "audit:read",
  "recommendation:read",
  "candidate:read",
  "candidate:invite",
  "placement:manage",
  "placement:participate",
  "placement:rank",
  "placement:manageProvince",
  "enrolment:confirm",
  "message:studentSide",
  "message:organisationSide",
  "applicantNote:manage",
  "cvFile:manage",
  "cvFile:download",
] as const;
export type Action = (typeof actions)[number];

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: "unauthenticated" | "forbidden" | "organisation_unverified" };

const allow: Decision = { allowed: true };
const forbid: Decision = { allowed: false, reason: "forbidden" };

function membershipOf(principal: Principal, orgId: string | undefined) {
  return orgId ? principal.memberships.find((m) => m.orgId === orgId) : undefined;
}

const orgActor = (p: Principal) => p.role === "staff" || p.role === "recruiter";

/**
 * The platform role whose users may join an organisation of a kind: recruiters join enterprises; university, lab,
 * innovation-centre and government staff join the others. Students and province officers join none, so a
 * mistyped invitation cannot turn a student account into an organisation's member.
 * @example memberRoleFor("enterprise") // "recruiter"
 */
export function memberRoleFor(kind: OrganisationKind): "staff" | "recruiter" {
  return kind === "enterprise" ? "recruiter" : "staff";
}

/** One rule per action. Platform admins may do everything except act as a student. */
const rules: Record<Action, (p: Principal, r: Resource) => Decision> = {
  "organisation:create": (p) => (p.role === "student" ? forbid : allow),
  "organisation:update": (p, r) => (p.role === "admin" || membershipOf(p, r.orgId)?.role === "owner" ? allow : forbid),
  "organisation:verify": (p) => (p.role === "admin" || p.role === "province" ? allow : forbid),
  "organisation:viewUnverified": (p, r) =>
    p.role === "admin" || p.role === "province" || membershipOf(p, r.orgId) ? allow : forbid,
  "listing:create": (p, r) => (p.role === "admin" || (orgActor(p) && membershipOf(p, r.orgId)) ? allow : forbid),
  "listing:update": (p, r) => (p.role === "admin" || (orgActor(p) && membershipOf(p, r.orgId)) ? allow : forbid),
  "listing:publish": (p, r) => {
    if (p.role !== "admin" && !(orgActor(p) && membershipOf(p, r.orgId))) return forbid;
    return r.orgVerified ? allow : { allowed: false, reason: "organisation_unverified" };
  },
  "listing:viewDraft": (p, r) => (p.role === "admin" || membershipOf(p, r.orgId) ? allow : forbid),
  "student:read": (p, r) =>
    p.role === "admin" || (p.role === "student" && p.userId === r.ownerUserId) ? allow : forbid,
  "student:write": (p, r) => (p.role === "student" && p.userId === r.ownerUserId ? allow : forbid),
  // Saved searches alert students to new listings; the data layer reads only the caller's own partition.
  "savedSearch:manage": (p, r) => (p.role === "student" && p.userId === r.ownerUserId ? allow : forbid),
  // Applications and bookings carry students' personal data: only the student and the listing's organisation
  // see them, so these rules have no admin exception.
  "application:create": (p) => (p.role === "student" ? allow : forbid),
  "application:respond": (p, r) => (p.role === "student" && p.userId === r.ownerUserId ? allow : forbid),
  "application:review": (p, r) => (orgActor(p) && membershipOf(p, r.orgId) ? allow : forbid),
  "booking:create": (p) => (p.role === "student" ? allow : forbid),
  "booking:createForClass": (p, r) => {
    if (!(orgActor(p) && membershipOf(p, r.orgId) && (r.orgKind === "university" || r.orgKind === "institute")))
      return forbid;
    return school(r) ? allow : { allowed: false, reason: "organisation_unverified" };
  },
  "booking:manage": (p, r) =>
    p.userId === r.ownerUserId || (orgActor(p) && membershipOf(p, r.orgId)) ? allow : forbid,
  "listing:viewBookings": (p, r) => (orgActor(p) && membershipOf(p, r.orgId) ? allow : forbid),
  // Export and erasure are the data subject's own rights: nobody, not even an admin, exercises them for a student.
  "student:export": (p, r) => (p.role === "student" && p.userId === r.ownerUserId ? allow : forbid),
  "student:erase": (p, r) => (p.role === "student" && p.userId === r.ownerUserId ? allow : forbid),
  "member:list": (p, r) => (p.role === "admin" || membershipOf(p, r.orgId) ? allow : forbid),
  "member:manage": (p, r) => (p.role === "admin" || membershipOf(p, r.orgId)?.role === "owner" ? allow : forbid),
  // Any member may leave (ownerUserId = the member concerned); owners and admins may remove others.
  "member:remove": (p, r) => {
    const own = membershipOf(p, r.orgId);
    return p.role === "admin" || own?.role === "owner" || (own && p.userId === r.ownerUserId) ? allow : forbid;
  },
  "organisation:join": (p, r) =>
    p.role === "admin" || (r.orgKind !== undefined && p.role === memberRoleFor(r.orgKind)) ? allow : forbid,
  // Dashboards show suppressed aggregates only. The province sees everything; a school's staff see their own
  // students (orgId = the school); an organisation's members see the funnel of their own listings.
  "dashboard:viewProvince": (p) => (p.role === "admin" || p.role === "province" ? allow : forbid),
  "dashboard:viewUniversity": (p, r) =>
    p.role === "admin" || p.role === "province" || (p.role === "staff" && membershipOf(p, r.orgId) && school(r))
      ? allow
      : forbid,
  "dashboard:viewOrganisation": (p, r) =>
    p.role === "admin" || p.role === "province" || (orgActor(p) && membershipOf(p, r.orgId)) ? allow : forbid,
  "target:read": (p) => (p.role === "admin" || p.role === "province" || p.role === "staff" ? allow : forbid),
  "target:write": (p) => (p.role === "admin" || p.role === "province" ? allow : forbid),
  // Who looked at which numbers is itself sensitive: only platform admins read the audit log.
  "audit:read": (p) => (p.role === "admin" ? allow : forbid),
  // Recommendations read the student's own profile: only the student asks for them.
  "recommendation:read": (p) => (p.role === "student" ? allow : forbid),
  // Candidates are students who consented to be recommended; only the listing's organisation sees (and invites)
  // them, and no admin exception: the consent names recruiters, not the platform.
  "candidate:read": (p, r) => (orgActor(p) && membershipOf(p, r.orgId) ? allow : forbid),
  "candidate:invite": (p, r) => (orgActor(p) && membershipOf(p, r.orgId) ? allow : forbid),
  // A school runs placement rounds for its own students (orgId = the school).
  "placement:manage": (p, r) => (p.role === "staff" && membershipOf(p, r.orgId) && school(r) ? allow : forbid),
  // Students rank listings in a round of their own school; the route checks the school against their profile.
  "placement:participate": (p) => (p.role === "student" ? allow : forbid),
  // A verified school's staff confirm which students really study there (orgId = the school).
  "enrolment:confirm": (p, r) => (p.role === "staff" && membershipOf(p, r.orgId) && school(r) ? allow : forbid),
  // The province runs rounds across universities.
  "placement:manageProvince": (p) => (p.role === "province" ? allow : forbid),
  // An organisation ranks the students who chose its listing in a round (orgId = the listing's organisation).
  "placement:rank": (p, r) => (orgActor(p) && membershipOf(p, r.orgId) ? allow : forbid),
  // An application's thread has two sides and nobody else, not even an admin: the student who applied
  // (ownerUserId) and the members of the listing's organisation (orgId). See `threadSideOf`.
  "message:studentSide": (p, r) => (p.role === "student" && p.userId === r.ownerUserId ? allow : forbid),
  "message:organisationSide": (p, r) => (orgActor(p) && membershipOf(p, r.orgId) ? allow : forbid),
  // Recruiters' private notes and rating on an applicant: the organisation's members only, never the student.
  "applicantNote:manage": (p, r) => (orgActor(p) && membershipOf(p, r.orgId) ? allow : forbid),
  // A student's CV files are theirs alone to upload, list and delete (ownerUserId = the student).
  "cvFile:manage": (p, r) => (p.role === "student" && p.userId === r.ownerUserId ? allow : forbid),
  // The CV attached to an application: members of the listing's organisation (orgId), and only while the student
  // consents to share their details with organisations they applied to. No admin exception, as for applications.
  "cvFile:download": (p, r) => (orgActor(p) && membershipOf(p, r.orgId) && r.shareConsent === true ? allow : forbid),
};

/**
 * Decides whether a principal may perform an action on a resource. The only place authorization is decided.
 * @example authorize(null, "listing:create", { orgId: "o1" }) // { allowed: false, reason: "unauthenticated" }
 */
export function authorize(principal: Principal | null, action: Action, resource: Resource = {}): Decision {
  if (!principal) return { allowed: false, reason: "unauthenticated" };
  return rules[action](principal, resource);
}

/**
 * Which side of an application's thread the principal is on, or undefined when they are on neither (the route then
 * answers 404, as for the application itself). resource: the application's student (`ownerUserId`) and the
 * listing's organisation (`orgId`).
 * @example threadSideOf(student, { ownerUserId: student.userId, orgId: "o1" }) // "student"
 */
export function threadSideOf(
  principal: Principal | null,
  resource: { ownerUserId: string; orgId: string },
): "student" | "organisation" | undefined {
  if (authorize(principal, "message:studentSide", resource).allowed) return "student";
  if (authorize(principal, "message:organisationSide", resource).allowed) return "organisation";
  return undefined;
}
