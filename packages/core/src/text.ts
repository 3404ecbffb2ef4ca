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

/**
 * Keys whose strings are names or labels: people compare and sort these, so spaces typed around them are never
 * meant. Free text (descriptions, answers, reasons) keeps its spacing.
 */
const nameKeys = new Set(["name", "fullName", "displayName", "title", "label", "classLabel", "place", "address"]);

/**
 * Text as the API stores it: every string in NFC (some Vietnamese keyboards send decomposed NFD, which would make
 * "Nguyễn" typed two ways two different names), and names and labels (also their `vi`/`en` versions) trimmed.
 * Applied once to every request body, before validation.
 * @example normaliseInput({ fullName: " Nguye\u0302\u0303n ", bio: " x " }) // { fullName: "Nguyễn", bio: " x " }
 */
export function normaliseInput(value: unknown, trim = false): unknown {
  if (typeof value === "string") {
    const nfc = value.normalize("NFC");
    return trim ? nfc.trim() : nfc;
  }
  if (Array.isArray(value)) return value.map((item) => normaliseInput(item, trim));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key.normalize("NFC"),
        // A localized name ({ vi, en }) is trimmed like a plain one.
        normaliseInput(item, nameKeys.has(key) || (trim && (key === "vi" || key === "en"))),
      ]),
    );
  }
  return value;
}
