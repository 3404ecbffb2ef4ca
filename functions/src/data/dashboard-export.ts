import { type DashboardTable, tableFileNames, tableRows, toCsv } from "@ketnoi/core";
import type { Cell, Sheet } from "write-excel-file/node";

/** The media types of the two export formats. */
export const exportTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * A table as a CSV document (UTF-8 with BOM, Vietnamese headers), exactly the (perturbed) numbers the page shows.
 * @example csvExport(table).startsWith("\uFEFF") // true
 */
export function csvExport(table: DashboardTable): string {
  return toCsv(tableRows(table, "vi"));
}

function sheetOf(table: DashboardTable): Sheet<never> {
  const rows = tableRows(table, "vi");
  const data: Cell[][] = rows.map((row, i) =>
    row.map((value): Cell => {
      const bold = i === 0 || (table.total !== null && i === rows.length - 1);
      if (value === null) return null;
      // Numbers stay numbers (Excel can sum them); labels are text.
      return {
        value,
        type: typeof value === "number" ? Number : String,
        ...(bold ? { fontWeight: "bold" as const } : {}),
      };
    }),
  );
  return {
    data,
    sheet: tableFileNames[table.id].slice(0, 31),
    columns: rows[0]!.map((_, j) => ({ width: j === 0 ? 34 : 18 })),
    stickyRowsCount: 1,
  };
}

/**
 * Tables as an XLSX workbook, one sheet per table, with the same cells as the page and the CSV.
 * @example const bytes = await xlsxExport(tables); // a Buffer starting with "PK"
 */
export async function xlsxExport(tables: readonly DashboardTable[]): Promise<Buffer> {
  // Loaded on the first export, not at the insights function's cold start: the writer and its zip library are
  // ~77 kB of the bundle, a chunk of its split build (infra/function.ts splitEntries, issue 14).
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  return writeXlsxFile(tables.map(sheetOf)).toBuffer();
}
