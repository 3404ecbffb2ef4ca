import { setTimeout as sleep } from "node:timers/promises";
import { mailChannelOf, type NotificationKind } from "@ketnoi/core";
import { type MailConfig, mailConfig } from "../config";
import { type NotificationInput, registerNotificationSender } from "../data/notifications";
import { getUser } from "../data/users";
import { errorField, logger } from "../observability/logger";
import { claimMail, getMailPreferences, isSuppressed, queueForDigest, releaseMail, settleMail } from "./store";
import { type ComposedMail, composeNoticeMail, type MailLinks } from "./templates";
import { unsubscribeToken } from "./token";
import { createMailTransport, isTransientMailError, type SendMail } from "./transport";

/** A notice older than this is not mailed: a stream replayed long after (a restored table) sends no stale mail. */
export const staleNoticeMs = 48 * 60 * 60_000;

/** How one send is retried in place before the stream's own retry (with its backoff) takes over. */
export interface MailRetry {
  attempts: number;
  backoffMs: number;
}
const defaultRetry: MailRetry = { attempts: 3, backoffMs: 200 };

/** The address mail may go to, or undefined for an erased, disabled or suppressed account. */
export async function mailableAddress(userId: string): Promise<string | undefined> {
  const user = await getUser(userId);
  if (!user || user.erasedAt || user.disabledAt || !user.email) return undefined;
  if (await isSuppressed(user.email)) return undefined;
  return user.email;
}

/** The links of a mail to this user about this kind (RFC 8058's one-click target and the confirmation page). */
export function mailLinks(mail: MailConfig, userId: string, kind: NotificationKind) {
  const token = unsubscribeToken(mail.SERVER_SECRET, userId, kind);
  const links: MailLinks = {
    webOrigin: mail.WEB_ORIGIN,
    unsubscribePage: `${mail.WEB_ORIGIN}/huy-nhan-thu?token=${token}`,
  };
  const headers = {
    "List-Unsubscribe": `<${mail.WEB_ORIGIN}/api/mail/unsubscribe?token=${token}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
  return { links, headers };
}

/**
 * Sends a mail once for its key: claims the key (a conditional write), sends with a few quick retries on transient
 * failure, then records the outcome. A transient failure that outlasts the retries gives the claim back and throws,
 * so the caller's retry (the stream's, with backoff) sends it later; a permanent one is recorded and not retried.
 * Returns whether this call sent it.
 */
export async function sendOnce(
  send: SendMail,
  mailKey: string,
  to: string,
  composed: ComposedMail,
  headers: Record<string, string>,
  retry: MailRetry = defaultRetry,
): Promise<boolean> {
  if (!(await claimMail(mailKey))) return false;
  for (let attempt = 1; ; attempt++) {
    try {
      const { messageId } = await send({ to, ...composed, headers: { ...headers, "X-KetNoi-Mail": mailKey } });
      await settleMail(mailKey, { messageId });
      return true;
    } catch (error) {
      if (!isTransientMailError(error)) {
        await settleMail(mailKey, { error: error instanceof Error ? error.message : String(error) });
        logger.error("mail refused", { mailKey, error: errorField(error) });
        return false;
      }
      if (attempt >= retry.attempts) {
        await releaseMail(mailKey);
        throw error;
      }
      await sleep(retry.backoffMs * 4 ** (attempt - 1));
    }
  }
}

/**
 * The mail channel of notices: each stored notice is mailed to its user at once, put aside for the daily digest,
 * or not mailed, by the user's preference for its kind — never to an erased or disabled account or a suppressed
 * address, and once per notice however often the stream delivers it.
 */
export function createMailSender(send: SendMail, options: { config?: () => MailConfig; retry?: MailRetry } = {}) {
  const configOf = options.config ?? mailConfig;
  return {
    async send(userId: string, input: NotificationInput, notice: { id: string; at: string }): Promise<void> {
      if (Date.now() - Date.parse(notice.at) > staleNoticeMs) return;
      const to = await mailableAddress(userId);
      if (!to) return;
      const preferences = await getMailPreferences(userId);
      const channel = mailChannelOf(preferences.kinds, input.kind);
      if (channel === "off") return;
      if (channel === "daily") return queueForDigest(userId, notice.id, input, notice.at);
      const { links, headers } = mailLinks(configOf(), userId, input.kind);
      const composed = await composeNoticeMail({ ...input, ...notice }, preferences.language, links);
      await sendOnce(send, `notice:${userId}:${notice.id}`, to, composed, headers, options.retry);
    },
  };
}

/**
 * The configured transport, built on its first mail (so a process that never mails never loads nodemailer), or
 * undefined when mail is off.
 */
export function lazyMailTransport(mail: MailConfig): SendMail | undefined {
  if (mail.MAIL_TRANSPORT === "off") return undefined;
  let transport: Promise<SendMail | undefined> | undefined;
  return async (message) => {
    transport ??= createMailTransport(mail);
    const send = await transport;
    if (!send) throw new Error("mail transport is off");
    return send(message);
  };
}

/**
 * Registers the mail channel with the notices' senders when this process is configured to send mail (the stream
 * consumer: stream-lambda.ts in deploy, the local platform). Returns the transport and what unregisters it, or
 * undefined when mail is off.
 * @example registerMailSender(); // at the stream consumer's cold start
 */
export function registerMailSender(
  mail: MailConfig = mailConfig(),
): { send: SendMail; unregister: () => void } | undefined {
  const send = lazyMailTransport(mail);
  if (!send) return undefined;
  return { send, unregister: registerNotificationSender(createMailSender(send, { config: () => mail })) };
}
