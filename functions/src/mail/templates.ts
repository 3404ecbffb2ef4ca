import { type MailLanguage, mailKindLabels, type NotificationKind } from "@ketnoi/core";
import { formatDateTime, localeOf } from "@ketnoi/core/format";
import type { NotificationInput } from "../data/notifications";
import { interviewAttachmentForNotice } from "../interviews/attachment";

type Bilingual = { vi: string; en: string };

/** A notice as mail sees it: what the in-app bell shows, with its id and time. */
export interface MailNotice extends NotificationInput {
  id: string;
  at: string;
}

/** A file sent with a notice's mail (e.g. the interview's .ics invitation). */
export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

/**
 * How one kind of notice is mailed. Everything is optional: a kind without an entry (or with an empty one) is
 * mailed from the notice's own title and body, with the generic reason. The interviews feature, for example,
 * adds `{ reason, attachments: (notice) => [icsOf(notice)] }`.
 */
export interface KindTemplate {
  /** Why the user gets this mail, said in the footer ("Bạn nhận thư này vì …"). */
  reason?: Bilingual;
  /** The button's words (default "Xem trên KetNoi"). */
  action?: Bilingual;
  /** Files to attach; may read what it needs (the notice's link or key names the record). */
  attachments?: (notice: MailNotice) => MailAttachment[] | Promise<MailAttachment[]>;
}

const interviewReason: Bilingual = {
  vi: "bạn tham gia một buổi phỏng vấn qua KetNoi",
  en: "you take part in an interview arranged on KetNoi",
};
const offerReason: Bilingual = {
  vi: "bạn có một lời mời nhận việc trên KetNoi",
  en: "you have a job offer on KetNoi",
};
const viewInterview: Bilingual = { vi: "Xem lịch phỏng vấn", en: "View the interview" };

/** The interview's .ics for a notice (read from the notice's link), or nothing while no time is on a calendar. */
async function calendarOf(notice: MailNotice): Promise<MailAttachment[]> {
  const attachment = await interviewAttachmentForNotice(notice.kind, notice.link);
  return attachment ? [attachment] : [];
}

/** The one table of mail per kind of notice. */
export const mailTemplates: Partial<Record<NotificationKind, KindTemplate>> = {
  application_status: {
    reason: {
      vi: "bạn đã ứng tuyển và hồ sơ của bạn vừa có bước mới",
      en: "you applied and your application has a new step",
    },
    action: { vi: "Xem hồ sơ ứng tuyển", en: "View the application" },
  },
  application_received: {
    reason: {
      vi: "bạn là thành viên của tổ chức đăng tin này",
      en: "you are a member of the organisation that posted this listing",
    },
    action: { vi: "Mở bảng ứng viên", en: "Open the applicant board" },
  },
  booking_confirmed: {
    reason: { vi: "bạn vừa đặt chỗ tham quan", en: "you booked a visit" },
    action: { vi: "Xem chỗ đã đặt", en: "View your bookings" },
  },
  booking_reminder: {
    reason: { vi: "bạn đã đặt chỗ buổi tham quan này", en: "you booked a seat on this visit" },
    action: { vi: "Xem chỗ đã đặt", en: "View your bookings" },
  },
  saved_search_match: {
    reason: { vi: "bạn đã lưu một tìm kiếm và có tin mới khớp", en: "you saved a search and a new listing matches it" },
    action: { vi: "Xem tin", en: "View the listing" },
  },
  organisation_verification: {
    reason: {
      vi: "bạn có hồ sơ ứng tuyển đang mở ở tổ chức này",
      en: "you have an open application with this organisation",
    },
  },
  membership: {
    reason: { vi: "bạn đã gửi lời mời tham gia tổ chức", en: "you sent an invitation to join your organisation" },
  },
  invitation: {
    reason: { vi: "một tổ chức đã mời bạn", en: "an organisation invited you" },
    action: { vi: "Xem lời mời", en: "View the invitation" },
  },
  placement: {
    reason: { vi: "bạn tham gia một đợt phân bổ", en: "you take part in a placement round" },
    action: { vi: "Xác nhận hoặc từ chối", en: "Confirm or decline" },
  },
  // Interviews (functions/src/interviews): a booked, moved or cancelled time carries the .ics that replaces the
  // calendar entry (same UID, higher SEQUENCE); proposals and requests carry none (nothing is on a calendar yet).
  interview_proposed: { reason: interviewReason, action: { vi: "Chọn giờ phỏng vấn", en: "Pick an interview time" } },
  interview_scheduled: { reason: interviewReason, action: viewInterview, attachments: calendarOf },
  interview_change_requested: { reason: interviewReason, action: viewInterview, attachments: calendarOf },
  interview_rescheduled: { reason: interviewReason, action: viewInterview, attachments: calendarOf },
  interview_cancelled: { reason: interviewReason, action: viewInterview, attachments: calendarOf },
  interview_reminder: { reason: interviewReason, action: viewInterview, attachments: calendarOf },
  offer_made: { reason: offerReason, action: { vi: "Xem điều kiện và trả lời", en: "See the terms and reply" } },
  offer_expiring: { reason: offerReason, action: { vi: "Trả lời lời mời", en: "Reply to the offer" } },
  offer_expired: { reason: offerReason },
  offer_accepted: { reason: offerReason },
  offer_declined: { reason: offerReason },
  offer_withdrawn: { reason: offerReason },
  message: {
    reason: { vi: "bạn có cuộc trò chuyện về một hồ sơ ứng tuyển", en: "you have a conversation about an application" },
    action: { vi: "Đọc tin nhắn", en: "Read the message" },
  },
};

const genericReason: Bilingual = { vi: "bạn có thông báo mới trên KetNoi", en: "you have a new notice on KetNoi" };
const genericAction: Bilingual = { vi: "Xem trên KetNoi", en: "View on KetNoi" };

/** The name of a kind in the user's language (its id when no label was given). */
export function kindLabel(kind: NotificationKind, language: MailLanguage): string {
  return mailKindLabels[kind]?.[language] ?? kind;
}

/** Where a mail's links lead. */
export interface MailLinks {
  webOrigin: string;
  /** The confirmation page of the unsubscribe link (a GET that changes nothing; its button posts). */
  unsubscribePage: string;
}

/** A composed mail, before addressing. */
export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const footerWords = {
  vi: {
    why: (reason: string) => `Bạn nhận thư này vì ${reason}.`,
    off: (label: string) => `Không muốn nhận thư “${label}” nữa?`,
    unsubscribe: "Hủy nhận loại thư này",
    settings: "Cài đặt thư",
  },
  en: {
    why: (reason: string) => `You get this mail because ${reason}.`,
    off: (label: string) => `No longer want “${label}” mail?`,
    unsubscribe: "Unsubscribe from this kind",
    settings: "Mail settings",
  },
};

/** One HTML page of mail: language declared, one heading, plain paragraphs and real links (screen readers, dark mode). */
function page(language: MailLanguage, heading: string, bodyHtml: string, footerHtml: string): string {
  return [
    "<!doctype html>",
    `<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`,
    `<title>${escapeHtml(heading)}</title></head>`,
    '<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">',
    '<main style="max-width:560px">',
    `<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(heading)}</h1>`,
    bodyHtml,
    `<footer style="margin-top:24px;font-size:14px;color:#4a4a4a">${footerHtml}</footer>`,
    "</main></body></html>",
  ].join("");
}

const linkTo = (href: string, text: string) =>
  `<a href="${escapeHtml(href)}" style="color:#0b57d0;text-decoration:underline">${escapeHtml(text)}</a>`;

function footer(kind: NotificationKind, reason: string, language: MailLanguage, links: MailLinks) {
  const words = footerWords[language];
  const settings = `${links.webOrigin}/cai-dat-thu`;
  return {
    text: [
      words.why(reason),
      `${words.off(kindLabel(kind, language))} ${links.unsubscribePage}`,
      `${words.settings}: ${settings}`,
    ],
    html: `<p>${escapeHtml(words.why(reason))}</p><p>${escapeHtml(words.off(kindLabel(kind, language)))} ${linkTo(links.unsubscribePage, words.unsubscribe)} · ${linkTo(settings, words.settings)}</p>`,
  };
}

/**
 * The mail of one notice in the user's language: the notice's title as subject and heading, its body, a link to
 * where it points, and a footer naming why it was sent and how to stop this kind. It repeats only what the notice
 * already shows the recipient in the app, so it carries no one else's data beyond that.
 * @example await composeNoticeMail(notice, "vi", { webOrigin, unsubscribePage })
 */
export async function composeNoticeMail(
  notice: MailNotice,
  language: MailLanguage,
  links: MailLinks,
): Promise<ComposedMail> {
  const template = mailTemplates[notice.kind] ?? {};
  const subject = notice.title[language];
  const body = notice.body?.[language];
  const action = (template.action ?? genericAction)[language];
  const href = `${links.webOrigin}${notice.link ?? "/thong-bao"}`;
  const end = footer(notice.kind, (template.reason ?? genericReason)[language], language, links);
  const text = [subject, "", ...(body ? [body, ""] : []), `${action}: ${href}`, "", "—", ...end.text].join("\n");
  const html = page(
    language,
    subject,
    `${body ? `<p>${escapeHtml(body)}</p>` : ""}<p>${linkTo(href, action)}</p>`,
    end.html,
  );
  return { subject, text, html, attachments: (await template.attachments?.(notice)) ?? [] };
}

const digestWords = {
  vi: {
    subject: (n: number) => `KetNoi: ${n} thông báo trong ngày`,
    reason: "bạn chọn nhận các thông báo này gộp thành thư mỗi ngày",
    open: "Mở",
  },
  en: {
    subject: (n: number) => `KetNoi: ${n} notice${n === 1 ? "" : "s"} today`,
    reason: "you chose to get these notices bundled in a daily mail",
    open: "Open",
  },
};

/** The kind most of a digest's notices are: the one its unsubscribe link turns off. */
export function mainKindOf(notices: MailNotice[]): NotificationKind {
  const kinds = new Map<NotificationKind, number>();
  for (const n of notices) kinds.set(n.kind, (kinds.get(n.kind) ?? 0) + 1);
  return [...kinds.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * The daily digest of a user's waiting notices, oldest first, each with its time and link. Its footer's
 * unsubscribe link turns off the kind most of them are (the page lets the user change every kind).
 */
export function composeDigestMail(notices: MailNotice[], language: MailLanguage, links: MailLinks): ComposedMail {
  const words = digestWords[language];
  const locale = localeOf(language);
  const main = mainKindOf(notices);
  const subject = words.subject(notices.length);
  const items = notices.map((n) => ({
    when: formatDateTime(n.at, locale),
    title: n.title[language],
    body: n.body?.[language],
    href: `${links.webOrigin}${n.link ?? "/thong-bao"}`,
  }));
  const end = footer(main, words.reason, language, links);
  const text = [
    subject,
    "",
    ...items.flatMap((i) => [`• ${i.title} (${i.when})`, ...(i.body ? [`  ${i.body}`] : []), `  ${i.href}`, ""]),
    "—",
    ...end.text,
  ].join("\n");
  const list = items
    .map(
      (i) =>
        `<li style="margin-bottom:12px"><strong>${escapeHtml(i.title)}</strong> <span>(${escapeHtml(i.when)})</span>${i.body ? `<br>${escapeHtml(i.body)}` : ""}<br>${linkTo(i.href, `${words.open}: ${i.title}`)}</li>`,
    )
    .join("");
  return {
    subject,
    text,
    html: page(language, subject, `<ul style="padding-left:20px">${list}</ul>`, end.html),
    attachments: [],
  };
}
