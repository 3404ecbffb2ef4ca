import type {
  Application,
  ApplicationBulkTransition,
  BulkTransitionResult,
  Enrolment,
  Invitation,
  InvitationCreate,
  Listing,
  ListingCreate,
  ListingPatch,
  Member,
  Organisation,
  OrganisationCreate,
  OrganisationPatch,
  VerificationDecision,
} from "@ketnoi/core";
import { api, request } from "../../app/api/client";

export type { Application, Invitation, Member, Organisation };

/** One organisation (unverified ones only for its members, admins and province officers). */
export function fetchOrganisation(id: string): Promise<Organisation> {
  return request(() => api.organisations[":id"].$get({ param: { id } }));
}

/** Registers an organisation; the caller becomes its owner and it waits for verification. */
export function registerOrganisation(input: OrganisationCreate): Promise<Organisation> {
  return request(() => api.organisations.$post({ json: input }));
}

/** Edits an organisation's profile, with the version the editor read. */
export function updateOrganisation(id: string, patch: OrganisationPatch): Promise<Organisation> {
  return request(() => api.organisations[":id"].$patch({ param: { id }, json: patch }));
}

/** Every listing of an organisation, any status, for its members. */
export async function fetchOrganisationListings(id: string): Promise<Listing[]> {
  const body = await request(() => api.organisations[":id"].listings.$get({ param: { id } }));
  return body.items;
}

/** Organisations waiting for verification, oldest first (admins and province officers). */
export async function fetchVerificationQueue(): Promise<Organisation[]> {
  const body = await request(() => api.organisations.$get({ query: { verification: "pending" } }));
  return body.items;
}

/** Verifies an organisation, or rejects or suspends it with a reason the organisation sees. */
export function decideVerification(id: string, decision: VerificationDecision): Promise<Organisation> {
  return request(() => api.organisations[":id"].verification.$post({ param: { id }, json: decision }));
}

/** Creates a draft listing. */
export function createListing(input: ListingCreate): Promise<Listing> {
  return request(() => api.listings.$post({ json: input }));
}

/** Edits a listing or moves its status, with the version the editor read (409 `version_conflict` otherwise). */
export function patchListing(id: string, patch: ListingPatch): Promise<Listing> {
  return request(() => api.listings[":id"].$patch({ param: { id }, json: patch }));
}

/** The applicant board of a listing: every application, as the organisation may see it. */
export async function fetchApplicants(listingId: string): Promise<Application[]> {
  return (await request(() => api.listings[":id"].applications.$get({ param: { id: listingId }, query: {} }))).items;
}

/** Moves one applicant, with the version the board showed (409 `capacity_full` when offers would exceed positions). */
export function moveApplicant(
  id: string,
  move: { to: Application["status"]; reason?: string | undefined; version: number },
): Promise<Application> {
  return request(() => api.applications[":id"].transitions.$post({ param: { id }, json: move }));
}

/** Records the total hours an accepted volunteer served, with the version the board showed. */
export function recordHours(id: string, body: { hours: number; version: number }): Promise<Application> {
  return request(() => api.applications[":id"].hours.$post({ param: { id }, json: body }));
}

/** Moves several applicants of a listing at once; each gets its own outcome. */
export function moveApplicants(listingId: string, body: ApplicationBulkTransition): Promise<BulkTransitionResult> {
  return request(() => api.listings[":id"].applications.bulk.$post({ param: { id: listingId }, json: body }));
}

/** A visit listing's bookings and seats per session (its organisation's members). */
export function fetchListingBookings(listingId: string) {
  return request(() => api.listings[":id"].bookings.$get({ param: { id: listingId } }));
}

export async function fetchMembers(orgId: string): Promise<Member[]> {
  return (await request(() => api.organisations[":id"].members.$get({ param: { id: orgId } }))).items;
}

export async function fetchInvitations(orgId: string): Promise<Invitation[]> {
  return (await request(() => api.organisations[":id"].invitations.$get({ param: { id: orgId } }))).items;
}

export function inviteMember(orgId: string, input: InvitationCreate): Promise<Invitation> {
  return request(() => api.organisations[":id"].invitations.$post({ param: { id: orgId }, json: input }));
}

export async function removeMember(orgId: string, userId: string): Promise<void> {
  await request(() => api.organisations[":id"].members[":userId"].$delete({ param: { id: orgId, userId } }));
}

export function changeMemberRole(orgId: string, userId: string, role: Member["role"]) {
  return request(() =>
    api.organisations[":id"].members[":userId"].$patch({ param: { id: orgId, userId }, json: { role } }),
  );
}

/** Invitations addressed to my e-mail. */
export async function fetchMyInvitations(): Promise<Invitation[]> {
  return (await request(() => api.invitations.mine.$get())).items;
}

export async function answerInvitation(id: string, answer: "accept" | "decline"): Promise<void> {
  await request(() => api.invitations[":id"][answer].$post({ param: { id } }));
}

/** The students who declared a school, each confirmed or not (the school's staff). */
export async function fetchEnrolments(orgId: string): Promise<Enrolment[]> {
  return (await request(() => api.organisations[":id"].enrolments.$get({ param: { id: orgId } }))).items;
}

/** Confirms (or withdraws) a declared student's enrolment at the school. */
export function decideEnrolment(orgId: string, userId: string, confirmed: boolean): Promise<Enrolment> {
  return request(() =>
    api.organisations[":id"].enrolments[":userId"].$put({ param: { id: orgId, userId }, json: { confirmed } }),
  );
}
