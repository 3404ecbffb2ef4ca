import type { Catalog } from "../i18n/i18n";
import { interviewEn } from "./i18n.en";
import { type InterviewKey, interviewVi } from "./i18n.vi";

export type { InterviewKey };

/** Messages of interviews and offers, Vietnamese first. */
export const interviewMessages: Catalog<InterviewKey> = { vi: interviewVi, en: interviewEn };
