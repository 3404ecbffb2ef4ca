import type { Catalog } from "../../app/i18n/i18n";
import { interviewEn } from "./messages.en";
import { type InterviewKey, interviewVi } from "./messages.vi";

export type { InterviewKey };

/** Messages of interviews and offers, Vietnamese first. */
export const interviewMessages: Catalog<InterviewKey> = { vi: interviewVi, en: interviewEn };
