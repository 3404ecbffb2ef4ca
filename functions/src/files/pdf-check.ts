import { maxCvBytes, maxCvPages } from "@ketnoi/core";

/** Why an uploaded object is not accepted as a CV: a code and the Vietnamese message the student reads. */
export interface PdfRefusal {
  code: "file_missing" | "file_too_large" | "file_empty" | "not_a_pdf" | "pdf_unreadable" | "too_many_pages";
  message: string;
}

export const refusals = {
  missing: { code: "file_missing", message: "Chưa nhận được tệp; hãy tải lên lại." },
  tooLarge: { code: "file_too_large", message: "Tệp lớn hơn 5 MB nên đã bị xóa; hãy nén hoặc rút gọn CV rồi tải lại." },
  empty: { code: "file_empty", message: "Tệp trống nên đã bị xóa." },
  notPdf: {
    code: "not_a_pdf",
    message: "Tệp không phải PDF (chỉ đổi đuôi thành .pdf là chưa đủ) nên đã bị xóa; hãy xuất CV ra PDF rồi tải lại.",
  },
  unreadable: { code: "pdf_unreadable", message: "Không đọc được tệp PDF này (hỏng hoặc có mật khẩu) nên đã bị xóa." },
  tooManyPages: {
    code: "too_many_pages",
    message: `CV dài hơn ${maxCvPages} trang nên đã bị xóa; hãy tải lên bản CV ngắn gọn.`,
  },
} as const satisfies Record<string, PdfRefusal>;

const magic = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/**
 * Checks the bytes of an uploaded CV: within 5 MB, starting with the `%PDF-` signature (a renamed .exe or .docx
 * fails here, whatever its name and declared type), readable by pdf-lib, with 1..maxCvPages pages. Returns the
 * page count, or the refusal.
 * @example await checkPdf(bytes) // { ok: true, pages: 2 }
 */
export async function checkPdf(
  bytes: Uint8Array,
): Promise<{ ok: true; pages: number } | { ok: false; refusal: PdfRefusal }> {
  if (bytes.length === 0) return { ok: false, refusal: refusals.empty };
  if (bytes.length > maxCvBytes) return { ok: false, refusal: refusals.tooLarge };
  if (!magic.every((byte, i) => bytes[i] === byte)) return { ok: false, refusal: refusals.notPdf };
  let pages: number;
  // Loaded by the first check, not when the files function starts: pdf-lib and its fonts are ~430 kB that only the
  // upload's confirmation needs, and esbuild keeps a dynamically imported module's top level lazy (issue 14).
  const { PDFDocument } = await import("pdf-lib");
  try {
    // updateMetadata false: only reading. Encrypted files are refused: a recruiter could not open them either.
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    pages = document.getPageCount();
  } catch {
    return { ok: false, refusal: refusals.unreadable };
  }
  if (pages < 1) return { ok: false, refusal: refusals.unreadable };
  if (pages > maxCvPages) return { ok: false, refusal: refusals.tooManyPages };
  return { ok: true, pages };
}
