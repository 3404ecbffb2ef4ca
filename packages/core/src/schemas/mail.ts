import * as v from "valibot";
import { type NotificationKind, notificationKinds } from "./notification";

/** How a kind of notice reaches the user's mailbox: at once, bundled in the daily digest, or not at all. */
export const mailChannels = ["instant", "daily", "off"] as const;
export type MailChannel = (typeof mailChannels)[number];

/** The languages mail is written in (the user's choice on the settings page; Vietnamese until chosen). */
export const mailLanguages = ["vi", "en"] as const;
export type MailLanguage = (typeof mailLanguages)[number];

/**
 * The channel of a kind the user never chose. Saved-search matches can come many a day, so they wait for the
 * daily digest; everything else (application steps, offers, interviews, bookings, invitations…) is about one
 * decision the user may have to act on, so it goes at once. A kind added later is instant unless listed here.
 */
export const defaultMailChannels: Partial<Record<NotificationKind, MailChannel>> = {
  saved_search_match: "daily",
  // Only ever sent because mail to the address stopped working: mailing it would bounce again.
  mail_delivery: "off",
};

/** The channel a kind takes for a user with these choices (the default where the user chose nothing). */
export function mailChannelOf(kinds: Partial<Record<string, MailChannel>>, kind: NotificationKind): MailChannel {
  return kinds[kind] ?? defaultMailChannels[kind] ?? "instant";
}

const KindChannelsSchema = v.record(v.picklist(notificationKinds), v.picklist(mailChannels));

/** A user's mail preferences as GET /api/me/mail-preferences returns them: every kind with its channel. */
export const MailPreferencesSchema = v.object({
  language: v.picklist(mailLanguages),
  kinds: KindChannelsSchema,
});
export type MailPreferences = v.InferOutput<typeof MailPreferencesSchema>;

/** Body of PUT /api/me/mail-preferences: the language and/or the kinds to change (others keep their channel). */
export const MailPreferencesUpdateSchema = v.pipe(
  v.object({
    language: v.optional(v.picklist(mailLanguages)),
    kinds: v.optional(v.pipe(v.record(v.picklist(notificationKinds), v.picklist(mailChannels)))),
  }),
  v.check((body) => body.language !== undefined || body.kinds !== undefined, "Cần ít nhất một thay đổi."),
);
export type MailPreferencesUpdate = v.InferOutput<typeof MailPreferencesUpdateSchema>;

/** Body of POST /api/mail/unsubscribe (the web page's confirmation; one-click mail clients post a form instead). */
export const MailUnsubscribeSchema = v.object({ token: v.pipe(v.string(), v.minLength(10), v.maxLength(600)) });

/** What an unsubscribe token stands for, as the confirmation page shows it. */
export const MailUnsubscribeResultSchema = v.object({
  kind: v.picklist(notificationKinds),
  channel: v.picklist(mailChannels),
});

/**
 * What each kind of mail is about, as the settings page and the mail footer name it. A kind missing here (added
 * by a later feature) still gets mail and a settings row, under its own name until it is labelled.
 */
export const mailKindLabels: Partial<Record<NotificationKind, { vi: string; en: string }>> = {
  application_status: { vi: "Thay đổi trạng thái hồ sơ ứng tuyển", en: "Application status changes" },
  application_received: { vi: "Hồ sơ ứng tuyển mới (nhà tuyển dụng)", en: "New applications (recruiters)" },
  booking_confirmed: { vi: "Xác nhận đặt chỗ tham quan", en: "Visit booking confirmations" },
  booking_reminder: { vi: "Nhắc lịch tham quan (24 giờ trước)", en: "Visit reminders (24 h before)" },
  saved_search_match: { vi: "Tin mới khớp tìm kiếm đã lưu", en: "New listings matching saved searches" },
  organisation_verification: { vi: "Quyết định xác minh tổ chức", en: "Organisation verification decisions" },
  membership: { vi: "Thành viên tổ chức", en: "Organisation membership" },
  invitation: { vi: "Lời mời (tham gia tổ chức, ứng tuyển)", en: "Invitations (to join, to apply)" },
  placement: { vi: "Kết quả đợt phân bổ", en: "Placement results" },
  mail_delivery: { vi: "Sự cố gửi thư tới địa chỉ của bạn", en: "Problems delivering mail to you" },
  interview_proposed: { vi: "Đề xuất giờ phỏng vấn", en: "Interview times proposed" },
  interview_scheduled: { vi: "Lịch phỏng vấn đã chốt", en: "Interview booked" },
  interview_change_requested: { vi: "Yêu cầu đổi giờ phỏng vấn", en: "Interview change requests" },
  interview_rescheduled: { vi: "Đổi giờ phỏng vấn", en: "Interview rescheduled" },
  interview_cancelled: { vi: "Hủy phỏng vấn", en: "Interview cancelled" },
  interview_reminder: {
    vi: "Nhắc lịch phỏng vấn (24 giờ và 1 giờ trước)",
    en: "Interview reminders (24 h and 1 h before)",
  },
  offer_made: { vi: "Lời mời nhận việc", en: "Job offers" },
  offer_accepted: { vi: "Lời mời được nhận (nhà tuyển dụng)", en: "Offers accepted (recruiters)" },
  offer_declined: { vi: "Lời mời bị từ chối (nhà tuyển dụng)", en: "Offers declined (recruiters)" },
  offer_withdrawn: { vi: "Lời mời bị rút lại", en: "Offers withdrawn" },
  offer_expiring: { vi: "Lời mời sắp hết hạn trả lời", en: "Offers about to expire" },
  offer_expired: { vi: "Lời mời đã hết hạn", en: "Offers expired" },
  message: { vi: "Tin nhắn về hồ sơ ứng tuyển", en: "Messages about applications" },
};
