import { type Cell, currentBucket, noValue, parseCellKey } from "./cells";
import type { FieldOrOther } from "./fields";
import type { Metric } from "./metrics";
import { addKeyed, type KeyedCount, noRecords } from "./perturbation";
import type { DashboardScopeKind } from "./schemas";

/**
 * A stored counter: its cell key, count and the sum of its records' keys (absent on counters written before
 * record keys existed: read as 0 until reconciliation repairs them).
 */
export interface CellCount {
  key: string;
  count: number;
  keySum?: number | undefined;
}

/** A counter with its dimensions parsed. */
export type CountedCell = Cell & KeyedCount;

/** Whose numbers, and which filters. */
export interface Selection {
  year: number;
  scope: { kind: DashboardScopeKind; id: string | null };
  filters: { field?: FieldOrOther | undefined; universityId?: string | undefined };
}

/** Listings are public and belong to no university: a university scope or filter does not narrow them. */
export const listingMetrics: ReadonlySet<Metric> = new Set<Metric>(["published", "demand"]);

/**
 * The counters a selection reads: the year's cells and the current skills cells, narrowed to the scope and
 * filters. A university (scope or filter) keeps only its students' counts; an organisation only its listings'.
 */
export function selectCells(cells: readonly CellCount[], selection: Selection): CountedCell[] {
  const { scope, filters } = selection;
  const year = String(selection.year);
  const universityId = scope.kind === "university" ? scope.id : filters.universityId;
  return cells.flatMap(({ key, count, keySum = 0 }) => {
    const cell = parseCellKey(key);
    if (count === 0 || (cell.bucket !== year && cell.bucket !== currentBucket)) return [];
    if (filters.field && cell.field !== filters.field) return [];
    if (universityId && !listingMetrics.has(cell.metric) && cell.universityId !== universityId) return [];
    if (scope.kind === "organisation" && cell.orgId !== scope.id) return [];
    return [{ ...cell, count, keySum }];
  });
}

/**
 * Sums one metric's counts (and their records' key sums) by a dimension of the cell.
 * @example sumBy(cells, "internships", (c) => c.field).get("software")?.count // 12
 */
export function sumBy(
  cells: readonly CountedCell[],
  metric: Metric,
  by: (cell: Cell) => string,
): Map<string, KeyedCount> {
  const sums = new Map<string, KeyedCount>();
  for (const cell of cells) {
    if (cell.metric !== metric) continue;
    const key = by(cell);
    sums.set(key, addKeyed(sums.get(key) ?? noRecords, cell));
  }
  return sums;
}

/** The distinct values a dimension takes among cells of the given metrics (the rows a table needs). */
export function valuesOf(cells: readonly CountedCell[], metrics: readonly Metric[], by: (cell: Cell) => string) {
  const seen = new Set<string>();
  for (const cell of cells) if (metrics.includes(cell.metric)) seen.add(by(cell));
  return [...seen].sort((a, b) => Number(a === noValue) - Number(b === noValue) || a.localeCompare(b));
}
