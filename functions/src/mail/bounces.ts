import { deliverNotice } from "../data/notifications";
import { findUserByEmail } from "../data/users";
import { suppressAddress } from "./store";

/** The part of an SES event (published by the configuration set to SNS) that suppression reads. */
export interface SesEvent {
  eventType?: string;
  notificationType?: string;
  mail?: { messageId?: string; timestamp?: string };
  bounce?: { bounceType?: string; bouncedRecipients?: Array<{ emailAddress: string }>; timestamp?: string };
  complaint?: { complainedRecipients?: Array<{ emailAddress: string }>; timestamp?: string };
}

/**
 * Suppresses the addresses of a permanent bounce or a complaint (a transient bounce — a full mailbox — is not),
 * and tells each account holder in-app once, so they can correct the address. Returns the addresses suppressed now.
 * @example await handleSesEvent(JSON.parse(snsRecord.Sns.Message));
 */
export async function handleSesEvent(event: SesEvent): Promise<string[]> {
  const type = event.eventType ?? event.notificationType;
  const reason =
    type === "Bounce" && event.bounce?.bounceType === "Permanent"
      ? "bounce"
      : type === "Complaint"
        ? "complaint"
        : undefined;
  if (!reason) return [];
  const recipients = reason === "bounce" ? event.bounce?.bouncedRecipients : event.complaint?.complainedRecipients;
  const at = (reason === "bounce" ? event.bounce?.timestamp : event.complaint?.timestamp) ?? new Date().toISOString();
  const suppressed: string[] = [];
  for (const { emailAddress } of recipients ?? []) {
    if (!(await suppressAddress(emailAddress, reason, at))) continue;
    suppressed.push(emailAddress);
    const user = await findUserByEmail(emailAddress);
    if (!user || user.erasedAt) continue;
    await deliverNotice(
      user.userId,
      {
        kind: "mail_delivery",
        title:
          reason === "bounce"
            ? { vi: "Thư gửi tới địa chỉ của bạn bị trả lại", en: "Mail to your address bounced" }
            : { vi: "Đã ngừng gửi thư cho bạn", en: "We stopped mailing you" },
        body:
          reason === "bounce"
            ? {
                vi: "KetNoi đã ngừng gửi thư tới địa chỉ e-mail của bạn vì thư bị trả lại. Thông báo vẫn hiện trong ứng dụng.",
                en: "KetNoi stopped sending mail to your address because it bounced. Notices still appear in the app.",
              }
            : {
                vi: "Bạn đã đánh dấu thư của KetNoi là thư rác, nên chúng tôi ngừng gửi thư. Thông báo vẫn hiện trong ứng dụng.",
                en: "You marked KetNoi's mail as spam, so we stopped mailing you. Notices still appear in the app.",
              },
        link: "/cai-dat-thu",
      },
      { key: `mail-suppressed:${reason}:${at}`, at },
    );
  }
  return suppressed;
}
