import { randomUUID } from "node:crypto";
import {
  type Interview,
  type InterviewAction,
  type InterviewEvent,
  type InterviewPropose,
  interviewEventOf,
  interviewMove,
  interviewStatusAfter,
  type PipelineActor,
  slotLockBlocks,
  slotStart,
} from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { InterviewEntity, InterviewSlotLockEntity } from "../db/entities/interview";
import { liteEntity } from "../db/lite";
import { queryRange } from "../db/lite-range";
import { transactWrite } from "../db/lite-transact";
import { absentOrEqual, condition, liteWrites } from "../db/lite-writes";
import { interviewModel, interviewSlotLockModel } from "../db/models/interview";
import { AppError } from "../http/errors";
import type { StoredApplication } from "./applications";
import { guard } from "./guard";
import { transactWithRetry } from "./transact";

export type InterviewItem = EntityItem<InterviewEntity>;

// Over the lite data path (db/lite.ts, issue 14): interviews and their slot locks, in ElectroDB's stored format.
const interviews = liteEntity<InterviewEntity>(interviewModel);
const interviewWrites = liteWrites<InterviewEntity>(interviewModel);
const slotLockWrites = liteWrites<InterviewSlotLockEntity>(interviewSlotLockModel);

const interviewChanged = () =>
  new AppError("version_conflict", "Lịch phỏng vấn vừa thay đổi ở nơi khác; hãy tải lại rồi thử lại.");
const slotTaken = () => new AppError("slot_taken");

/** The public shape of a stored interview (never the student's id). */
export function interviewView(item: InterviewItem): Interview {
  const { interviewId, orgId: _org, studentId: _student, startsAt: _start, ...rest } = item;
  return { id: interviewId, ...rest } as Interview;
}

/** An application's interview, read consistently, or undefined. */
export async function getInterview(applicationId: string): Promise<InterviewItem | undefined> {
  return guard(() => interviews.get({ applicationId }, { consistent: true }));
}

/** A listing's interviews (the applicant board). */
export async function listListingInterviews(listingId: string): Promise<InterviewItem[]> {
  return guard(() => interviews.query("byListing", { listingId }));
}

/** Scheduled interviews starting in [from, to), soonest first (the reminder job). */
export async function scheduledBetween(from: Date, to: Date): Promise<InterviewItem[]> {
  const data = await guard(() =>
    queryRange<InterviewEntity>(
      interviewModel,
      "byStart",
      { status: "scheduled" },
      { between: [{ startsAt: from.toISOString() }, { startsAt: to.toISOString() }] },
    ),
  ).then((page) => page.data);
  return data.filter((i) => i.status === "scheduled" && i.startsAt < to.toISOString());
}

function slotsOf(input: InterviewPropose) {
  return input.slots
    .map((slot) => ({
      id: randomUUID(),
      startsAt: new Date(slotStart(slot)).toISOString(),
      durationMinutes: slot.durationMinutes,
    }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

function placeOf(input: InterviewPropose) {
  return input.mode === "online"
    ? { mode: input.mode, link: input.link }
    : { mode: input.mode, communeId: input.communeId, address: input.address };
}

/**
 * A member proposes slots for an application in the interview stage. One interview per application at a time: the
 * put is conditioned on none existing or the existing one being cancelled (409 `interview_exists` otherwise; move
 * an open one with reschedule).
 */
export async function proposeInterview(
  application: StoredApplication,
  input: InterviewPropose,
): Promise<InterviewItem> {
  if (application.status !== "interview") {
    throw new AppError("not_in_interview_stage");
  }
  const now = new Date().toISOString();
  const slots = slotsOf(input);
  const item: InterviewItem = {
    applicationId: application.id,
    interviewId: randomUUID(),
    listingId: application.listingId,
    orgId: application.orgId,
    studentId: application.studentId,
    status: "proposed",
    slots,
    startsAt: slots[0]!.startsAt,
    ...placeOf(input),
    ...(input.note ? { note: input.note } : {}),
    history: [{ kind: "proposed", at: now, by: "organisation", ...(input.note ? { note: input.note } : {}) }],
    sequence: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
  } as InterviewItem;
  const failed = await transactWithRetry(() =>
    transactWrite([interviewWrites.put(item, absentOrEqual(interviewModel, "status", "cancelled"))]),
  );
  if (failed === 0) {
    throw new AppError("interview_exists");
  }
  return item;
}

type Change =
  | { action: "pick"; slotId: string }
  | { action: "request_change"; note: string }
  | { action: "reschedule"; input: InterviewPropose; reason: string }
  | { action: "cancel"; reason: string };

/**
 * Changes an interview, if `actor` may and nobody changed it since `version`: one transaction of the interview's
 * conditional put and the slot locks' creates (a pick holds every 5-minute block of its time, each
 * `attribute_not_exists`, so of several applicants offered the same or overlapping times only one gets them, 409
 * `slot_taken` for the others) or deletes (leaving a booked slot frees its blocks).
 * Every change raises the calendar SEQUENCE and appends to the timeline.
 */
export async function changeInterview(
  current: InterviewItem,
  actor: PipelineActor,
  change: Change,
  version: number,
): Promise<InterviewItem> {
  const decision = interviewMove(current.status, change.action as InterviewAction, actor);
  if (!decision.allowed) {
    throw decision.reason === "not_your_move"
      ? new AppError("forbidden", "Bước này do bên còn lại thực hiện.")
      : new AppError(
          "invalid_transition",
          `Không thể thực hiện khi lịch phỏng vấn đang ở trạng thái "${current.status}".`,
        );
  }
  if (current.version !== version) throw interviewChanged();
  const now = new Date().toISOString();
  const event: InterviewEvent = { kind: interviewEventOf(change.action), at: now, by: actor };
  let next: InterviewItem = {
    ...current,
    status: interviewStatusAfter(change.action),
    updatedAt: now,
    version: current.version + 1,
    sequence: current.sequence + 1,
  };
  let taken: { startsAt: string; durationMinutes: number } | undefined;
  if (change.action === "pick") {
    const slot = current.slots.find((s) => s.id === change.slotId);
    if (!slot) throw new AppError("not_found", "Không có khung giờ này trong lịch đề xuất.");
    if (Date.parse(slot.startsAt) <= Date.now()) {
      throw new AppError("slot_past");
    }
    next = { ...next, chosenSlotId: slot.id, startsAt: slot.startsAt };
    event.startsAt = slot.startsAt;
    taken = slot;
  } else {
    const { chosenSlotId: _chosen, ...rest } = next;
    next = rest as InterviewItem;
    if (change.action === "reschedule") {
      const slots = slotsOf(change.input);
      const { communeId: _c, address: _a, link: _l, note: _n, ...base } = next;
      next = {
        ...base,
        slots,
        startsAt: slots[0]!.startsAt,
        ...placeOf(change.input),
        ...(change.input.note ? { note: change.input.note } : {}),
      } as InterviewItem;
      event.note = change.reason;
    } else {
      event.note = change.action === "request_change" ? change.note : change.reason;
    }
  }
  next.history = [...current.history, event];
  const booked = current.status === "scheduled" ? current.slots.find((s) => s.id === current.chosenSlotId) : undefined;
  const unchanged = condition(
    interviewModel,
    ({ attr, value }) =>
      `${attr("version")} = ${value(version)} AND ${attr("interviewId")} = ${value(current.interviewId)}`,
  );
  const lockFree = condition(interviewSlotLockModel, ({ attr }) => `attribute_not_exists(${attr("interviewId")})`);
  const lockOurs = absentOrEqual(interviewSlotLockModel, "interviewId", current.interviewId);
  const failed = await transactWithRetry(() =>
    transactWrite([
      interviewWrites.put(next, unchanged),
      ...(taken
        ? slotLockBlocks(taken.startsAt, taken.durationMinutes).map((block) =>
            slotLockWrites.put(
              { listingId: current.listingId, startsAt: block, interviewId: current.interviewId, createdAt: now },
              lockFree,
            ),
          )
        : []),
      // A block missing is fine (a lock written before the 5-minute grid held only its start); another
      // interview's block is never deleted.
      ...(booked
        ? slotLockBlocks(booked.startsAt, booked.durationMinutes).map((block) =>
            slotLockWrites.delete({ listingId: current.listingId, startsAt: block }, lockOurs),
          )
        : []),
    ]),
  );
  if (failed === 0) throw interviewChanged();
  if (failed >= 1 && taken) throw slotTaken();
  if (failed >= 1) throw interviewChanged();
  return next;
}

/** The slot an interview is booked on, if it is scheduled. */
export function bookedSlot(item: Pick<InterviewItem, "status" | "slots" | "chosenSlotId">) {
  return item.status === "scheduled" ? item.slots.find((s) => s.id === item.chosenSlotId) : undefined;
}
