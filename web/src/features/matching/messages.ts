import type { Catalog } from "../../app/i18n/i18n";
import { matchingEn } from "./messages.en";
import { type MatchingKey, matchingVi } from "./messages.vi";

/** Messages of the matching pages (with the shared ones), loaded with those lazy pages only. */
export const matchingMessages: Catalog<MatchingKey> = { vi: matchingVi, en: matchingEn };
