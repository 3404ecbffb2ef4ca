import { type Cell, currentBucket, noValue, parseCellKey } from "./cells";
import type { FieldOrOther } from "./fields";
import type { OrganisationNames } from "./labels";
import type { Metric } from "./metrics";
import type { CellCount, CountedCell, Selection } from "./rollup";
import type { DashboardTable, DashboardTableId } from "./schemas";
import type { TableContext, TargetRow } from "./tables";

/**
 * Roll-ups: the counters summed per bucket × slice × table dimension × value × metric, kept by the aggregator in
 * the same transaction as the counters (functions/src/aggregates/apply.ts). A dashboard table only ever sums
 * counters by one dimension (field, university, park, commune or month; skill for the `now` bucket), and a
 * count and its records' key sum both add, so a roll-up holds exactly the `count` and `keySum` the table's row
 * would sum from the counters: the cell-key perturbation read from it is the same number. A year's roll-ups are a
 * few hundred items whatever the province's size (one per row and metric, per slice), against ~118,000 counters.
 *
 * A slice is the set of counters a view reads: `all` (the province, no filter) and `field:<id>` (the province
 * filtered to a field). University scopes and filters (which narrow people counts but not listing counts) and
 * organisation scopes are not rolled up: those views read the counters (`boundedSlice` says which).
 */
export type RollupDimension = "field" | "university" | "park" | "commune" | "month" | "skill";

/**
 * A stored roll-up: its bucket (a year or `now`), key `slice|dimension|value|metric`, count and key sum. Each bucket
 * and slice is one partition (`rollupSliceOf`), so a view reads only its own slice's few hundred items.
 */
export interface RollupCount {
  bucket: string;
  key: string;
  count: number;
  keySum: number;
}

/**
 * The slice a roll-up key belongs to.
 * @example rollupSliceOf("field:ai|month|3|applied") // "field:ai"
 */
export function rollupSliceOf(rollupKey: string): string {
  return rollupKey.slice(0, rollupKey.indexOf("|"));
}

const yearDimensions = [
  ["field", (c: Cell) => c.field],
  ["university", (c: Cell) => c.universityId],
  ["park", (c: Cell) => c.parkId],
  ["commune", (c: Cell) => c.communeId],
  ["month", (c: Cell) => String(c.month)],
] as const;
const nowDimensions = [["skill", (c: Cell) => c.skillId]] as const;

/**
 * The roll-up keys a counter adds to (its bucket is the counter's): per slice it belongs to (`all`, and its
 * field's), one per dimension the bucket's tables sum by.
 * @example rollupKeysOf("2026|applied|03|software|lhu|-|p-tran-bien|o1|-")
 * // ["all|field|software|applied", …, "field:software|month|3|applied"] (10 keys)
 */
export function rollupKeysOf(cellKey: string): string[] {
  const cell = parseCellKey(cellKey);
  const dimensions = cell.bucket === currentBucket ? nowDimensions : yearDimensions;
  const keys: string[] = [];
  for (const slice of ["all", `field:${cell.field}`]) {
    for (const [dimension, value] of dimensions) keys.push(`${slice}|${dimension}|${value(cell)}|${cell.metric}`);
  }
  return keys;
}

/**
 * What changes to counters add to the roll-ups, summed per roll-up (a transaction may not touch one item twice).
 * Applied to every counter of a table, it is the table's roll-ups (reconciliation and the seed use it so).
 * @example rollUp([{ key: "2026|applied|03|software|lhu|-|-|o1|-", count: 1, keySum: 7 }]).get("2026/all|month|3|applied")
 * // { bucket: "2026", key: "all|month|3|applied", count: 1, keySum: 7 }
 */
export function rollUp(changes: Iterable<CellCount>): Map<string, RollupCount> {
  const sums = new Map<string, RollupCount>();
  for (const { key, count, keySum = 0 } of changes) {
    if (count === 0 && keySum === 0) continue;
    const bucket = key.slice(0, key.indexOf("|"));
    for (const rollupKey of rollupKeysOf(key)) {
      const id = `${bucket}/${rollupKey}`;
      const sum = sums.get(id);
      if (sum) {
        sum.count += count;
        sum.keySum += keySum;
      } else sums.set(id, { bucket, key: rollupKey, count, keySum });
    }
  }
  return sums;
}

/**
 * The slice a selection's tables can be built from, or `null` when its view reads the counters: a university
 * (scope or filter) narrows people counts but not listing counts, and an organisation's funnel its own listings.
 * @example boundedSlice({ year: 2026, scope: { kind: "province", id: null }, filters: {} }) // "all"
 */
export function boundedSlice(selection: Selection): string | null {
  if (selection.scope.kind !== "province" || selection.filters.universityId) return null;
  return selection.filters.field ? `field:${selection.filters.field}` : "all";
}

/** The dimension each table sums by. */
const tableDimension: Record<DashboardTableId, RollupDimension> = {
  byField: "field",
  byUniversity: "university",
  byPark: "park",
  byCommune: "commune",
  byMonth: "month",
  funnel: "field",
  funnelByMonth: "month",
  skills: "skill",
};

/** A roll-up as a counter of its dimension's value, every other dimension `-`: what the table builders sum. */
function asCell(bucket: string, dimension: RollupDimension, value: string, metric: Metric, r: RollupCount) {
  const cell: CountedCell = {
    bucket,
    metric,
    month: dimension === "month" ? Number(value) : 0,
    field: (dimension === "field" ? value : noValue) as FieldOrOther,
    universityId: dimension === "university" ? value : noValue,
    parkId: dimension === "park" ? value : noValue,
    communeId: dimension === "commune" ? value : noValue,
    orgId: noValue,
    skillId: dimension === "skill" ? value : noValue,
    count: r.count,
    keySum: r.keySum,
  };
  return cell;
}

/**
 * The cells per dimension of one slice, from the roll-ups of the selection's year and `now`. Empty roll-ups are
 * left out as `selectCells` leaves out empty counters (counts never go below 0, so a roll-up is 0 exactly when
 * all its counters are).
 */
export function rollupCells(rollups: readonly RollupCount[], slice: string): Map<RollupDimension, CountedCell[]> {
  const byDimension = new Map<RollupDimension, CountedCell[]>();
  const prefix = `${slice}|`;
  for (const r of rollups) {
    if (r.count === 0 || !r.key.startsWith(prefix)) continue;
    const [dimension, value, metric] = r.key.slice(prefix.length).split("|") as [RollupDimension, string, Metric];
    const list = byDimension.get(dimension) ?? [];
    list.push(asCell(r.bucket, dimension, value, metric, r));
    byDimension.set(dimension, list);
  }
  return byDimension;
}

/** The university ids a slice's roll-ups name (the rows whose names a dashboard reads). */
export function rollupUniversities(rollups: readonly RollupCount[], slice: string): string[] {
  const ids = (rollupCells(rollups, slice).get("university") ?? []).map((c) => c.universityId);
  return [...new Set(ids)].filter((id) => id !== noValue);
}

/** The tables of `buildDashboardTablesFromRollups` (build.ts), given the table builders. */
export function tablesFromRollups(
  input: {
    selection: Selection;
    rollups: readonly RollupCount[];
    targets: readonly TargetRow[];
    names: OrganisationNames;
    only?: DashboardTableId | undefined;
  },
  builders: Record<DashboardTableId, (ctx: TableContext) => DashboardTable>,
  ids: readonly DashboardTableId[],
): DashboardTable[] {
  const slice = boundedSlice(input.selection);
  if (!slice) throw new Error("dashboard roll-ups: this selection reads the counters");
  const cells = rollupCells(input.rollups, slice);
  return ids
    .filter((id) => !input.only || id === input.only)
    .map((id) => builders[id]({ ...input, cells: cells.get(tableDimension[id]) ?? [] }));
}
