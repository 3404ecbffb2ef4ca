import { mailConfig } from "./config";
import { createMailStreamHandler } from "./mail/notice-stream";
import { lazyMailTransport } from "./mail/sender";

// The mail consumer (docs/notifications.md, "Deploy"): its own function so that nodemailer and the SES client stay
// out of the table stream consumer's bundle. A missing or bad mail variable fails the cold start.
const config = mailConfig();
const send = lazyMailTransport(config);
if (!send) throw new Error("mail-lambda: MAIL_TRANSPORT is off; infra/mail.ts deploys this function only to send mail");

/** The Lambda entry of the table stream's mail reader (inserted notices only; ReportBatchItemFailures). */
export const handler = createMailStreamHandler(send, { config: () => config });
