import { describe, expect, it } from "vitest";
import { type Action, authorize, type Principal, type Resource, threadSideOf } from "./policy";

const student: Principal = { userId: "stu-1", role: "student", memberships: [] };
const otherStudent: Principal = { userId: "stu-2", role: "student", memberships: [] };
const owner: Principal = { userId: "rec-1", role: "recruiter", memberships: [{ orgId: "org-a", role: "owner" }] };
const staffA: Principal = { userId: "sta-1", role: "staff", memberships: [{ orgId: "org-a", role: "staff" }] };
const otherOrg: Principal = { userId: "rec-2", role: "recruiter", memberships: [{ orgId: "org-b", role: "owner" }] };
const province: Principal = { userId: "prov-1", role: "province", memberships: [] };
const admin: Principal = { userId: "adm-1", role: "admin", memberships: [] };

const uniStaff: Principal = { userId: "sta-u1", role: "staff", memberships: [{ orgId: "uni-1", role: "staff" }] };
const uniColleague: Principal = { userId: "sta-u2", role: "staff", memberships: [{ orgId: "uni-1", role: "owner" }] };
const instituteOwner: Principal = { userId: "sta-i1", role: "staff", memberships: [{ orgId: "ins-1", role: "owner" }] };

const orgA: Resource = { orgId: "org-a", orgVerified: true };
const university: Resource = { orgId: "uni-1", orgKind: "university", orgVerification: "verified" };
const institute: Resource = { orgId: "ins-1", orgKind: "institute", orgVerification: "verified" };
const orgAUnverified: Resource = { orgId: "org-a", orgVerified: false };
const ownProfile: Resource = { ownerUserId: "stu-1" };
const staffOfA: Resource = { orgId: "org-a", ownerUserId: "sta-1" };
const ownerOfA: Resource = { orgId: "org-a", ownerUserId: "rec-1" };
const enterpriseKind: Resource = { orgKind: "enterprise" };
const universityKind: Resource = { orgKind: "university" };
const governmentKind: Resource = { orgKind: "government" };

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
  ["the student", student, "savedSearch:manage", ownProfile, true],
  ["other student", otherStudent, "savedSearch:manage", ownProfile, false],
  ["recruiter", owner, "savedSearch:manage", { ownerUserId: "rec-1" }, false],
  ["admin", admin, "savedSearch:manage", { ownerUserId: "adm-1" }, false],
  ["student", student, "application:create", {}, true],
  ["recruiter", owner, "application:create", {}, false],
  ["anonymous", null, "application:create", {}, "unauthenticated"],
  ["the applicant", student, "application:respond", ownProfile, true],
  ["other student", otherStudent, "application:respond", ownProfile, false],
  ["listing's organisation", owner, "application:respond", { ...ownProfile, ...orgA }, false],
  ["member of the listing's organisation", staffA, "application:review", orgA, true],
  ["member of another organisation", otherOrg, "application:review", orgA, false],
  ["the applicant", student, "application:review", { ...ownProfile, ...orgA }, false],
  ["admin (applicants' personal data)", admin, "application:review", orgA, false],
  ["student", student, "booking:create", {}, true],
  ["staff member", staffA, "booking:create", {}, false],
  ["university staff", uniStaff, "booking:createForClass", university, true],
  ["institute owner", instituteOwner, "booking:createForClass", institute, true],
  ["enterprise member", owner, "booking:createForClass", { orgId: "org-a", orgKind: "enterprise" }, false],
  ["university staff for another school", uniStaff, "booking:createForClass", institute, false],
  // Only a verified university or institute acts as a school (policy `actsAsSchool`).
  [
    "staff of a pending university",
    uniStaff,
    "booking:createForClass",
    { ...university, orgVerification: "pending" },
    "organisation_unverified",
  ],
  [
    "staff of a suspended university",
    uniStaff,
    "booking:createForClass",
    { ...university, orgVerification: "suspended" },
    "organisation_unverified",
  ],
  ["staff of a pending university", uniStaff, "placement:manage", { ...university, orgVerification: "pending" }, false],
  [
    "staff of a rejected university",
    uniStaff,
    "dashboard:viewUniversity",
    { ...university, orgVerification: "rejected" },
    false,
  ],
  ["staff of the university", uniStaff, "enrolment:confirm", university, true],
  [
    "staff of a pending university",
    uniStaff,
    "enrolment:confirm",
    { ...university, orgVerification: "pending" },
    false,
  ],
  ["admin", admin, "enrolment:confirm", university, false],
  ["student", student, "booking:createForClass", university, false],
  ["the booker", student, "booking:manage", ownProfile, true],
  ["colleague in the class's school", uniColleague, "booking:manage", { ownerUserId: "sta-u1", ...university }, true],
  ["other student", otherStudent, "booking:manage", ownProfile, false],
  ["member of the listing's organisation", staffA, "listing:viewBookings", orgA, true],
  ["student", student, "listing:viewBookings", orgA, false],
  ["admin", admin, "listing:viewBookings", orgA, false],
  ["the student", student, "student:export", ownProfile, true],
  ["other student", otherStudent, "student:export", ownProfile, false],
  ["admin", admin, "student:export", ownProfile, false],
  ["the student", student, "student:erase", ownProfile, true],
  ["other student", otherStudent, "student:erase", ownProfile, false],
  ["admin", admin, "student:erase", ownProfile, false],
  ["owner", owner, "member:list", orgA, true],
  ["staff member", staffA, "member:list", orgA, true],
  ["member of another organisation", otherOrg, "member:list", orgA, false],
  ["student", student, "member:list", orgA, false],
  ["admin", admin, "member:list", orgA, true],
  ["owner", owner, "member:manage", orgA, true],
  ["staff member (not owner)", staffA, "member:manage", orgA, false],
  ["member of another organisation", otherOrg, "member:manage", orgA, false],
  ["admin", admin, "member:manage", orgA, true],
  ["owner removing a staff member", owner, "member:remove", staffOfA, true],
  ["staff member leaving", staffA, "member:remove", staffOfA, true],
  ["staff member removing the owner", staffA, "member:remove", ownerOfA, false],
  ["member of another organisation", otherOrg, "member:remove", staffOfA, false],
  ["admin", admin, "member:remove", ownerOfA, true],
  ["recruiter joining an enterprise", owner, "organisation:join", enterpriseKind, true],
  ["staff joining an enterprise", staffA, "organisation:join", enterpriseKind, false],
  ["staff joining a university", staffA, "organisation:join", universityKind, true],
  ["recruiter joining a university", owner, "organisation:join", universityKind, false],
  ["student joining a university", student, "organisation:join", universityKind, false],
  ["province officer joining a government unit", province, "organisation:join", governmentKind, false],
  ["staff joining a government unit", staffA, "organisation:join", governmentKind, true],
  ["admin joining anything", admin, "organisation:join", enterpriseKind, true],
  ["anyone, kind unknown", staffA, "organisation:join", {}, false],
  ["province", province, "dashboard:viewProvince", {}, true],
  ["admin", admin, "dashboard:viewProvince", {}, true],
  ["university staff", uniStaff, "dashboard:viewProvince", {}, false],
  ["recruiter", owner, "dashboard:viewProvince", {}, false],
  ["student", student, "dashboard:viewProvince", {}, false],
  ["staff of the university", uniStaff, "dashboard:viewUniversity", university, true],
  ["staff of the institute", instituteOwner, "dashboard:viewUniversity", institute, true],
  ["staff of another school", instituteOwner, "dashboard:viewUniversity", university, false],
  ["member of an enterprise", staffA, "dashboard:viewUniversity", { orgId: "org-a", orgKind: "enterprise" }, false],
  ["province", province, "dashboard:viewUniversity", university, true],
  ["student", student, "dashboard:viewUniversity", university, false],
  ["member", owner, "dashboard:viewOrganisation", orgA, true],
  ["member of another organisation", otherOrg, "dashboard:viewOrganisation", orgA, false],
  ["province", province, "dashboard:viewOrganisation", orgA, true],
  ["student", student, "dashboard:viewOrganisation", orgA, false],
  ["province", province, "target:write", {}, true],
  ["admin", admin, "target:write", {}, true],
  ["university staff", uniColleague, "target:write", {}, false],
  ["university staff", uniStaff, "target:read", {}, true],
  ["recruiter", owner, "target:read", {}, false],
  ["admin", admin, "audit:read", {}, true],
  ["province", province, "audit:read", {}, false],
  ["student", student, "recommendation:read", {}, true],
  ["recruiter", owner, "recommendation:read", {}, false],
  ["member", staffA, "candidate:read", orgA, true],
  ["member of another organisation", otherOrg, "candidate:read", orgA, false],
  ["admin", admin, "candidate:read", orgA, false],
  ["student", student, "candidate:read", orgA, false],
  ["member", owner, "candidate:invite", orgA, true],
  ["member of another organisation", otherOrg, "candidate:invite", orgA, false],
  ["staff of the university", uniStaff, "placement:manage", university, true],
  ["staff of another school", instituteOwner, "placement:manage", university, false],
  ["member of an enterprise", staffA, "placement:manage", { orgId: "org-a", orgKind: "enterprise" }, false],
  ["province", province, "placement:manage", university, false],
  ["student", student, "placement:participate", {}, true],
  ["university staff", uniStaff, "placement:participate", {}, false],
  ["province", province, "placement:manageProvince", {}, true],
  ["university staff", uniStaff, "placement:manageProvince", {}, false],
  ["admin", admin, "placement:manageProvince", {}, false],
  ["member", staffA, "placement:rank", orgA, true],
  ["member of another organisation", otherOrg, "placement:rank", orgA, false],
  ["province", province, "placement:rank", orgA, false],
  ["student", student, "placement:rank", orgA, false],
  // An application's thread: the applicant and the listing's organisation, nobody else (no admin exception).
  ["the applicant", student, "message:studentSide", { ...ownProfile, ...orgA }, true],
  ["other student", otherStudent, "message:studentSide", { ...ownProfile, ...orgA }, false],
  ["member of the listing's organisation", staffA, "message:studentSide", { ...ownProfile, ...orgA }, false],
  ["admin", admin, "message:studentSide", { ...ownProfile, ...orgA }, false],
  ["member of the listing's organisation", staffA, "message:organisationSide", { ...ownProfile, ...orgA }, true],
  ["owner of the listing's organisation", owner, "message:organisationSide", { ...ownProfile, ...orgA }, true],
  ["member of another organisation", otherOrg, "message:organisationSide", { ...ownProfile, ...orgA }, false],
  ["the applicant", student, "message:organisationSide", { ...ownProfile, ...orgA }, false],
  ["admin", admin, "message:organisationSide", { ...ownProfile, ...orgA }, false],
  ["province", province, "message:organisationSide", { ...ownProfile, ...orgA }, false],
  // Recruiters' private notes: the organisation's members only, never the student the note is about.
  ["member of the listing's organisation", staffA, "applicantNote:manage", { ...ownProfile, ...orgA }, true],
  ["member of another organisation", otherOrg, "applicantNote:manage", { ...ownProfile, ...orgA }, false],
  ["the applicant", student, "applicantNote:manage", { ...ownProfile, ...orgA }, false],
  ["admin", admin, "applicantNote:manage", { ...ownProfile, ...orgA }, false],
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

describe("threadSideOf", () => {
  const thread = { ownerUserId: "stu-1", orgId: "org-a" };
  it.each([
    ["the applicant", student, "student"],
    ["a member of the listing's organisation", staffA, "organisation"],
    ["another student", otherStudent, undefined],
    ["a member of another organisation", otherOrg, undefined],
    ["an admin", admin, undefined],
    ["anonymous", null, undefined],
  ] as const)("%s → %s", (_who, principal, side) => {
    expect(threadSideOf(principal, thread)).toBe(side);
  });
});
