import type { Catalog } from "./i18n";
import { mailEn } from "./mail.en";
import { type MailKey, mailVi } from "./mail.vi";

export type { MailKey };

/** Messages of the mail settings and unsubscribe pages. */
export const mailMessages: Catalog<MailKey> = { vi: mailVi, en: mailEn };
