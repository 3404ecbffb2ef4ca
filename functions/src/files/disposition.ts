/**
 * The Content-Disposition a CV download is answered with: an attachment named after the file (so a browser saves it
 * rather than showing it on the storage's origin), an ASCII fallback name and the UTF-8 one (RFC 6266).
 * @example attachmentDisposition("CV Nguyễn") // attachment; filename="CV Nguyen.pdf"; filename*=UTF-8''CV%20Nguy%E1%BB%85n.pdf
 */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || "cv";
  return `attachment; filename="${ascii}.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}.pdf`;
}
