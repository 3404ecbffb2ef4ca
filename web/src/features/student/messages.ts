import type { Catalog } from "../../app/i18n/i18n";
import { studentEn } from "./messages.en";
import { type StudentKey, studentVi } from "./messages.vi";

export type { StudentKey };

/** Messages of the student pages (with the shared ones). */
export const studentMessages: Catalog<StudentKey> = { vi: studentVi, en: studentEn };
