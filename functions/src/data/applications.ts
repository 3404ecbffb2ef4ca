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
import type { ListingEntity } from "../db/entities/listing";
import type { ListingDemandEntity } from "../db/entities/listing-demand";
import { liteEntity } from "../db/lite";
import { transactWrite } from "../db/lite-transact";
import { absentOrEqual, condition, liteWrites } from "../db/lite-writes";
import { applicationModel } from "../db/models/application";
import { listingModel } from "../db/models/listing";
import { listingDemandModel } from "../db/models/listing-demand";
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

// Over the lite data path (db/lite.ts, issue 14): applications, the listing's position counters and its demand
// counter, in ElectroDB's stored format and in the same transactions as before.
const applications = liteEntity<ApplicationEntity>(applicationModel);
const applicationWrites = liteWrites<ApplicationEntity>(applicationModel);
const listingWrites = liteWrites<ListingEntity>(listingModel);
const demandWrites = liteWrites<ListingDemandEntity>(listingDemandModel);

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
    transactWrite([
      applicationWrites.put(item, absentOrEqual(applicationModel, "status", "withdrawn")),
      demandWrites.update({ listingId: listing.id }, { add: { applications: 1 } }),
    ]),
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
  const [hit] = await guard(() => applications.query("byId", { applicationId }, { count: 1 }));
  if (!hit) return undefined;
  const current = await guard(() =>
    applications.get({ listingId: hit.listingId, studentId: hit.studentId }, { consistent: true }),
  );
  // A withdrawn application replaced by a new one keeps its key but not its id.
  return current?.applicationId === applicationId ? toStored(current) : undefined;
}

/** A listing's applications (optionally in one status), oldest first, read consistently. */
export async function listListingApplications(
  listingId: string,
  status?: ApplicationStatus,
): Promise<StoredApplication[]> {
  const data = await guard(() =>
    applications.query(
      "byListing",
      { listingId },
      { consistent: true, ...(status ? { filter: (a) => a.status === status } : {}) },
    ),
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
  const unmoved = condition(
    applicationModel,
    ({ attr, value }) =>
      `${attr("version")} = ${value(move.version)} AND ${attr("applicationId")} = ${value(application.id)}`,
  );
  const applicationMove = applicationWrites.patch(
    key,
    {
      set: {
        status: move.to,
        updatedAt: now,
        ...(move.to === "rejected" ? { rejectionReason: move.reason } : {}),
      },
      add: { version: 1 },
      append: { history: [step] },
    },
    unmoved,
  );
  const failed = await transactWithRetry(() =>
    transactWrite([
      applicationMove,
      ...(Object.keys(counters).length === 0
        ? []
        : [listingWrites.patch({ listingId: listing.id }, { add: counters }, roomFor(listing, delta.reserved))]),
      ...(demand ? [demandWrites.update({ listingId: listing.id }, { add: demand })] : []),
      ...(offerSide ? offerSide.items : []),
    ]),
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

/**
 * The listing's condition for a move taking `reserved` positions: room for them when it takes one (the positions
 * as read, so an edit of them in between is caught rather than compared against stale); none when it releases.
 */
function roomFor(listing: StoredListing, reserved: number) {
  if (reserved <= 0) return undefined;
  const { positions } = listing;
  if (positions === undefined) {
    return condition(listingModel, ({ attr }) => `attribute_not_exists(${attr("positions")})`);
  }
  return condition(
    listingModel,
    ({ attr, value }) =>
      `(attribute_not_exists(${attr("reservedCount")}) OR ${attr("reservedCount")} <= ${value(positions - 1)}) AND ${attr("positions")} = ${value(positions)}`,
  );
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
