import { type Cell, currentBucket, noValue, parseCellKey } from "./cells";
import type { FieldOrOther } from "./fields";
import type { OrganisationNames } from "./labels";
import { funnelStages, type Metric } from "./metrics";
import { type CellCount, type CountedCell, listingMetrics, type Selection } from "./rollup";
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
 * A slice is the set of counters a view reads (`rollupSlicesOf` says which a view reads):
 * - `all` (the province, no filter) and `field:<id>` (the province filtered to a field): every counter;
 * - `university:<id>` and `university:<id>/field:<id>`: the people counts a school's students add (a university
 *   scope, or the province's university filter). Listing counts are not narrowed by a university, so these views
 *   read them from `all` / `field:<id>`; a university's one row is its slice's field dimension summed.
 * - `org:<id>` and `org:<id>/university:<id>`: an organisation's funnel (listings, and people counts of its
 *   listings), one roll-up per field and month (`fieldMonth`), as its two tables (funnel by field, by month) and
 *   its field filter all sum those; listing counts again from `org:<id>` when a university narrows people counts.
 */
export type RollupDimension = "field" | "university" | "park" | "commune" | "month" | "skill" | "fieldMonth";

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
/** A university slice's one university row is its field rows summed: no `university` dimension of its own. */
const universityYearDimensions = yearDimensions.filter(([dimension]) => dimension !== "university");
const nowDimensions = [["skill", (c: Cell) => c.skillId]] as const;
/** What an organisation's tables (`tablesFor("organisation")`: the funnel by field and by month) show. */
const organisationMetrics: ReadonlySet<Metric> = new Set<Metric>(funnelStages);

/**
 * The roll-up keys a counter adds to (its bucket is the counter's): per slice it belongs to (`all`, its field's,
 * for a people count its school's and its school's field's, for a funnel count of the year its organisation's and
 * its organisation's school's), one per dimension the slice's tables sum by. A counter of no school (`-`, not
 * confirmed) or of no organisation belongs to no such slice: no view names `-` (ids are `IdSchema`).
 * @example rollupKeysOf("2026|applied|03|software|lhu|-|p-tran-bien|o1|-")
 * // ["all|field|software|applied", …, "university:lhu/field:software|month|3|applied", "org:o1|fieldMonth|software.3|applied",
 * //  "org:o1/university:lhu|fieldMonth|software.3|applied"] (20 keys)
 */
export function rollupKeysOf(cellKey: string): string[] {
  const cell = parseCellKey(cellKey);
  const now = cell.bucket === currentBucket;
  const keys: string[] = [];
  const add = (slice: string, dimensions: ReadonlyArray<readonly [string, (c: Cell) => string]>) => {
    for (const [dimension, value] of dimensions) keys.push(`${slice}|${dimension}|${value(cell)}|${cell.metric}`);
  };
  for (const slice of ["all", `field:${cell.field}`]) add(slice, now ? nowDimensions : yearDimensions);
  const university =
    !listingMetrics.has(cell.metric) && cell.universityId !== noValue ? `university:${cell.universityId}` : null;
  if (university) {
    for (const slice of [university, `${university}/field:${cell.field}`]) {
      add(slice, now ? nowDimensions : universityYearDimensions);
    }
  }
  if (!now && cell.orgId !== noValue && organisationMetrics.has(cell.metric)) {
    const value = `${cell.field}.${cell.month}`;
    const organisation = `org:${cell.orgId}`;
    keys.push(`${organisation}|fieldMonth|${value}|${cell.metric}`);
    if (university) keys.push(`${organisation}/${university}|fieldMonth|${value}|${cell.metric}`);
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
 * The slices a view's tables are built from: `people` for people counts, `listings` for listing counts (the same
 * slice unless a university narrows people counts), and the field to keep when the slice does not narrow to it
 * (an organisation's, whose roll-ups carry the field). The same narrowing as `selectCells` (rollup.ts): a
 * university (scope, else filter) keeps its students' counts but every listing; an organisation its listings'.
 * @example rollupSlicesOf({ year: 2026, scope: { kind: "university", id: "lhu" }, filters: { field: "ai" } })
 * // { people: "university:lhu/field:ai", listings: "field:ai" }
 */
export function rollupSlicesOf(selection: Selection): { people: string; listings: string; field?: FieldOrOther } {
  const { scope, filters } = selection;
  const universityId = scope.kind === "university" ? scope.id : filters.universityId;
  const university = universityId ? `university:${universityId}` : null;
  if (scope.kind === "organisation") {
    const organisation = `org:${scope.id ?? noValue}`;
    return {
      people: university ? `${organisation}/${university}` : organisation,
      listings: organisation,
      ...(filters.field ? { field: filters.field } : {}),
    };
  }
  const province = filters.field ? `field:${filters.field}` : "all";
  if (!university) return { people: province, listings: province };
  return { people: filters.field ? `${university}/field:${filters.field}` : university, listings: province };
}

/** The slices a view reads (one or two partitions per bucket). */
export function slicesRead(selection: Selection): string[] {
  const { people, listings } = rollupSlicesOf(selection);
  return people === listings ? [people] : [people, listings];
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

/** The id a slice narrows a dimension to (`university:lhu/field:ai`, "university" → "lhu"), else `-`. */
function sliceId(slice: string, kind: string): string {
  const part = slice.split("/").find((p) => p.startsWith(`${kind}:`));
  return part ? part.slice(kind.length + 1) : noValue;
}

/**
 * A roll-up as a counter of its dimension's value, every other dimension `-` but the school a university slice
 * narrows to (all its counters' school): what the table builders sum.
 */
function asCell(slice: string, dimension: RollupDimension, value: string, metric: Metric, r: RollupCount) {
  const [field, month] =
    dimension === "fieldMonth"
      ? [value.slice(0, value.lastIndexOf(".")), Number(value.slice(value.lastIndexOf(".") + 1))]
      : [dimension === "field" ? value : noValue, dimension === "month" ? Number(value) : 0];
  const cell: CountedCell = {
    bucket: r.bucket,
    metric,
    month,
    field: field as FieldOrOther,
    universityId: dimension === "university" ? value : sliceId(slice, "university"),
    parkId: dimension === "park" ? value : noValue,
    communeId: dimension === "commune" ? value : noValue,
    orgId: sliceId(slice, "org"),
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
export function rollupCells(
  rollups: readonly RollupCount[],
  slice: string,
  keep: (metric: Metric) => boolean = () => true,
): Map<RollupDimension, CountedCell[]> {
  const byDimension = new Map<RollupDimension, CountedCell[]>();
  const prefix = `${slice}|`;
  for (const r of rollups) {
    if (r.count === 0 || !r.key.startsWith(prefix)) continue;
    const [dimension, value, metric] = r.key.slice(prefix.length).split("|") as [RollupDimension, string, Metric];
    if (!keep(metric)) continue;
    const list = byDimension.get(dimension) ?? [];
    list.push(asCell(slice, dimension, value, metric, r));
    byDimension.set(dimension, list);
  }
  return byDimension;
}

/**
 * The cells per dimension a view's tables read: its people slice's people counts and its listing slice's listing
 * counts (one slice for both unless a university narrows people counts), kept to its field when its slice is not.
 */
export function viewCells(rollups: readonly RollupCount[], selection: Selection): Map<RollupDimension, CountedCell[]> {
  const { people, listings, field } = rollupSlicesOf(selection);
  const cells =
    people === listings
      ? rollupCells(rollups, people)
      : mergeCells(
          rollupCells(rollups, people, (m) => !listingMetrics.has(m)),
          rollupCells(rollups, listings, (m) => listingMetrics.has(m)),
        );
  if (!field) return cells;
  return new Map([...cells].map(([dimension, list]) => [dimension, list.filter((c) => c.field === field)]));
}

function mergeCells(a: Map<RollupDimension, CountedCell[]>, b: Map<RollupDimension, CountedCell[]>) {
  const merged = new Map(a);
  for (const [dimension, list] of b) merged.set(dimension, [...(merged.get(dimension) ?? []), ...list]);
  return merged;
}

/** The university ids a view's roll-ups name (the rows whose names a dashboard reads). */
export function rollupUniversities(rollups: readonly RollupCount[], selection: Selection): string[] {
  const ids = [...viewCells(rollups, selection).values()].flat().map((c) => c.universityId);
  return [...new Set(ids)].filter((id) => id !== noValue);
}

/** The dimension each table of a view sums by: an organisation's tables its field × month roll-ups. */
function dimensionOf(id: DashboardTableId, selection: Selection): RollupDimension {
  if (selection.scope.kind === "organisation") return "fieldMonth";
  // A university slice has no university dimension: its one row is its field rows summed.
  if (id === "byUniversity" && rollupSlicesOf(selection).people.startsWith("university:")) return "field";
  return tableDimension[id];
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
  const cells = viewCells(input.rollups, input.selection);
  return ids
    .filter((id) => !input.only || id === input.only)
    .map((id) => builders[id]({ ...input, cells: cells.get(dimensionOf(id, input.selection)) ?? [] }));
}
