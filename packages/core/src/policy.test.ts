import { describe, expect, it } from "vitest";
import { type Action, authorize, type Principal, type Resource } from "./policy";

const student: Principal = { userId: "stu-1", role: "student", memberships: [] };
const otherStudent: Principal = { userId: "stu-2", role: "student", memberships: [] };
const owner: Principal = { userId: "rec-1", role: "recruiter", memberships: [{ orgId: "org-a", role: "owner" }] };
const staffA: Principal = { userId: "sta-1", role: "staff", memberships: [{ orgId: "org-a", role: "staff" }] };
const otherOrg: Principal = { userId: "rec-2", role: "recruiter", memberships: [{ orgId: "org-b", role: "owner" }] };
const province: Principal = { userId: "prov-1", role: "province", memberships: [] };
const admin: Principal = { userId: "adm-1", role: "admin", memberships: [] };

const orgA: Resource = { orgId: "org-a", orgVerified: true };
const orgAUnverified: Resource = { orgId: "org-a", orgVerified: false };
const ownProfile: Resource = { ownerUserId: "stu-1" };

type Row = [string, Principal | null, Action, Resource, boolean | string];
const table: Row[] = [
  ["anonymous", null, "listing:create", orgA, "unauthenticated"],
  ["anonymous", null, "student:read", ownProfile, "unauthenticated"],
  ["student", student, "organisation:create", {}, false],
  ["recruiter", owner, "organisation:create", {}, true],
  ["owner", owner, "organisation:update", orgA, true],
  ["staff member (not owner)", staffA, "organisation:update", orgA, false],
  ["member of another organisation", otherOrg, "organisation:update", orgA, false],
  ["admin", admin, "organisation:update", orgA, true],
  ["province", province, "organisation:verify", orgA, true],
  ["admin", admin, "organisation:verify", orgA, true],
  ["owner verifying own org", owner, "organisation:verify", orgA, false],
  ["member", staffA, "organisation:viewUnverified", orgAUnverified, true],
  ["member of another organisation", otherOrg, "organisation:viewUnverified", orgAUnverified, false],
  ["student", student, "organisation:viewUnverified", orgAUnverified, false],
  ["staff member", staffA, "listing:create", orgA, true],
  ["member of another organisation", otherOrg, "listing:create", orgA, false],
  ["student", student, "listing:create", orgA, false],
  ["province", province, "listing:create", orgA, false],
  ["staff member", staffA, "listing:update", orgA, true],
  ["member of another organisation", otherOrg, "listing:update", orgA, false],
  ["member, verified org", owner, "listing:publish", orgA, true],
  ["member, unverified org", owner, "listing:publish", orgAUnverified, "organisation_unverified"],
  ["member of another organisation", otherOrg, "listing:publish", orgA, false],
  ["member", staffA, "listing:viewDraft", orgA, true],
  ["student", student, "listing:viewDraft", orgA, false],
  ["the student", student, "student:read", ownProfile, true],
  ["other student", otherStudent, "student:read", ownProfile, false],
  ["recruiter", owner, "student:read", ownProfile, false],
  ["admin", admin, "student:read", ownProfile, true],
  ["the student", student, "student:write", ownProfile, true],
  ["other student", otherStudent, "student:write", ownProfile, false],
  ["admin", admin, "student:write", ownProfile, false],
];

describe("authorize", () => {
  it.each(table)("%s → %s on %o", (_who, principal, action, resource, expected) => {
    const decision = authorize(principal, action, resource);
    if (typeof expected === "boolean") {
      expect(decision.allowed).toBe(expected);
      if (!expected && !decision.allowed) expect(decision.reason).toBe("forbidden");
    } else {
      expect(decision).toEqual({ allowed: false, reason: expected });
    }
  });
});
