import { todayInVietnam, vietnamInstant } from "@ketnoi/core";
import { formatDate, formatDateTime, localeOf } from "@ketnoi/core/format";
import { organisationMemberIds } from "../data/applicants";
import { findApplication, transitionApplication } from "../data/applications";
import { guard } from "../data/guard";
import { scheduledBetween } from "../data/interviews";
import { getListing } from "../data/listings";
import { deliverNotice, type NotificationInput } from "../data/notifications";
import type { OfferItem } from "../data/offer-records";
import { isErasedToken } from "../data/placement/rounds";
import type { BookingEntity } from "../db/entities/booking";
import type { OfferEntity } from "../db/entities/offer";
import { liteEntity } from "../db/lite";
import { queryRange } from "../db/lite-range";
import { bookingModel } from "../db/models/booking";
import { offerModel } from "../db/models/offer";
import { AppError } from "../http/errors";

// Over the lite data path (db/lite.ts, issue 14): the jobs' function starts without ElectroDB.
const offers = liteEntity<OfferEntity>(offerModel);

const hour = 60 * 60 * 1000;
/** Reminder windows, nearest first: an interview starting within the hour gets the 1 h reminder (not also 24 h). */
const reminderWindows = [
  { name: "1h", ms: hour, vi: "sau 1 giờ nữa", en: "in 1 hour" },
  { name: "24h", ms: 24 * hour, vi: "trong 24 giờ tới", en: "within 24 hours" },
] as const;

export interface InterviewJobReport {
  reminders: number;
  bookingReminders: number;
  expiring: number;
  expired: number;
}

/**
 * A reader that reads each listing once: the jobs sweep the next 24 h every 5 minutes, so one listing's interviews,
 * bookings and offers share one read per run (a run's notices may be a few minutes behind a title edit, no more).
 */
function listingReads(): (listingId: string) => ReturnType<typeof getListing> {
  const listings = new Map<string, ReturnType<typeof getListing>>();
  return (listingId) => {
    if (!listings.has(listingId)) listings.set(listingId, getListing(listingId));
    return listings.get(listingId)!;
  };
}

/** Sends a notice to the student and every member, once per key (deliverNotice's deterministic id). */
async function tellBoth(
  sides: { studentId: string; orgId: string; applicationId: string; listingId: string },
  key: string,
  at: string,
  input: NotificationInput,
): Promise<number> {
  let sent = 0;
  if (!isErasedToken(sides.studentId)) {
    const link = `/ung-tuyen/${sides.applicationId}`;
    if (await deliverNotice(sides.studentId, { ...input, link }, { key, at })) sent++;
  }
  for (const userId of await organisationMemberIds(sides.orgId)) {
    const link = `/tin/${sides.listingId}/ung-vien#ap-${sides.applicationId}`;
    if (await deliverNotice(userId, { ...input, link }, { key, at })) sent++;
  }
  return sent;
}

/**
 * Reminders 24 h and 1 h before each scheduled interview. Idempotent: a reminder's key names the interview, the
 * slot's start and the window, so running the job every few minutes (or twice at once) reminds once per window,
 * and a rescheduled interview is reminded again for its new time.
 */
export async function sendInterviewReminders(now: Date): Promise<number> {
  let sent = 0;
  const listingOf = listingReads();
  const due = await scheduledBetween(now, new Date(now.getTime() + 24 * hour));
  for (const interview of due) {
    const untilStart = Date.parse(interview.startsAt) - now.getTime();
    const window = reminderWindows.find((w) => untilStart <= w.ms)!;
    const listing = await listingOf(interview.listingId);
    const title = listing ? { vi: listing.title.vi, en: listing.title.en ?? listing.title.vi } : { vi: "", en: "" };
    const at = new Date(Date.parse(interview.startsAt) - window.ms).toISOString();
    sent += await tellBoth(
      interview,
      `interview:${interview.interviewId}:reminder:${interview.startsAt}:${window.name}`,
      at,
      {
        kind: "interview_reminder",
        title: {
          vi: `Nhắc lịch: phỏng vấn ${window.vi} (${formatDateTime(interview.startsAt, localeOf("vi"))})`,
          en: `Reminder: interview ${window.en} (${formatDateTime(interview.startsAt, localeOf("en"))})`,
        },
        body: title,
      },
    );
  }
  return sent;
}

async function openOffers(range: { lt: string } | { eq: string }): Promise<OfferItem[]> {
  const data = await guard(async () =>
    "lt" in range
      ? (await queryRange<OfferEntity>(offerModel, "byReplyBy", { status: "open" }, { lt: { replyBy: range.lt } })).data
      : await offers.query("byReplyBy", { status: "open", replyBy: range.eq }),
  );
  return data.filter((o) => o.status === "open");
}

/** On an offer's last day, the student (and the members) are told it ends tonight; once per offer. */
export async function sendOfferExpiring(now: Date): Promise<number> {
  let sent = 0;
  const listingOf = listingReads();
  for (const offer of await openOffers({ eq: todayInVietnam(now) })) {
    const listing = await listingOf(offer.listingId);
    const title = listing?.title.vi ?? "";
    sent += await tellBoth(offer, `offer:${offer.applicationId}:${offer.createdAt}:expiring`, offer.createdAt, {
      kind: "offer_expiring",
      title: { vi: "Lời mời hết hạn trả lời hôm nay", en: "The offer's reply-by day is today" },
      body: {
        vi: `${title}: trả lời trước hết ngày ${formatDate(offer.replyBy, localeOf("vi"))}.`,
        en: `${listing?.title.en ?? title}: reply by ${formatDate(offer.replyBy, localeOf("en"))}.`,
      },
    });
  }
  return sent;
}

/**
 * Expires open offers whose reply-by day (Vietnam) is over: the application moves to `declined` and the offer to
 * `expired` in one transaction with the listing's counters, so the position is free again. A concurrent answer
 * wins (its version condition) and the job leaves that offer alone.
 */
export async function expireOffers(now: Date): Promise<number> {
  let expired = 0;
  for (const offer of await openOffers({ lt: todayInVietnam(now) })) {
    const application = await findApplication(offer.applicationId);
    const listing = application && (await getListing(application.listingId));
    if (!application || !listing || application.status !== "offered") continue;
    try {
      await transitionApplication(application, listing, "student", {
        to: "declined",
        version: application.version,
        reason: `Hết hạn trả lời lời mời (${offer.replyBy})`,
        expired: true,
      });
      expired++;
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
    }
  }
  return expired;
}

/**
 * A reminder 24 h before each booked lab or company visit, to whoever booked (the student, or the staff member who
 * booked a class). Read by the bookings' start index (a query per Vietnam day the window touches); once per booking
 * and start (the notice key), so a visit whose session was moved is reminded again for its new start, and a
 * cancelled booking or a session whose time no longer matches the booking's is skipped.
 */
export async function sendBookingReminders(now: Date): Promise<number> {
  const from = now.toISOString();
  const to = new Date(now.getTime() + 24 * hour).toISOString();
  const days = [...new Set([todayInVietnam(now), todayInVietnam(new Date(now.getTime() + 24 * hour))])];
  let sent = 0;
  // A visit's bookings share one listing read per run.
  const listingOf = listingReads();
  for (const startsDay of days) {
    const { data } = await guard(() =>
      queryRange<BookingEntity>(
        bookingModel,
        "byStart",
        { startsDay },
        { between: [{ startsAt: from }, { startsAt: to }] },
      ),
    );
    for (const booking of data) {
      if (booking.status !== "confirmed" || !booking.startsAt || isErasedToken(booking.bookerUserId)) continue;
      const listing = await listingOf(booking.listingId);
      const session = listing?.sessions?.find((s) => s.id === booking.sessionId);
      if (!listing || !session) continue;
      if (new Date(vietnamInstant(session.date, session.startTime)).toISOString() !== booking.startsAt) continue;
      const when = (locale: "vi" | "en") => formatDateTime(booking.startsAt!, localeOf(locale));
      const place = session.place ? `, ${session.place}` : "";
      const delivered = await deliverNotice(
        booking.bookerUserId,
        {
          kind: "booking_reminder",
          title: { vi: `Nhắc lịch: tham quan lúc ${when("vi")}`, en: `Reminder: visit at ${when("en")}` },
          body: {
            vi: `${listing.title.vi}${place}, ${booking.seats} chỗ`,
            en: `${listing.title.en ?? listing.title.vi}${place}, ${booking.seats} seat(s)`,
          },
          link: "/dat-cho",
        },
        {
          key: `booking:${booking.bookingId}:reminder:${booking.startsAt}:24h`,
          at: new Date(Date.parse(booking.startsAt) - 24 * hour).toISOString(),
        },
      );
      if (delivered) sent++;
    }
  }
  return sent;
}

/** One run of the interview and offer job (every 5 minutes in deploy and under `npm start`). */
export async function runInterviewJobs(now = new Date()): Promise<InterviewJobReport> {
  const reminders = await sendInterviewReminders(now);
  const bookingReminders = await sendBookingReminders(now);
  const expiring = await sendOfferExpiring(now);
  const expired = await expireOffers(now);
  return { reminders, bookingReminders, expiring, expired };
}
