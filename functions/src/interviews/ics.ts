import { communes, type InterviewStatus } from "@ketnoi/core";
import { createEvent, type EventAttributes } from "ics";

/** What the calendar file needs of a stored interview. */
export interface CalendarInterview {
  interviewId: string;
  status: InterviewStatus;
  slots: ReadonlyArray<{ id: string; startsAt: string; durationMinutes: number }>;
  chosenSlotId?: string | undefined;
  mode: "in_person" | "online";
  communeId?: string | undefined;
  address?: string | undefined;
  link?: string | undefined;
  note?: string | undefined;
  sequence: number;
  history: ReadonlyArray<{ kind: string; startsAt?: string | undefined }>;
  updatedAt: string;
}

/** Names the recipient may already see: the listing's title and the organisation's name. */
export interface CalendarNames {
  listingTitle: string;
  orgName: string;
  /** The organiser's address as the mail sender shows it (a no-reply address), when there is one. */
  organizerEmail?: string;
}

export interface InterviewCalendar {
  method: "REQUEST" | "CANCEL";
  filename: string;
  content: string;
}

/** A UID stable for the interview's whole life, so each update or cancellation replaces the same calendar event. */
export function interviewUid(interviewId: string): string {
  return `interview-${interviewId}@ketnoi`;
}

/**
 * The interview as an iCalendar file: METHOD:REQUEST for the taken slot while scheduled; METHOD:CANCEL for the
 * last taken slot once it was given up (other times asked for, rescheduled, cancelled). SEQUENCE is the
 * interview's change count, so a calendar keeps the newest. Undefined while no slot was ever taken (nothing is on
 * anyone's calendar yet).
 * @example interviewCalendar(item, { listingTitle: "Thực tập nhúng", orgName: "Amata Tech" })?.method // "REQUEST"
 */
export function interviewCalendar(interview: CalendarInterview, names: CalendarNames): InterviewCalendar | undefined {
  const chosen =
    interview.status === "scheduled" ? interview.slots.find((s) => s.id === interview.chosenSlotId) : undefined;
  const lastTaken = [...interview.history].reverse().find((e) => e.kind === "picked" && e.startsAt);
  const cancelled = !chosen && lastTaken !== undefined;
  if (!chosen && !cancelled) return undefined;
  const startsAt = chosen?.startsAt ?? lastTaken!.startsAt!;
  const durationMinutes =
    chosen?.durationMinutes ?? interview.slots.find((s) => s.startsAt === startsAt)?.durationMinutes ?? 60;
  const commune = communes.find((c) => c.id === interview.communeId)?.name;
  const location =
    interview.mode === "online" ? interview.link : [interview.address, commune, "Đồng Nai"].filter(Boolean).join(", ");
  const method = cancelled ? "CANCEL" : "REQUEST";
  const attributes: EventAttributes = {
    uid: interviewUid(interview.interviewId),
    sequence: interview.sequence,
    method,
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    productId: "ketnoi/interviews",
    start: Date.parse(startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: durationMinutes },
    title: `Phỏng vấn: ${names.listingTitle} — ${names.orgName}`,
    description: [
      interview.mode === "online" ? `Phỏng vấn trực tuyến: ${interview.link}` : `Phỏng vấn trực tiếp tại ${location}`,
      interview.note ? `Ghi chú: ${interview.note}` : undefined,
    ]
      .filter(Boolean)
      .join("\n"),
    ...(location ? { location } : {}),
    ...(interview.mode === "online" && interview.link ? { url: interview.link } : {}),
    // ORGANIZER must carry an address (RFC 5545 cal-address): only when the mail sender gives one.
    ...(names.organizerEmail ? { organizer: { name: names.orgName, email: names.organizerEmail } } : {}),
    lastModified: Date.parse(interview.updatedAt),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error("ics: empty calendar");
  return { method, filename: cancelled ? "phong-van-huy.ics" : "phong-van.ics", content: value };
}

/**
 * The interview's calendar as a mail attachment (nodemailer's shape: `icalEvent` makes it the invitation part
 * calendar apps act on), for the mail sender's per-kind attachments hook; undefined when there is nothing to put
 * on a calendar.
 * @example const attachment = interviewAttachment(item, names); if (attachment) mail.icalEvent = attachment.icalEvent;
 */
export function interviewAttachment(interview: CalendarInterview, names: CalendarNames) {
  const calendar = interviewCalendar(interview, names);
  if (!calendar) return undefined;
  return {
    filename: calendar.filename,
    contentType: `text/calendar; charset=utf-8; method=${calendar.method}`,
    content: calendar.content,
    icalEvent: { method: calendar.method, filename: calendar.filename, content: calendar.content },
  };
}
