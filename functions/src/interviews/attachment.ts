import type { NotificationKind } from "@ketnoi/core";
import { getInterview, type InterviewItem } from "../data/interviews";
import { getListing } from "../data/listings";
import { getOrganisation } from "../data/organisations";
import type { CalendarNames } from "./ics";

// The calendar writer (ics, ~28 kB) is loaded by the first calendar, not at a cold start: a chunk of the split
// builds of the functions that carry it (infra/function.ts splitEntries, issue 14).
const calendarWriter = () => import("./ics");

/** The names an interview's calendar shows: the listing's title and the organisation's name (Vietnamese). */
async function namesOf(interview: InterviewItem): Promise<CalendarNames> {
  const [listing, org] = await Promise.all([getListing(interview.listingId), getOrganisation(interview.orgId)]);
  return { listingTitle: listing?.title.vi ?? "", orgName: org?.name.vi ?? "" };
}

/** The interview's calendar file with its names read from the table (the download route). */
export async function calendarOf(interview: InterviewItem) {
  const [{ interviewCalendar }, names] = await Promise.all([calendarWriter(), namesOf(interview)]);
  return interviewCalendar(interview, names);
}

const calendarKinds: ReadonlySet<NotificationKind> = new Set([
  "interview_scheduled",
  "interview_rescheduled",
  "interview_change_requested",
  "interview_cancelled",
  "interview_reminder",
]);

/**
 * The .ics attachment for an in-app notice, for the mail sender's per-kind attachments hook: interview notices link
 * to `/ung-tuyen/<applicationId>` (the student) or `/tin/<listingId>/ung-vien#ap-<applicationId>` (members), so
 * the application is read from the link. Undefined for other kinds and while nothing is on a calendar.
 * @example const attachment = await interviewAttachmentForNotice(notice.kind, notice.link, "no-reply@ketnoi.vn");
 */
export async function interviewAttachmentForNotice(
  kind: NotificationKind,
  link: string | undefined,
  organizerEmail?: string,
) {
  if (!calendarKinds.has(kind) || !link) return undefined;
  const applicationId = /^\/ung-tuyen\/([a-z0-9-]+)$/.exec(link)?.[1] ?? /#ap-([a-z0-9-]+)$/.exec(link)?.[1];
  if (!applicationId) return undefined;
  const interview = await getInterview(applicationId);
  if (!interview) return undefined;
  const [{ interviewAttachment }, names] = await Promise.all([calendarWriter(), namesOf(interview)]);
  return interviewAttachment(interview, organizerEmail ? { ...names, organizerEmail } : names);
}
