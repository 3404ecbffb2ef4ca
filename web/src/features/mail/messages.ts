import type { Catalog } from "../../app/i18n/i18n";
import { mailEn } from "./messages.en";
import { type MailKey, mailVi } from "./messages.vi";

export type { MailKey };

/** Messages of the mail settings and unsubscribe pages. */
export const mailMessages: Catalog<MailKey> = { vi: mailVi, en: mailEn };
