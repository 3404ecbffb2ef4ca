import type { Catalog } from "./i18n";
import { securityEn } from "./security.en";
import { type SecurityKey, securityVi } from "./security.vi";

export type { SecurityKey };

/** Messages of the account security page (TOTP enrolment). */
export const securityMessages: Catalog<SecurityKey> = { vi: securityVi, en: securityEn };
