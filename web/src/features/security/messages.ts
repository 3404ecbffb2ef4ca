import type { Catalog } from "../../app/i18n/i18n";
import { securityEn } from "./messages.en";
import { type SecurityKey, securityVi } from "./messages.vi";

export type { SecurityKey };

/** Messages of the account security page (TOTP enrolment). */
export const securityMessages: Catalog<SecurityKey> = { vi: securityVi, en: securityEn };
