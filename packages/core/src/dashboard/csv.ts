/** The byte-order mark that makes Excel read a CSV file as UTF-8 (without it Vietnamese text turns to mojibake). */
export const utf8Bom = "\uFEFF";

type CsvValue = string | number | null | undefined;

// A text cell starting with one of these is run as a formula by spreadsheet programs (CSV injection): an
// organisation could name itself "=HYPERLINK(…)". Such text gets a leading apostrophe, which Excel hides.
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled.
 * @example csvField('Trường "A", Biên Hòa') // '"Trường ""A"", Biên Hòa"'
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A whole CSV document: UTF-8 byte-order mark, comma-separated fields, CRLF line ends (what Excel expects).
 * @example toCsv([["Lĩnh vực", "Thực tập"], ["Phần mềm", 12]]) // "\uFEFFLĩnh vực,Thực tập\r\nPhần mềm,12\r\n"
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return `${utf8Bom}${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
