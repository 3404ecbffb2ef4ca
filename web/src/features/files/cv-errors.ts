import type { ScopedT } from "../../app/i18n/i18n";
import type { FilesKey } from "./messages";

const codes = [
  "not_a_pdf",
  "file_too_large",
  "file_empty",
  "pdf_unreadable",
  "too_many_pages",
  "file_missing",
  "upload_refused",
  "consent_required",
] as const;

/** The CV codes' explanations in the UI language (the server's messages are Vietnamese only), for ActionError. */
export function cvErrorTexts(t: ScopedT<FilesKey>): Record<string, string> {
  return Object.fromEntries(codes.map((code) => [code, t(`cv.error.${code}`)]));
}
