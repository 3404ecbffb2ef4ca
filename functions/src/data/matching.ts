import { type Candidate, type MatchCandidate, rankCandidatesForListing, type StudentProfile } from "@ketnoi/core";
import type { CandidateInviteEntity } from "../db/entities/candidate-invite";
import type { StudentEntity } from "../db/entities/student";
import { liteEntity } from "../db/lite";
import { liteWrites, send } from "../db/lite-writes";
import { candidateInviteModel } from "../db/models/candidate-invite";
import { studentModel } from "../db/models/student";
import { AppError } from "../http/errors";
import { pseudonym } from "./applicants";
import { candidateIdOf } from "./candidate-id";
import { consentingStudents } from "./candidate-pool";
import { guard } from "./guard";
import type { StoredListing } from "./listings";
import { explained } from "./recommendations";

// Erasure (the account group's function, without ElectroDB) renames a student's candidate ids too.
export { candidateIdOf } from "./candidate-id";

// Over the lite data path (db/lite.ts, issue 14): the organisation group's functions carry no ElectroDB.
const invites = liteEntity<CandidateInviteEntity>(candidateInviteModel);
const inviteWrites = liteWrites<CandidateInviteEntity>(candidateInviteModel);
const studentReads = liteEntity<StudentEntity>(studentModel);

async function invitedStudentIds(listingId: string): Promise<Set<string>> {
  const data = await guard(() => invites.query("byListing", { listingId }));
  return new Set(data.map((i) => i.studentId));
}

/** The most candidates a request can ask for (`MatchListQuerySchema`'s limit). */
const mostCandidates = 50;
/** Listings whose ranking is kept per candidate list (a few hundred kB at most: 50 entries each). */
const rankingsKept = 500;

type RankedCandidate = ReturnType<typeof rankCandidatesForListing<MatchCandidate>>[number] & { candidateId: string };

/**
 * Rankings already computed, per list of consenting students (a new list whenever the snapshot or this process's
 * own saves change it, so a stale ranking is never served) and per listing version. Ranking ~88,000 students costs
 * ~130 ms of CPU on a quiet core; a recruiter who opens, pages, invites and comes back asks the same question each
 * time. Ties are ordered by position, so the best 20 are the first 20 of the best 50.
 */
const rankings = new WeakMap<readonly MatchCandidate[], Map<string, RankedCandidate[]>>();

function rankedCandidates(listing: StoredListing, students: readonly MatchCandidate[]): RankedCandidate[] {
  const byListing = rankings.get(students) ?? new Map<string, RankedCandidate[]>();
  rankings.set(students, byListing);
  const key = `${listing.id}#${listing.version}#${listing.updatedAt}`;
  let ranked = byListing.get(key);
  if (!ranked) {
    ranked = rankCandidatesForListing(listing, students, { limit: mostCandidates }).map((r) => ({
      ...r,
      candidateId: candidateIdOf(listing.id, r.student.userId),
    }));
    if (byListing.size >= rankingsKept) byListing.delete(byListing.keys().next().value!);
    byListing.set(key, ranked);
  }
  return ranked;
}

/**
 * The best consenting students for a listing, explained, without name or e-mail: a per-listing pseudonym, major,
 * year and skills. The caller must already have checked that the organisation owns the listing.
 */
export async function candidatesFor(listing: StoredListing, limit: number): Promise<Candidate[]> {
  const [students, invited] = await Promise.all([consentingStudents(), invitedStudentIds(listing.id)]);
  return rankedCandidates(listing, students)
    .slice(0, limit)
    .map(({ student, score, candidateId }) => {
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
  // Invitations come from the candidate list, so the ranking shown is searched first; the whole list (one HMAC per
  // consenting student) only for an id that is no longer among the best.
  const students = await consentingStudents();
  const found =
    rankedCandidates(listing, students).find((r) => r.candidateId === candidateId)?.student ??
    students.find((s) => candidateIdOf(listing.id, s.userId) === candidateId);
  // The consent as stored now, not as the index last saw it: a withdrawal takes effect at once.
  const stored = found && (await guard(() => studentReads.get({ userId: found.userId }, { consistent: true })));
  const student = stored as StudentProfile | undefined;
  if (!student?.consents.recommendToRecruiters.granted) return undefined;
  const invitedAt = new Date().toISOString();
  const alreadyInvited = new AppError("already_exists", "Đã mời sinh viên này.");
  const created = await guard(
    () =>
      send(
        inviteWrites.create({
          listingId: listing.id,
          studentId: student.userId,
          invitedBy,
          createdAt: invitedAt,
        }),
      ),
    () => alreadyInvited,
  ).then(
    () => true,
    (error: unknown) => {
      if (error === alreadyInvited) return false;
      throw error;
    },
  );
  if (!created) {
    const data = await guard(() => invites.get({ listingId: listing.id, studentId: student.userId }));
    return { status: "already_invited", invitedAt: data?.createdAt ?? invitedAt };
  }
  // The student's notice follows from the stored invite (effects/notices.ts).
  return { status: "invited", invitedAt };
}
