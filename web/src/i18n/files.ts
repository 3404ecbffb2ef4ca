import { filesEn } from "./files.en";
import { type FilesKey, filesVi } from "./files.vi";
import type { Catalog } from "./i18n";

export type { FilesKey };

/** Messages of CV files (profile, applying, the applicant board) and the printable CV (with the shared ones). */
export const filesMessages: Catalog<FilesKey> = { vi: filesVi, en: filesEn };
