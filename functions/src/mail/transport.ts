import type { Transporter } from "nodemailer";
import type { MailConfig } from "../config";

/** What a transport is given: one addressed mail. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments: Array<{ filename: string; content: string | Buffer; contentType: string }>;
}

/** Sends one mail; resolves with the message id the server gave. */
export type SendMail = (mail: OutgoingMail) => Promise<{ messageId: string }>;

/**
 * Builds the configured transport. nodemailer (and, for `ses`, the SES v2 client) are imported here, lazily, so
 * only the processes that send mail load them: the stream consumer and the digest job, never the API bundle.
 */
export async function createMailTransport(mail: MailConfig): Promise<SendMail | undefined> {
  if (mail.MAIL_TRANSPORT === "off") return undefined;
  const { createTransport } = await import("nodemailer");
  let transporter: Transporter;
  if (mail.MAIL_TRANSPORT === "ses") {
    const { SESv2Client, SendEmailCommand } = await import("@aws-sdk/client-sesv2");
    transporter = createTransport({ SES: { sesClient: new SESv2Client({}), SendEmailCommand } });
  } else {
    // maildev (and most local servers) offer no TLS; nothing leaves 127.0.0.1.
    transporter = createTransport({ host: mail.SMTP_HOST, port: mail.SMTP_PORT, secure: false, ignoreTLS: true });
  }
  const configurationSet = mail.SES_CONFIGURATION_SET;
  return async (message) => {
    const info = await transporter.sendMail({
      from: mail.MAIL_FROM,
      ...message,
      ...(mail.MAIL_TRANSPORT === "ses" && configurationSet ? { ses: { ConfigurationSetName: configurationSet } } : {}),
    });
    return { messageId: String(info.messageId ?? "") };
  };
}

/**
 * Whether a failed send may work if tried again: SMTP 4xx replies, connection trouble, SES throttling or 5xx.
 * A 5xx SMTP reply or an SES rejection (bad address, unverified sender) will not, and is not retried.
 */
export function isTransientMailError(error: unknown): boolean {
  const e = error as { responseCode?: number; code?: string; name?: string; $metadata?: { httpStatusCode?: number } };
  if (typeof e?.responseCode === "number") return e.responseCode < 500;
  const status = e?.$metadata?.httpStatusCode;
  if (typeof status === "number")
    return status >= 500 || status === 429 || /Throttl|TooManyRequests/.test(e.name ?? "");
  if (/MessageRejected|MailFromDomainNotVerified|AccountSuspended|SendingPaused|BadRequest/.test(e?.name ?? ""))
    return false;
  return true;
}
