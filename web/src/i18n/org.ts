import type { Catalog } from "./i18n";
import { orgEn } from "./org.en";
import { type OrgKey, orgVi } from "./org.vi";

export type { OrgKey };

/** Messages of the organisation pages (with the shared ones). */
export const orgMessages: Catalog<OrgKey> = { vi: orgVi, en: orgEn };
