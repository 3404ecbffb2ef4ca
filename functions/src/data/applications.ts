import { randomUUID } from "node:crypto";
import {
  type Application,
  type ApplicationCreate,
  type ApplicationStatus,
  type ApplicationStep,
  checkMove,
  type OfferTerms,
  type PipelineActor,
  positionDelta,
} from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { ApplicationEntity } from "../db/entities/application";
import { db } from "../db/service";
import { AppError } from "../http/errors";
import { applicantViews, listingCards } from "./applicants";
import { guard } from "./guard";
import { demandAdds, noteDemandChange } from "./listing-demand";
import type { StoredListing } from "./listings";
import { offerSideOfMove } from "./offer-records";
import { getOrganisation } from "./organisations";
import { toStoredApplication as toStored } from "./student-reads";
import { transactWithRetry } from "./transact";

// Read by recommendations, so over the lite data path (student-reads.ts, issue 14); re-exported here.
export { listStudentApplications } from "./student-reads";

type ApplicationItem = EntityItem<ApplicationEntity>;
/** An application as stored: the public shape without the listing's title and organisation name. */
export type StoredApplication = Omit<Application, "listingTitle" | "orgName" | "applicant"> & { studentId: string };

const capacityFull = () =>
  new AppError("capacity_full", "Tin đã đủ chỉ tiêu: số lời mời và nhận lời đã bằng số vị trí tuyển.");
const versionConflict = () =>
  new AppError("version_conflict", "Hồ sơ vừa được cập nhật ở nơi khác; hãy tải lại rồi thử lại.");

/**
 * Submits a student's application. The item is keyed by (listing, student) and written on condition that no
 * application exists or the existing one was withdrawn, so concurrent duplicates leave exactly one (409
 * `already_applied` for the others).
 */
export async function submitApplication(
  listing: StoredListing,
  studentId: string,
  input: ApplicationCreate,
  cv?: { fileId: string; name: string },
): Promise<StoredApplication> {
  const now = new Date().toISOString();
  const item = {
    listingId: listing.id,
    studentId,
    applicationId: randomUUID(),
    orgId: listing.orgId,
    status: "submitted" as const,
    ...(input.note ? { note: input.note } : {}),
    answers: input.answers,
    ...(cv ? { cv } : {}),
    history: [{ status: "submitted" as const, at: now, by: "student" as const }],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  // The listing's demand counter moves in the same transaction, so recommendations' damping never drifts from it.
  const failed = await transactWithRetry(() =>
    db()
      .transaction.write(({ application, listingDemand }) => [
        application
          .put(item)
          .where((a, op) => `${op.notExists(a.status)} OR ${op.eq(a.status, "withdrawn")}`)
          .commit(),
        listingDemand.update({ listingId: listing.id }).add({ applications: 1 }).commit(),
      ])
      .go(),
  );
  if (failed === 0) {
    throw new AppError("already_applied");
  }
  noteDemandChange(listing.id, { applications: 1, filled: 0 });
  // The student's and the organisation's notices follow from the stored item (effects/notices.ts).
  return toStored(item as ApplicationItem);
}

/** One application by its public id (re-read by table key with a consistent read), or undefined. */
export async function findApplication(applicationId: string): Promise<StoredApplication | undefined> {
  const { data } = await guard(() => db().entities.application.query.byId({ applicationId }).go());
  const hit = data[0];
  if (!hit) return undefined;
  const { data: current } = await guard(() =>
    db().entities.application.get({ listingId: hit.listingId, studentId: hit.studentId }).go({ consistent: true }),
  );
  // A withdrawn application replaced by a new one keeps its key but not its id.
  return current?.applicationId === applicationId ? toStored(current) : undefined;
}

/** A listing's applications (optionally in one status), oldest first, read consistently. */
export async function listListingApplications(
  listingId: string,
  status?: ApplicationStatus,
): Promise<StoredApplication[]> {
  const { data } = await guard(() =>
    db()
      .entities.application.query.byListing({ listingId })
      .where((a, op) => (status ? op.eq(a.status, status) : ""))
      .go({ pages: "all", consistent: true }),
  );
  return data.map(toStored).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** A student's applications, newest first. */

/**
 * Moves an application, if the pipeline allows this actor the move and nobody changed it since `version`. When
 * the move takes or releases a position (see core `positionDelta`), the listing's counters change in the same
 * transaction; taking one is conditioned on `reservedCount <= positions - 1`, so concurrent offers never exceed
 * the positions (409 `capacity_full`). The student, and the organisation for the student's moves, are notified.
 */
export async function transitionApplication(
  application: StoredApplication,
  listing: StoredListing,
  actor: PipelineActor,
  move: { to: ApplicationStatus; reason?: string | undefined; version: number; terms?: OfferTerms; expired?: boolean },
): Promise<StoredApplication> {
  const decision = checkMove(application.status, move.to, actor);
  if (!decision.allowed) {
    throw decision.reason === "not_your_move"
      ? new AppError("forbidden", "Bước này do bên còn lại thực hiện.")
      : new AppError("invalid_transition", `Không thể chuyển hồ sơ từ "${application.status}" sang "${move.to}".`);
  }
  const now = new Date().toISOString();
  const step: ApplicationStep = {
    status: move.to,
    at: now,
    by: actor,
    ...(move.reason ? { reason: move.reason } : {}),
  };
  const delta = positionDelta(application.status, move.to);
  const counters = Object.fromEntries(
    [
      ["reservedCount", delta.reserved],
      ["acceptedCount", delta.accepted],
    ].filter(([, n]) => n !== 0),
  );
  const key = { listingId: application.listingId, studentId: application.studentId };
  const demandDelta = {
    applications: (move.to === "withdrawn" ? -1 : 0) + (application.status === "withdrawn" ? 1 : 0),
    filled: delta.reserved,
  };
  const demand = demandAdds(demandDelta);
  // An offer's terms are stored, and an open offer closed, in the same transaction as the move (offer-records.ts).
  const offerSide = await offerSideOfMove(application, move, new Date(now));
  const applicationItems = 1 + (Object.keys(counters).length === 0 ? 0 : 1) + (demand ? 1 : 0);
  const failed = await transactWithRetry(() =>
    db()
      .transaction.write((entities) => {
        const { application: applications, listing: listings, listingDemand } = entities;
        return [
          applications
            .patch(key)
            .set({
              status: move.to,
              updatedAt: now,
              ...(move.to === "rejected" ? { rejectionReason: move.reason } : {}),
            })
            .append({ history: [step] })
            .add({ version: 1 })
            .where((a, op) => `${op.eq(a.version, move.version)} AND ${op.eq(a.applicationId, application.id)}`)
            .commit(),
          ...(Object.keys(counters).length === 0
            ? []
            : [
                listings
                  .patch({ listingId: listing.id })
                  .add(counters)
                  .where((a, op) => {
                    if (delta.reserved <= 0) return "";
                    if (listing.positions === undefined) return op.notExists(a.positions);
                    const room = `(${op.notExists(a.reservedCount)} OR ${op.lte(a.reservedCount, listing.positions - 1)})`;
                    // Positions as read: an edit of them in between is caught rather than compared against stale.
                    return `${room} AND ${op.eq(a.positions, listing.positions)}`;
                  })
                  .commit(),
              ]),
          ...(demand ? [listingDemand.update({ listingId: listing.id }).add(demand).commit()] : []),
          ...(offerSide ? offerSide.items(entities) : []),
        ];
      })
      .go(),
  );
  if (failed === 0) throw versionConflict();
  if (offerSide && failed >= applicationItems) throw offerSide.conflict();
  if (failed === 1) throw capacityFull();
  noteDemandChange(listing.id, demandDelta);
  const moved: StoredApplication = {
    ...application,
    status: move.to,
    history: [...application.history, step],
    ...(move.to === "rejected" && move.reason ? { rejectionReason: move.reason } : {}),
    updatedAt: now,
    version: move.version + 1,
  };
  return moved;
}

/** Adds the listing's title and organisation name to a student's own applications. */
export async function forStudent(applications: StoredApplication[]): Promise<Application[]> {
  const cards = await listingCards(applications.map((a) => a.listingId));
  return applications.map(({ studentId: _student, ...a }) => {
    const card = cards.get(a.listingId);
    return { ...a, listingTitle: card?.title ?? { vi: "" }, orgName: card?.orgName ?? "" };
  });
}

/** The organisation's view of applications to its listing: the applicant as privacy allows, never the user id. */
export async function forOrganisation(listing: StoredListing, applications: StoredApplication[]) {
  const [org, applicants] = await Promise.all([getOrganisation(listing.orgId), applicantViews(applications)]);
  const orgName = org?.name.vi ?? "";
  return applications.map(
    ({ studentId: _student, ...a }): Application => ({
      ...a,
      listingTitle: listing.title,
      orgName,
      applicant: applicants.get(a.id)!,
    }),
  );
}
