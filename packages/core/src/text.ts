/**
 * Folds Vietnamese text for matching: lower case, diacritics removed, đ/Đ → d, whitespace collapsed.
 * `đ` does not decompose under NFD, so it is folded explicitly.
 * @example foldVietnamese("Lập trình NHÚNG") // "lap trinh nhung"
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Splits folded text into search tokens (letters and digits only).
 * @example tokenize("C/C++ & Lập trình") // ["c", "c", "lap", "trinh"]
 */
export function tokenize(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}
