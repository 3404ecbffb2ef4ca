import type { MembershipRole, Role } from "./roles";

/** Who is asking: the verified token's subject, role and organisation memberships. */
export interface Principal {
  userId: string;
  role: Role;
  memberships: ReadonlyArray<{ orgId: string; role: MembershipRole }>;
}

/** What the request touches. Only the fields an action needs are set. */
export interface Resource {
  orgId?: string;
  orgVerified?: boolean;
  ownerUserId?: string;
}

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
};

/**
 * Decides whether a principal may perform an action on a resource. The only place authorization is decided.
 * @example authorize(null, "listing:create", { orgId: "o1" }) // { allowed: false, reason: "unauthenticated" }
 */
export function authorize(principal: Principal | null, action: Action, resource: Resource = {}): Decision {
  if (!principal) return { allowed: false, reason: "unauthenticated" };
  return rules[action](principal, resource);
}
