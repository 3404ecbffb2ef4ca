import { createHmac } from "node:crypto";
import {
  type Candidate,
  type ListingDemand,
  type MatchScore,
  type Recommendation,
  rankCandidatesForListing,
  recommendListingsForStudent,
  type StudentProfile,
} from "@ketnoi/core";
import { config } from "../config";
import { db } from "../db/service";
import { AppError } from "../http/errors";
import { pseudonym } from "./applicants";
import { listStudentApplications } from "./applications";
import { guard } from "./guard";
import { listPublishedListings, publicListings, type StoredListing, withOrganisation } from "./listings";
import { notify } from "./notifications";

/** The explained-fit fields both directions send, from a core `MatchScore`. */
function explained(score: MatchScore) {
  return {
    score: score.total,
    components: score.components,
    explanation: score.explanation,
    whatToLearn: score.toLearn,
  };
}

/**
 * Every published listing, read page by page from the listing feed index (gsi2, status = published). Enough at
 * demo scale; in deploy this should reuse the search snapshot's documents, which already hold every published
 * listing in memory, rather than query the table per request.
 */
export async function allPublishedListings(): Promise<StoredListing[]> {
  const listings: StoredListing[] = [];
  let cursor: string | undefined;
  do {
    const page = await listPublishedListings({ limit: 100, cursor });
    listings.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  // Only listings the public may see: a rejected or suspended organisation's are never recommended.
  const shown = new Set((await publicListings(listings)).map((l) => l.id));
  return listings.filter((l) => shown.has(l.id));
}

/**
 * Applications still in play (not withdrawn) and positions already held (offers and acceptances) per listing,
 * for the seat filter and demand damping. One query per listing: fine for the demo's few dozen listings; in
 * deploy the dashboard aggregates' per-listing funnel counts are the cheaper source.
 */
export async function listingDemand(listings: readonly StoredListing[]): Promise<Map<string, ListingDemand>> {
  const counts = await Promise.all(
    listings.map(async (listing) => {
      const { data } = await guard(() =>
        db()
          .entities.application.query.byListing({ listingId: listing.id })
          .where((a, op) => op.ne(a.status, "withdrawn"))
          .go({ pages: "all", attributes: ["status"] }),
      );
      return [listing.id, { applications: data.length, filled: listing.reservedCount ?? 0 }] as const;
    }),
  );
  return new Map(counts);
}

/**
 * A student's recommended listings, best first: published, still open, seats left, year allowed and not already
 * applied to (a withdrawn application may be replaced, so it does not count); over-applied listings are damped.
 */
export async function recommendationsFor(
  student: StudentProfile,
  options: { now: Date; limit: number },
): Promise<Recommendation[]> {
  const [listings, applications] = await Promise.all([allPublishedListings(), listStudentApplications(student.userId)]);
  const demand = await listingDemand(listings);
  const appliedListingIds = new Set(applications.filter((a) => a.status !== "withdrawn").map((a) => a.listingId));
  const ranked = recommendListingsForStudent(student, listings, {
    now: options.now,
    limit: options.limit,
    demand,
    appliedListingIds,
  });
  const withOrg = await withOrganisation(ranked.map((r) => r.listing));
  return ranked.map((r, i) => ({ listing: withOrg[i]!, ...explained(r.score), damping: r.damping }));
}

/**
 * A student's pseudonymous id for one listing's candidate list: an HMAC of listing and student keyed with the
 * server secret, so it is the same on every request (the invite names it) but differs between listings, and
 * someone who knows a student's id cannot compute it (a plain hash of known ids could be recomputed by anyone).
 */
export function candidateIdOf(listingId: string, studentId: string): string {
  return createHmac("sha256", config().SERVER_SECRET)
    .update(`candidate:${listingId}:${studentId}`)
    .digest("hex")
    .slice(0, 32);
}

/**
 * Students who consent to being recommended to recruiters: one Query of the sparse consent index (gsi2), which
 * holds only them, so nobody else's profile is read. The index is eventually consistent: a student who withdraws
 * consent can show up for a moment longer (an invitation re-checks the stored profile). At province scale a
 * candidate snapshot kept by the stream consumer (like the search snapshot) would save reading every consenting
 * profile per request.
 */
async function consentingStudents(): Promise<StudentProfile[]> {
  const { data } = await guard(() => db().entities.student.query.byRecommendConsent({}).go({ pages: "all" }));
  return (data as StudentProfile[]).filter((s) => s.consents.recommendToRecruiters.granted);
}

async function invitedStudentIds(listingId: string): Promise<Set<string>> {
  const { data } = await guard(() => db().entities.candidateInvite.query.byListing({ listingId }).go({ pages: "all" }));
  return new Set(data.map((i) => i.studentId));
}

/**
 * The best consenting students for a listing, explained, without name or e-mail: a per-listing pseudonym, major,
 * year and skills. The caller must already have checked that the organisation owns the listing.
 */
export async function candidatesFor(listing: StoredListing, limit: number): Promise<Candidate[]> {
  const [students, invited] = await Promise.all([consentingStudents(), invitedStudentIds(listing.id)]);
  return rankCandidatesForListing(listing, students, { limit }).map(({ student, score }) => {
    const candidateId = candidateIdOf(listing.id, student.userId);
    return {
      candidateId,
      label: pseudonym(candidateId),
      major: student.major,
      year: student.year,
      skills: student.skills,
      ...explained(score),
      invited: invited.has(student.userId),
    };
  });
}

/**
 * Invites a recommended candidate to apply: one invitation per (listing, student), written on condition that
 * none exists, then an in-app notification. Returns undefined when the id names no consenting student.
 */
export async function inviteCandidate(
  listing: StoredListing,
  candidateId: string,
  invitedBy: string,
): Promise<{ status: "invited" | "already_invited"; invitedAt: string } | undefined> {
  const found = (await consentingStudents()).find((s) => candidateIdOf(listing.id, s.userId) === candidateId);
  // The consent as stored now, not as the index last saw it: a withdrawal takes effect at once.
  const stored =
    found && (await guard(() => db().entities.student.get({ userId: found.userId }).go({ consistent: true })));
  const student = stored?.data as StudentProfile | null | undefined;
  if (!student?.consents.recommendToRecruiters.granted) return undefined;
  const invitedAt = new Date().toISOString();
  const alreadyInvited = new AppError("already_exists", 409, "Đã mời sinh viên này.");
  const created = await guard(
    () =>
      db()
        .entities.candidateInvite.create({
          listingId: listing.id,
          studentId: student.userId,
          invitedBy,
          createdAt: invitedAt,
        })
        .go(),
    () => alreadyInvited,
  ).then(
    () => true,
    (error: unknown) => {
      if (error === alreadyInvited) return false;
      throw error;
    },
  );
  if (!created) {
    const { data } = await guard(() =>
      db().entities.candidateInvite.get({ listingId: listing.id, studentId: student.userId }).go(),
    );
    return { status: "already_invited", invitedAt: data?.createdAt ?? invitedAt };
  }
  const [withOrg] = await withOrganisation([listing]);
  await notify(student.userId, {
    kind: "invitation",
    title: {
      vi: `${withOrg?.orgName ?? ""} mời bạn ứng tuyển`,
      en: `${withOrg?.orgName ?? ""} invites you to apply`,
    },
    body: { vi: listing.title.vi, en: listing.title.en ?? listing.title.vi },
    link: `/tin/${listing.id}`,
  });
  return { status: "invited", invitedAt };
}
