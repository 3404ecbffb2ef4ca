import type { NotificationKind } from "@ketnoi/core";
import { formatDate, formatDateTime, formatNumber, localeOf } from "@ketnoi/core/format";
import { organisationMemberIds } from "../data/applicants";
import { getListing } from "../data/listings";
import type { NotificationInput } from "../data/notifications";
import { isErasedToken } from "../data/placement/rounds";
import type { Notice } from "./notices";
import type { Item } from "./records";

interface Event {
  kind: string;
  at: string;
  by: "organisation" | "student";
  note?: string;
  startsAt?: string;
}

const vi = localeOf("vi");
const en = localeOf("en");

const eventKinds: Record<string, NotificationKind> = {
  proposed: "interview_proposed",
  picked: "interview_scheduled",
  change_requested: "interview_change_requested",
  rescheduled: "interview_rescheduled",
  cancelled: "interview_cancelled",
};

function eventText(event: Event, title: { vi: string; en: string }): Pick<NotificationInput, "title" | "body"> {
  const when = event.startsAt;
  const why = event.note;
  const tail = (lang: "vi" | "en") =>
    why ? `${lang === "vi" ? title.vi : title.en}. ${lang === "vi" ? "Lý do/ghi chú" : "Note"}: ${why}` : title[lang];
  switch (event.kind) {
    case "proposed":
      return {
        title: { vi: "Mời phỏng vấn: hãy chọn khung giờ", en: "Interview invitation: choose a time" },
        body: { vi: tail("vi"), en: tail("en") },
      };
    case "picked":
      return {
        title: {
          vi: `Đã chốt lịch phỏng vấn ${when ? formatDateTime(when, vi) : ""}`.trim(),
          en: `Interview scheduled ${when ? formatDateTime(when, en) : ""}`.trim(),
        },
        body: { vi: title.vi, en: title.en },
      };
    case "change_requested":
      return {
        title: { vi: "Ứng viên xin đổi lịch phỏng vấn", en: "The applicant asked for other times" },
        body: { vi: tail("vi"), en: tail("en") },
      };
    case "rescheduled":
      return {
        title: { vi: "Lịch phỏng vấn đã thay đổi: hãy chọn lại", en: "Interview rescheduled: choose again" },
        body: { vi: tail("vi"), en: tail("en") },
      };
    default:
      return {
        title: { vi: "Phỏng vấn đã bị hủy", en: "Interview cancelled" },
        body: { vi: tail("vi"), en: tail("en") },
      };
  }
}

/**
 * One notice per new event of an interview's timeline (keyed by the interview and the event's index, so a replayed
 * record stores nothing twice): to the other side, and — for a taken slot or a cancellation, which change both
 * sides' calendars — to both.
 */
export async function interviewNotices(next: Item, before: Item | undefined): Promise<Notice[]> {
  const events = (next.history ?? []) as Event[];
  const same = before?.interviewId === next.interviewId;
  const seen = same ? ((before?.history ?? []) as Event[]).length : 0;
  if (events.length <= seen) return [];
  const listing = await getListing(String(next.listingId));
  if (!listing) return [];
  const title = { vi: listing.title.vi, en: listing.title.en ?? listing.title.vi };
  const studentId = String(next.studentId);
  const applicationId = String(next.applicationId);
  const members = await organisationMemberIds(String(next.orgId));
  const notices: Notice[] = [];
  for (let i = seen; i < events.length; i++) {
    const event = events[i]!;
    const bothSides = event.kind === "picked" || event.kind === "cancelled";
    const input = { kind: eventKinds[event.kind] ?? "interview_rescheduled", ...eventText(event, title) };
    const key = `interview:${next.interviewId}:event:${i}`;
    if ((event.by === "organisation" || bothSides) && !isErasedToken(studentId)) {
      notices.push({ userId: studentId, key, at: event.at, input: { ...input, link: `/ung-tuyen/${applicationId}` } });
    }
    if (event.by === "student" || bothSides) {
      for (const userId of members) {
        // The card's anchor: the board scrolls to it, and the mail sender finds the application in it.
        notices.push({
          userId,
          key,
          at: event.at,
          input: { ...input, link: `/tin/${listing.id}/ung-vien#ap-${applicationId}` },
        });
      }
    }
  }
  return notices;
}

function payText(offer: Item, lang: "vi" | "en"): string {
  const locale = lang === "vi" ? vi : en;
  if (offer.payKind === "unpaid") return lang === "vi" ? "không trả lương (đào tạo)" : "unpaid (training)";
  const amount = `${formatNumber(Number(offer.payVnd), locale, 0)} ₫`;
  if (offer.payKind === "monthly") return lang === "vi" ? `${amount}/tháng` : `${amount}/month`;
  return lang === "vi" ? `${amount} trọn gói` : `${amount} in total`;
}

/**
 * An offer's notices: made (to the student, with its terms), answered (to the members), withdrawn (to the student),
 * expired (to both). Keyed by the offer and its new status, so each happens once.
 */
export async function offerNotices(next: Item, before: Item | undefined): Promise<Notice[]> {
  const sameOffer = before?.createdAt === next.createdAt;
  if (sameOffer && before?.status === next.status) return [];
  const listing = await getListing(String(next.listingId));
  if (!listing) return [];
  const title = { vi: listing.title.vi, en: listing.title.en ?? listing.title.vi };
  const studentId = String(next.studentId);
  const studentLink = `/ung-tuyen/${next.applicationId}`;
  const boardLink = `/tin/${listing.id}/ung-vien`;
  const key = `offer:${next.applicationId}:${next.createdAt}:${next.status}`;
  const at = String(next.updatedAt);
  const toStudent = (input: NotificationInput): Notice[] =>
    isErasedToken(studentId) ? [] : [{ userId: studentId, key, at, input: { ...input, link: studentLink } }];
  const toMembers = async (input: NotificationInput): Promise<Notice[]> =>
    (await organisationMemberIds(String(next.orgId))).map((userId) => ({
      userId,
      key,
      at,
      input: { ...input, link: boardLink },
    }));
  const replyBy = String(next.replyBy);
  switch (next.status) {
    case "open":
      return toStudent({
        kind: "offer_made",
        title: { vi: "Bạn nhận được lời mời làm việc", en: "You received an offer" },
        body: {
          vi: `${title.vi}: ${payText(next, "vi")}, bắt đầu ${formatDate(String(next.startDate), vi)}. Trả lời trước hết ngày ${formatDate(replyBy, vi)}.`,
          en: `${title.en}: ${payText(next, "en")}, starting ${formatDate(String(next.startDate), en)}. Reply by ${formatDate(replyBy, en)}.`,
        },
      });
    case "accepted":
      return toMembers({
        kind: "offer_accepted",
        title: { vi: "Ứng viên đã nhận lời mời", en: "The applicant accepted the offer" },
        body: title,
      });
    case "declined":
      return toMembers({
        kind: "offer_declined",
        title: { vi: "Ứng viên đã từ chối lời mời", en: "The applicant declined the offer" },
        body: next.reason
          ? { vi: `${title.vi}. Lý do: ${next.reason}`, en: `${title.en}. Reason: ${next.reason}` }
          : title,
      });
    case "withdrawn":
      return toStudent({
        kind: "offer_withdrawn",
        title: { vi: "Lời mời đã được rút lại", en: "The offer was withdrawn" },
        body: { vi: `${title.vi}. Lý do: ${next.reason ?? ""}`, en: `${title.en}. Reason: ${next.reason ?? ""}` },
      });
    case "expired": {
      const input: NotificationInput = {
        kind: "offer_expired",
        title: { vi: "Lời mời đã hết hạn trả lời", en: "The offer expired" },
        body: {
          vi: `${title.vi}: không có trả lời trước hết ngày ${formatDate(replyBy, vi)}; vị trí đã được giải phóng.`,
          en: `${title.en}: no answer by ${formatDate(replyBy, en)}; the position is free again.`,
        },
      };
      return [...toStudent(input), ...(await toMembers(input))];
    }
    default:
      return [];
  }
}
