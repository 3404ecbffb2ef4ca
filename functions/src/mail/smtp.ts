import type { MailConfig } from "../config";
import type { SendMail } from "./transport";

/**
 * Mail over SMTP with nodemailer: the local runs' transport (`npm start`, the tests and e2e-mail, to maildev).
 * Imported by its package specifier (`@ketnoi/functions/mail/smtp`, transport.ts) so that the deployed bundles, which
 * send through SES only, put bundle/smtp-absent.ts in its place (infra/function.ts `bundleAliases`) and carry none of
 * nodemailer's SMTP code.
 */
export async function smtpTransport(mail: MailConfig): Promise<SendMail> {
  const { createTransport } = await import("nodemailer");
  // maildev (and most local servers) offer no TLS; nothing leaves 127.0.0.1.
  const transporter = createTransport({ host: mail.SMTP_HOST, port: mail.SMTP_PORT, secure: false, ignoreTLS: true });
  return async (message) => {
    const info = await transporter.sendMail({ from: mail.MAIL_FROM, ...message });
    return { messageId: String(info.messageId ?? "") };
  };
}
