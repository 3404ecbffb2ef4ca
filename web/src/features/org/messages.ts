import type { Catalog } from "../../app/i18n/i18n";
import { orgEn } from "./messages.en";
import { type OrgKey, orgVi } from "./messages.vi";

export type { OrgKey };

/** Messages of the organisation pages (with the shared ones). */
export const orgMessages: Catalog<OrgKey> = { vi: orgVi, en: orgEn };
