import type { Bilingual } from "./labels";
import { totalLabel } from "./labels";
import { addKeyed, type KeyedCount, noRecords, publishedCount } from "./perturbation";
import type { DashboardTable, DashboardTableId, TableCell } from "./schemas";

/** A column of counts: people (perturbed by the cell-key method) or listings (public, shown as they are). */
export interface CountColumn {
  key: string;
  label: Bilingual;
  kind: "people" | "listings";
}

/** What a count table is made of, before perturbation. */
export interface CountTableSpec {
  id: DashboardTableId;
  title: Bilingual;
  rowHeader: Bilingual;
  rows: ReadonlyArray<{ key: string; label: Bilingual }>;
  columns: readonly CountColumn[];
  count: (rowKey: string, columnKey: string) => KeyedCount;
  /** Adds a total row: each column's records as one cell of their own, perturbed as such. */
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
 * Builds a table of counts as every viewer sees it: each people cell — the total too, as the cell of all the
 * rows' records — shows its perturbed count (perturbation.ts), listing columns stay exact, and a percentage of
 * target is taken of the shown count (a percentage of the true one would give the true count back).
 */
export function countTable(spec: CountTableSpec): DashboardTable {
  const columns: DashboardTable["columns"] = spec.columns.flatMap((c) =>
    c.kind === "people" && spec.target
      ? [
          c,
          { key: `${c.key}Target`, label: targetLabel(c.label), kind: "target" as const },
          { key: `${c.key}Percent`, label: percentLabel(c.label), kind: "percent" as const },
        ]
      : [c],
  );
  const cellOf = (rowKey: string | null, columnKey: string) =>
    rowKey === null
      ? spec.rows.reduce((sum, r) => addKeyed(sum, spec.count(r.key, columnKey)), noRecords)
      : spec.count(rowKey, columnKey);
  const cellsOf = (rowKey: string | null): TableCell[] =>
    spec.columns.flatMap((c): TableCell[] => {
      const cell = cellOf(rowKey, c.key);
      if (c.kind === "listings") return [cell.count];
      const shown = publishedCount(cell);
      if (!spec.target) return [shown];
      const target = spec.target(rowKey, c.key);
      return [shown, target ?? null, target ? Math.round((shown / target) * 100) : null];
    });
  return {
    id: spec.id,
    title: spec.title,
    rowHeader: spec.rowHeader,
    columns,
    rows: spec.rows.map((row) => ({ key: row.key, label: row.label, cells: cellsOf(row.key) })),
    total: spec.total ? { label: totalLabel, cells: cellsOf(null) } : null,
  };
}
