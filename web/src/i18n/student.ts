import type { Catalog } from "./i18n";
import { studentEn } from "./student.en";
import { type StudentKey, studentVi } from "./student.vi";

export type { StudentKey };

/** Messages of the student pages (with the shared ones). */
export const studentMessages: Catalog<StudentKey> = { vi: studentVi, en: studentEn };
