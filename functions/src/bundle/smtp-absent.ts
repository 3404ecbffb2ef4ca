import type { SendMail } from "../mail/transport";

/**
 * Stands in for functions/src/mail/smtp.ts in the deployed bundles (infra/function.ts `bundleAliases`): a deployed
 * function sends mail through SES v2 only (infra/mail.ts sets MAIL_TRANSPORT=ses; mail/ses-fetch.ts), so nodemailer's
 * SMTP transport and connection code (~100 kB with the mailer around them) stay out of its bundle (issue 14,
 * infra/bundle-contents.test.ts). A function configured for SMTP anyway fails its sends with this error, which the
 * stream's retries and the mail alarms surface (infra/bundle-routes.test.ts).
 */
export async function smtpTransport(): Promise<SendMail> {
  throw new Error("MAIL_TRANSPORT=smtp: the deployed functions carry no SMTP transport; they send through SES (ses)");
}
