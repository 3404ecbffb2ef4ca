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
 * Builds the configured transport: `ses`, SES v2 over a SigV4-signed fetch with nodemailer's composer
 * (ses-fetch.ts, as deployed); `smtp`, nodemailer to a local server (smtp.ts, `npm start` and the tests). Both are
 * imported here, lazily, so only the processes that send mail load them: the mail consumer and the digest job.
 * The SMTP module is imported by its package specifier: the deployed bundles replace it (infra/function.ts).
 */
export async function createMailTransport(mail: MailConfig): Promise<SendMail | undefined> {
  if (mail.MAIL_TRANSPORT === "off") return undefined;
  if (mail.MAIL_TRANSPORT === "ses") {
    const { sesFetchOptionsFromEnv, sesFetchTransport } = await import("./ses-fetch");
    return sesFetchTransport(sesFetchOptionsFromEnv(mail));
  }
  const { smtpTransport } = await import("@ketnoi/functions/mail/smtp");
  return smtpTransport(mail);
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
