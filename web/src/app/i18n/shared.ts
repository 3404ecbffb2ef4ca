import type { Catalog } from "./i18n";
import { sharedEn } from "./shared.en";
import { type SharedKey, sharedVi } from "./shared.vi";

export type { SharedKey };

/** The shared catalog on its own, for pages that need nothing else. */
export const sharedMessages: Catalog<SharedKey> = { vi: sharedVi, en: sharedEn };
