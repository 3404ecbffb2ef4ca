/**
 * Platform roles. `staff` and `recruiter` act through their organisation memberships;
 * `province` sees aggregates only; `admin` runs the platform.
 */
export const roles = ["student", "staff", "recruiter", "province", "admin"] as const;
export type Role = (typeof roles)[number];

export const organisationKinds = ["university", "institute", "innovation_centre", "enterprise", "government"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const membershipRoles = ["owner", "staff"] as const;
export type MembershipRole = (typeof membershipRoles)[number];
