import type { PipelineActor } from "./pipeline";
import type { InterviewEventKind, InterviewStatus } from "./schemas/interview";

/** What a party does to an interview. */
export type InterviewAction = "pick" | "request_change" | "reschedule" | "cancel";

const allowed: Record<InterviewAction, { actor: PipelineActor | "either"; from: readonly InterviewStatus[] }> = {
  // The student takes one of the proposed slots.
  pick: { actor: "student", from: ["proposed"] },
  // The student asks for other times, before or after taking one (taking one back frees it).
  request_change: { actor: "student", from: ["proposed", "scheduled"] },
  // The organisation offers new slots: after a request for other times, or to move a proposal or a booked slot.
  reschedule: { actor: "organisation", from: ["proposed", "change_requested", "scheduled"] },
  cancel: { actor: "either", from: ["proposed", "change_requested", "scheduled"] },
};

/**
 * Whether `actor` may do `action` to an interview in `status`; the only place interview moves are decided.
 * @example interviewMove("proposed", "pick", "student") // { allowed: true }
 * @example interviewMove("scheduled", "pick", "student") // { allowed: false, reason: "invalid_transition" }
 */
export function interviewMove(
  status: InterviewStatus,
  action: InterviewAction,
  actor: PipelineActor,
): { allowed: true } | { allowed: false; reason: "invalid_transition" | "not_your_move" } {
  const rule = allowed[action];
  if (!rule.from.includes(status)) return { allowed: false, reason: "invalid_transition" };
  if (rule.actor !== "either" && rule.actor !== actor) return { allowed: false, reason: "not_your_move" };
  return { allowed: true };
}

/** The status an interview is in after an action. */
export function interviewStatusAfter(action: InterviewAction): InterviewStatus {
  return (
    { pick: "scheduled", request_change: "change_requested", reschedule: "proposed", cancel: "cancelled" } as const
  )[action];
}

/** The timeline event an action records. */
export function interviewEventOf(action: InterviewAction): InterviewEventKind {
  return (
    { pick: "picked", request_change: "change_requested", reschedule: "rescheduled", cancel: "cancelled" } as const
  )[action];
}

/** Interview event names for timelines, Vietnamese first. */
export const interviewEventLabels: Record<InterviewEventKind, { vi: string; en: string }> = {
  proposed: { vi: "Đề xuất lịch phỏng vấn", en: "Interview times proposed" },
  picked: { vi: "Đã chọn lịch phỏng vấn", en: "Interview time chosen" },
  change_requested: { vi: "Xin đổi lịch phỏng vấn", en: "Other times requested" },
  rescheduled: { vi: "Đổi lịch phỏng vấn", en: "Interview rescheduled" },
  cancelled: { vi: "Hủy phỏng vấn", en: "Interview cancelled" },
};
