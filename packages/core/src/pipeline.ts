import type { ListingStatus } from "./catalog";
import { deadlinePassed, todayInVietnam } from "./time";

/**
 * Where an application stands. `accepted`, `declined`, `rejected` and `withdrawn` are final: nothing moves out of
 * them (a withdrawn application may only be replaced by a fresh one).
 */
export const applicationStatuses = [
  "submitted",
  "reviewing",
  "shortlisted",
  "interview",
  "offered",
  "accepted",
  "declined",
  "rejected",
  "withdrawn",
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Who makes a pipeline move: the listing's organisation or the applicant. */
export const pipelineActors = ["organisation", "student"] as const;
export type PipelineActor = (typeof pipelineActors)[number];

/** Status names for timelines and notifications, Vietnamese first. */
export const applicationStatusLabels: Record<ApplicationStatus, { vi: string; en: string }> = {
  submitted: { vi: "Đã nộp", en: "Submitted" },
  reviewing: { vi: "Đang xem xét", en: "In review" },
  shortlisted: { vi: "Vào danh sách rút gọn", en: "Shortlisted" },
  interview: { vi: "Mời phỏng vấn", en: "Interview" },
  offered: { vi: "Nhận được lời mời", en: "Offered" },
  accepted: { vi: "Đã nhận lời", en: "Accepted" },
  declined: { vi: "Đã từ chối lời mời", en: "Declined" },
  rejected: { vi: "Chưa phù hợp", en: "Not selected" },
  withdrawn: { vi: "Đã rút hồ sơ", en: "Withdrawn" },
};

const finalStatuses: ReadonlySet<ApplicationStatus> = new Set(["accepted", "declined", "rejected", "withdrawn"]);

// The organisation's stages in order. It may skip stages it does not run (not every internship interviews),
// but never go back: a student who was told "shortlisted" is not silently returned to "in review".
const organisationStages: readonly ApplicationStatus[] = [
  "submitted",
  "reviewing",
  "shortlisted",
  "interview",
  "offered",
];

/** Whether nothing can move an application out of this status. */
export function isFinalStatus(status: ApplicationStatus): boolean {
  return finalStatuses.has(status);
}

/**
 * Who may move an application from `from` to `to`, or undefined when the move is illegal for everyone.
 * The organisation moves forward through its stages or rejects (an offer too, which withdraws it); the student
 * withdraws while not final and answers an offer.
 * @example pipelineMover("offered", "accepted") // "student"
 * @example pipelineMover("accepted", "withdrawn") // undefined
 */
export function pipelineMover(from: ApplicationStatus, to: ApplicationStatus): PipelineActor | undefined {
  if (isFinalStatus(from) || from === to) return undefined;
  if (to === "withdrawn") return "student";
  if (to === "accepted" || to === "declined") return from === "offered" ? "student" : undefined;
  if (to === "rejected") return "organisation";
  const fromStage = organisationStages.indexOf(from);
  const toStage = organisationStages.indexOf(to);
  return toStage > fromStage ? "organisation" : undefined;
}

/** The pipeline's verdict on a move by an actor. `not_your_move` means it is legal, but for the other party. */
export type MoveDecision = { allowed: true } | { allowed: false; reason: "invalid_transition" | "not_your_move" };

/**
 * Decides whether an actor may move an application. The only place pipeline moves are decided.
 * @example checkMove("submitted", "accepted", "student") // { allowed: false, reason: "invalid_transition" }
 */
export function checkMove(from: ApplicationStatus, to: ApplicationStatus, actor: PipelineActor): MoveDecision {
  const mover = pipelineMover(from, to);
  if (!mover) return { allowed: false, reason: "invalid_transition" };
  return mover === actor ? { allowed: true } : { allowed: false, reason: "not_your_move" };
}

/**
 * Whether an application in this status holds one of the listing's positions. An offer reserves a position, so
 * the organisation can never have more outstanding offers plus acceptances than positions; declining,
 * withdrawing or rejecting an offer releases it.
 */
export function holdsPosition(status: ApplicationStatus): boolean {
  return status === "offered" || status === "accepted";
}

/**
 * How a move changes a listing's counters: `reserved` (offered + accepted, capped by positions) and `accepted`.
 * @example positionDelta("shortlisted", "offered") // { reserved: 1, accepted: 0 }
 * @example positionDelta("offered", "accepted") // { reserved: 0, accepted: 1 }
 */
export function positionDelta(from: ApplicationStatus, to: ApplicationStatus): { reserved: number; accepted: number } {
  return {
    reserved: Number(holdsPosition(to)) - Number(holdsPosition(from)),
    accepted: Number(to === "accepted") - Number(from === "accepted"),
  };
}

/** Whether a student may submit a new application where one already exists in this status. */
export function canReplaceApplication(status: ApplicationStatus): boolean {
  return status === "withdrawn";
}

/**
 * Whether a listing takes applications and bookings now: it must be published, and its deadline day (inclusive,
 * in Vietnam) not yet over.
 * @example listingIntake({ status: "published", deadline: "2026-03-31" }, new Date("2026-03-31T16:00:00Z")) // "open"
 */
export function listingIntake(
  listing: { status: ListingStatus; deadline: string },
  now: Date,
): "open" | "listing_closed" | "deadline_passed" {
  if (listing.status !== "published") return "listing_closed";
  return deadlinePassed(listing.deadline, now) ? "deadline_passed" : "open";
}

/** Whether a visit session can still be booked: its day (in Vietnam) has not passed. */
export function sessionBookable(sessionDate: string, now: Date): boolean {
  return todayInVietnam(now) <= sessionDate;
}
