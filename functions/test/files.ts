import { PDFDocument, StandardFonts } from "pdf-lib";
import { call } from "./helpers";
import { freshIp } from "./marketplace";

/**
 * A real PDF made with pdf-lib: `pages` pages of Vietnamese-free text (the standard fonts have no Vietnamese
 * glyphs; the content does not matter to the checks), optionally padded to `padTo` bytes with a PDF comment.
 */
export async function makePdf(pages = 1, padTo = 0): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) document.addPage([595, 842]).drawText(`CV page ${i + 1}`, { x: 50, y: 780, font });
  const bytes = await document.save();
  if (bytes.length >= padTo) return bytes;
  // Trailing bytes after %%EOF are ignored by PDF readers: an oversize file that is still a valid PDF.
  const padded = new Uint8Array(padTo);
  padded.set(bytes);
  padded.fill(0x20, bytes.length);
  return padded;
}

/** The first bytes of a Windows executable ("MZ…"): what a renamed .exe starts with. */
export function fakeExe(size = 4096): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
  return bytes;
}

/** Sends the form of a presigned POST with the file, as a browser does (multipart/form-data, file last). */
export async function postForm(
  upload: { url: string; fields: Record<string, string> },
  bytes: Uint8Array,
  fileName = "cv.pdf",
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append("file", new Blob([bytes], { type: upload.fields["Content-Type"] ?? "application/pdf" }), fileName);
  return fetch(upload.url, { method: "POST", body: form });
}

/**
 * The whole upload a student's browser makes: ask for the form (POST /api/files/cv), send the file to storage,
 * ask the API to check it. Returns the check's answer (and the file id).
 */
export async function uploadCv(token: string, name: string, bytes: Uint8Array, declaredSize = bytes.length) {
  const started = await call("POST", "/api/files/cv", {
    token,
    body: { name, size: declaredSize },
    headers: { "x-forwarded-for": freshIp() },
  });
  if (started.status !== 201) return { ...started, fileId: undefined as string | undefined };
  const sent = await postForm(started.json.upload, bytes);
  if (!sent.ok) throw new Error(`storage answered ${sent.status} to the upload: ${await sent.text()}`);
  const fileId: string = started.json.file.id;
  const checked = await call("POST", `/api/files/cv/${fileId}/check`, { token });
  return { ...checked, fileId };
}
