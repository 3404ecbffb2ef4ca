import type { Applicant, Listing } from "@ketnoi/core";
import { db } from "../db/service";
import { errorField, logger } from "../observability/logger";
import { guard } from "./guard";
import { type NotificationInput, notify } from "./notifications";
import { getOrganisations } from "./organisations";

/**
 * A pseudonym for the student behind one application or booking. It is derived from that record's random id,
 * so it reveals nothing about the student and differs between organisations (no linking across listings).
 * @example pseudonym("3fa85f64-5717-4562-b3fc-2c963f66afa6") // "UV-3FA85F"
 */
export function pseudonym(recordId: string): string {
  return `UV-${recordId.replace(/-/g, "").slice(0, 6).toUpperCase()}`;
}

/**
 * How an organisation sees the students who applied to (or booked) its listings, keyed by record id. Name,
 * e-mail and CV link appear only while the student consents to `shareWithAppliedOrgs` (consent is read now,
 * so withdrawing it hides them again); otherwise a pseudonym with major, year and skills. The caller must
 * already have checked that the organisation owns the listing.
 */
export async function applicantViews(
  records: ReadonlyArray<{ id: string; studentId: string }>,
): Promise<Map<string, Applicant>> {
  const studentIds = [...new Set(records.map((r) => r.studentId))];
  if (studentIds.length === 0) return new Map();
  const { data: profiles } = await guard(() =>
    db()
      .entities.student.get(studentIds.map((userId) => ({ userId })))
      .go(),
  );
  const consenting = profiles.filter((p) => p.consents.shareWithAppliedOrgs.granted).map((p) => p.userId);
  const { data: users } = consenting.length
    ? await guard(() =>
        db()
          .entities.user.get(consenting.map((userId) => ({ userId })))
          .go(),
      )
    : { data: [] };
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  const emailOf = new Map(users.map((u) => [u.userId, u.email]));
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
      if (profile && email !== undefined) {
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
  const { data } = await guard(() =>
    db()
      .entities.listing.get(unique.map((listingId) => ({ listingId })))
      .go(),
  );
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
  const { data } = await guard(() => db().entities.membership.query.byOrg({ orgId }).go({ pages: "all" }));
  return data.map((m) => m.userId);
}

/**
 * Sends an in-app notification to each user. Best effort: it runs after the change it reports has committed, so
 * a failure is logged rather than turned into an error response the client would retry.
 */
export async function notifyEach(userIds: string[], input: NotificationInput): Promise<void> {
  const results = await Promise.allSettled(userIds.map((userId) => notify(userId, input)));
  for (const result of results) {
    if (result.status === "rejected") {
      logger.error("notification failed", { kind: input.kind, error: errorField(result.reason) });
    }
  }
}
