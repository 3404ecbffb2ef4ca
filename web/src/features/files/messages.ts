import type { Catalog } from "../../app/i18n/i18n";
import { filesEn } from "./messages.en";
import { type FilesKey, filesVi } from "./messages.vi";

export type { FilesKey };

/** Messages of CV files (profile, applying, the applicant board) and the printable CV (with the shared ones). */
export const filesMessages: Catalog<FilesKey> = { vi: filesVi, en: filesEn };
