import type { Applicant, Listing } from "@ketnoi/core";
import type { ListingEntity } from "../db/entities/listing";
import type { MembershipEntity } from "../db/entities/membership";
import type { StudentEntity } from "../db/entities/student";
import type { UserEntity } from "../db/entities/user";
import { liteEntity } from "../db/lite";
import { listingModel } from "../db/models/listing";
import { membershipModel } from "../db/models/membership";
import { studentModel } from "../db/models/student";
import { userModel } from "../db/models/user";
import { guard } from "./guard";
import { getOrganisations } from "./organisation-reads";

// Over the lite data path (db/lite.ts, issue 14): the organisation group's functions read applicants without ElectroDB.
const students = liteEntity<StudentEntity>(studentModel);
const users = liteEntity<UserEntity>(userModel);
const listings = liteEntity<ListingEntity>(listingModel);
const memberships = liteEntity<MembershipEntity>(membershipModel);

/**
 * A pseudonym for the student behind one application or booking. It is derived from that record's random id,
 * so it reveals nothing about the student and differs between organisations (no linking across listings).
 * @example pseudonym("3fa85f64-5717-4562-b3fc-2c963f66afa6") // "UV-3FA85F"
 */
export function pseudonym(recordId: string): string {
  return `UV-${recordId.replace(/-/g, "").slice(0, 6).toUpperCase()}`;
}

/** Record states in which the student has left: the organisation no longer sees who they are. */
const endedByStudent = new Set(["withdrawn", "cancelled"]);

/**
 * How an organisation sees the students who applied to (or booked) its listings, keyed by record id. Name,
 * e-mail and CV link appear only while the student consents to `shareWithAppliedOrgs` (consent is read now,
 * so withdrawing it hides them again) and while the record is live: once the student withdraws the application
 * (or cancels the booking) the organisation keeps the record's history under the pseudonym, but no longer the
 * contact details, which were shared for a candidacy that no longer exists. Otherwise a pseudonym with major,
 * year and skills. The caller must already have checked that the organisation owns the listing.
 */
export async function applicantViews(
  records: ReadonlyArray<{ id: string; studentId: string; status?: string }>,
): Promise<Map<string, Applicant>> {
  const studentIds = [...new Set(records.map((r) => r.studentId))];
  if (studentIds.length === 0) return new Map();
  const profiles = await guard(() => students.batchGet(studentIds.map((userId) => ({ userId }))));
  const consenting = profiles.filter((p) => p.consents.shareWithAppliedOrgs.granted).map((p) => p.userId);
  const accounts = consenting.length ? await guard(() => users.batchGet(consenting.map((userId) => ({ userId })))) : [];
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  const emailOf = new Map(accounts.map((u) => [u.userId, u.email]));
  return new Map(
    records.map((record) => {
      const profile = profileOf.get(record.studentId);
      const email = emailOf.get(record.studentId);
      const view: Applicant = {
        label: pseudonym(record.id),
        ...(profile ? { major: profile.major as Applicant["major"], year: profile.year } : {}),
        skills: profile?.skills ?? [],
        identified: false,
      };
      if (profile && email !== undefined && !endedByStudent.has(record.status ?? "")) {
        view.identified = true;
        view.contact = { fullName: profile.fullName, email, ...(profile.cvUrl ? { cvUrl: profile.cvUrl } : {}) };
      }
      return [record.id, view];
    }),
  );
}

/** What a student's list shows about each listing: its title, organisation and (for visits) sessions. */
export interface ListingCard {
  title: Listing["title"];
  orgId: string;
  orgName: string;
  sessions: NonNullable<Listing["sessions"]>;
}

/** Title, organisation name and sessions of several listings (two batch reads), keyed by listing id. */
export async function listingCards(listingIds: string[]): Promise<Map<string, ListingCard>> {
  const unique = [...new Set(listingIds)];
  if (unique.length === 0) return new Map();
  const data = await guard(() => listings.batchGet(unique.map((listingId) => ({ listingId }))));
  const orgs = await getOrganisations(data.map((l) => l.orgId));
  return new Map(
    data.map((l) => [
      l.listingId,
      {
        title: l.title,
        orgId: l.orgId,
        orgName: orgs.get(l.orgId)?.name.vi ?? "",
        sessions: (l.sessions ?? []) as ListingCard["sessions"],
      },
    ]),
  );
}

/** User ids of an organisation's members, who receive its notifications. */
export async function organisationMemberIds(orgId: string): Promise<string[]> {
  const data = await guard(() => memberships.query("byOrg", { orgId }));
  return data.map((m) => m.userId);
}
