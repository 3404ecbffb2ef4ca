import { type Cell, currentBucket, noValue, parseCellKey } from "./cells";
import type { FieldOrOther } from "./fields";
import type { Metric } from "./metrics";
import type { DashboardScopeKind } from "./schemas";

/** A stored counter: its cell key and count. */
export interface CellCount {
  key: string;
  count: number;
}

/** A counter with its dimensions parsed. */
export type CountedCell = Cell & { count: number };

/** Whose numbers, and which filters. */
export interface Selection {
  year: number;
  scope: { kind: DashboardScopeKind; id: string | null };
  filters: { field?: FieldOrOther | undefined; universityId?: string | undefined };
}

// Listings are public and belong to no university: a university scope or filter does not narrow them.
const listingMetrics = new Set<Metric>(["published", "demand"]);

/**
 * The counters a selection reads: the year's cells and the current skills cells, narrowed to the scope and
 * filters. A university (scope or filter) keeps only its students' counts; an organisation only its listings'.
 */
export function selectCells(cells: readonly CellCount[], selection: Selection): CountedCell[] {
  const { scope, filters } = selection;
  const year = String(selection.year);
  const universityId = scope.kind === "university" ? scope.id : filters.universityId;
  return cells.flatMap(({ key, count }) => {
    const cell = parseCellKey(key);
    if (count === 0 || (cell.bucket !== year && cell.bucket !== currentBucket)) return [];
    if (filters.field && cell.field !== filters.field) return [];
    if (universityId && !listingMetrics.has(cell.metric) && cell.universityId !== universityId) return [];
    if (scope.kind === "organisation" && cell.orgId !== scope.id) return [];
    return [{ ...cell, count }];
  });
}

/**
 * Sums one metric's counts by a dimension of the cell.
 * @example sumBy(cells, "internships", (c) => c.field).get("software") // 12
 */
export function sumBy(cells: readonly CountedCell[], metric: Metric, by: (cell: Cell) => string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const cell of cells) {
    if (cell.metric !== metric) continue;
    const key = by(cell);
    sums.set(key, (sums.get(key) ?? 0) + cell.count);
  }
  return sums;
}

/** The distinct values a dimension takes among cells of the given metrics (the rows a table needs). */
export function valuesOf(cells: readonly CountedCell[], metrics: readonly Metric[], by: (cell: Cell) => string) {
  const seen = new Set<string>();
  for (const cell of cells) if (metrics.includes(cell.metric)) seen.add(by(cell));
  return [...seen].sort((a, b) => Number(a === noValue) - Number(b === noValue) || a.localeCompare(b));
}
