import type { Bilingual } from "./labels";
import { totalLabel } from "./labels";
import type { DashboardTable, DashboardTableId, TableCell } from "./schemas";
import { displayCount, suppressTable } from "./suppression";

/** A column of counts: people (suppressed) or listings (public, shown as they are). */
export interface CountColumn {
  key: string;
  label: Bilingual;
  kind: "people" | "listings";
}

/** What a count table is made of, before suppression. */
export interface CountTableSpec {
  id: DashboardTableId;
  title: Bilingual;
  rowHeader: Bilingual;
  rows: ReadonlyArray<{ key: string; label: Bilingual }>;
  columns: readonly CountColumn[];
  count: (rowKey: string, columnKey: string) => number;
  /** Adds a total row (each column's sum), which suppression then protects too. */
  total: boolean;
  /** A target per row (`null`: the total row) and people column: adds "target" and "% of target" after it. */
  target?: (rowKey: string | null, columnKey: string) => number | undefined;
}

const targetLabel = (label: Bilingual): Bilingual => ({ vi: `${label.vi} — chỉ tiêu`, en: `${label.en} — target` });
const percentLabel = (label: Bilingual): Bilingual => ({
  vi: `${label.vi} — % chỉ tiêu`,
  en: `${label.en} — % of target`,
});

/**
 * Builds a table of counts as every viewer sees it: people columns go through small-cell suppression (with the
 * total row, so no hidden cell can be recovered by subtraction), listing columns stay exact, and a percentage
 * of target is shown only where its count is.
 */
export function countTable(spec: CountTableSpec): DashboardTable {
  const people = spec.columns.filter((c) => c.kind === "people");
  const grid = suppressTable(
    spec.rows.map((row) => people.map((c) => spec.count(row.key, c.key))),
    { rowTotals: false, columnTotals: spec.total },
  );
  const columns: DashboardTable["columns"] = spec.columns.flatMap((c) =>
    c.kind === "people" && spec.target
      ? [
          c,
          { key: `${c.key}Target`, label: targetLabel(c.label), kind: "target" as const },
          { key: `${c.key}Percent`, label: percentLabel(c.label), kind: "percent" as const },
        ]
      : [c],
  );
  const cellsOf = (rowIndex: number, rowKey: string | null): TableCell[] =>
    spec.columns.flatMap((c): TableCell[] => {
      if (c.kind === "listings") {
        const value =
          rowKey === null ? spec.rows.reduce((s, r) => s + spec.count(r.key, c.key), 0) : spec.count(rowKey, c.key);
        return [value];
      }
      const j = people.indexOf(c);
      const value = grid.values[rowIndex]![j]!;
      const hidden = grid.hidden[rowIndex]![j];
      const shown = displayCount(value, hidden);
      if (!spec.target) return [shown];
      const target = spec.target(rowKey, c.key);
      const percent = target && !hidden ? Math.round((value / target) * 100) : null;
      return [shown, target ?? null, percent];
    });
  return {
    id: spec.id,
    title: spec.title,
    rowHeader: spec.rowHeader,
    columns,
    rows: spec.rows.map((row, i) => ({ key: row.key, label: row.label, cells: cellsOf(i, row.key) })),
    total: spec.total ? { label: totalLabel, cells: cellsOf(spec.rows.length, null) } : null,
  };
}
