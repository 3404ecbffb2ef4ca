import { communes, industrialParks } from "../places";
import { noValue } from "./cells";
import { type FieldOrOther, workforceFieldIds } from "./fields";
import { type Bilingual, type OrganisationNames, rowLabel } from "./labels";
import { funnelStages, metricLabels, metricUnit, type TargetMetric, targetMetrics } from "./metrics";
import { addKeyed, type KeyedCount, noRecords } from "./perturbation";
import { type CountedCell, type Selection, valuesOf } from "./rollup";
import type { DashboardTable, TargetCounts } from "./schemas";
import { type CountColumn, countTable } from "./table";
import { dashboardTableTitles } from "./table-titles";

/** A target as the tables need it. */
export interface TargetRow {
  field: FieldOrOther;
  universityId: string | null;
  counts: TargetCounts;
}

const progressColumns: CountColumn[] = targetMetrics.map((m) => ({ key: m, label: metricLabels[m], kind: "people" }));
const funnelColumns: CountColumn[] = funnelStages.map((s) => ({ key: s, label: metricLabels[s], kind: metricUnit[s] }));
const months = Array.from({ length: 12 }, (_, i) => i + 1);
const fieldRows = [...workforceFieldIds, "other"] as const;

/** Counts and key sums per row and metric: each table cell knows its records' key sum, as its count. */
const keyed = (cells: readonly CountedCell[], by: (c: CountedCell) => string) => {
  const sums = new Map<string, KeyedCount>();
  for (const c of cells) {
    const key = `${by(c)}/${c.metric}`;
    sums.set(key, addKeyed(sums.get(key) ?? noRecords, c));
  }
  return (row: string, metric: string) => sums.get(`${row}/${metric}`) ?? noRecords;
};

/** Sums targets matching a predicate, per metric (undefined when no target matches). */
function targetSum(targets: readonly TargetRow[], match: (t: TargetRow) => boolean) {
  const matching = targets.filter(match);
  return (metric: string) =>
    matching.length === 0 ? undefined : matching.reduce((s, t) => s + t.counts[metric as TargetMetric], 0);
}

/** Context shared by the tables of one dashboard. */
export interface TableContext {
  selection: Selection;
  cells: readonly CountedCell[];
  targets: readonly TargetRow[];
  names: OrganisationNames;
}

const yearCells = (ctx: TableContext) => ctx.cells.filter((c) => c.bucket === String(ctx.selection.year));
/** The university the numbers are narrowed to (scope or filter), whose own targets then apply. */
const focusUniversity = (ctx: TableContext) =>
  ctx.selection.scope.kind === "university" ? ctx.selection.scope.id : (ctx.selection.filters.universityId ?? null);
const shownFields = (ctx: TableContext) =>
  fieldRows.filter((f) => !ctx.selection.filters.field || f === ctx.selection.filters.field);

/** Progress per field against the year's targets (province-wide, or the focused university's). */
export function progressByField(ctx: TableContext): DashboardTable {
  const count = keyed(yearCells(ctx), (c) => c.field);
  const university = focusUniversity(ctx);
  const fields = shownFields(ctx);
  return countTable({
    id: "byField",
    title: dashboardTableTitles.byField,
    rowHeader: { vi: "Lĩnh vực", en: "Field" },
    rows: fields.map((f) => ({ key: f, label: rowLabel.field(f) })),
    columns: progressColumns,
    count,
    total: true,
    target: (row, metric) =>
      targetSum(
        ctx.targets,
        (t) => t.universityId === university && (row === null ? fields.includes(t.field) : t.field === row),
      )(metric),
  });
}

/** Progress per university against the universities' own targets (summed over the shown fields). */
export function progressByUniversity(ctx: TableContext): DashboardTable {
  const cells = yearCells(ctx).filter((c) => metricUnit[c.metric] === "people");
  const count = keyed(cells, (c) => c.universityId);
  const fields = shownFields(ctx);
  const targeted = ctx.targets.filter((t) => t.universityId !== null && fields.includes(t.field));
  const ids = [
    ...new Set([...valuesOf(cells, targetMetrics, (c) => c.universityId), ...targeted.map((t) => t.universityId!)]),
  ];
  const focus = focusUniversity(ctx);
  const rows = ids.filter((id) => !focus || id === focus);
  return countTable({
    id: "byUniversity",
    title: dashboardTableTitles.byUniversity,
    rowHeader: { vi: "Trường", en: "University" },
    rows: rows.map((id) => ({ key: id, label: rowLabel.university(id, ctx.names) })),
    columns: progressColumns,
    count,
    total: true,
    target: (row, metric) =>
      targetSum(targeted, (t) => (row === null ? rows.includes(t.universityId!) : t.universityId === row))(metric),
  });
}

function byDimension(
  ctx: TableContext,
  spec: { id: "byPark" | "byCommune"; title: Bilingual; rowHeader: Bilingual; ids: readonly string[] },
  by: (c: CountedCell) => string,
  label: (id: string) => Bilingual,
): DashboardTable {
  return countTable({
    ...spec,
    rows: spec.ids.map((id) => ({ key: id, label: label(id) })),
    columns: progressColumns,
    count: keyed(yearCells(ctx), by),
    total: true,
  });
}

/** Progress per industrial park (where the listing is), parks without any count included as zeros. */
export const progressByPark = (ctx: TableContext) =>
  byDimension(
    ctx,
    {
      id: "byPark",
      title: dashboardTableTitles.byPark,
      rowHeader: { vi: "Khu công nghiệp", en: "Industrial park" },
      ids: [...industrialParks.map((p) => p.id), noValue],
    },
    (c) => c.parkId,
    rowLabel.park,
  );

/** Progress per commune or ward (two-level local government: no districts). */
export const progressByCommune = (ctx: TableContext) =>
  byDimension(
    ctx,
    {
      id: "byCommune",
      title: dashboardTableTitles.byCommune,
      rowHeader: { vi: "Xã/phường", en: "Commune/ward" },
      ids: communes.map((c) => c.id),
    },
    (c) => c.communeId,
    rowLabel.commune,
  );

/** Progress month by month: the time trend. */
export function progressByMonth(ctx: TableContext): DashboardTable {
  return countTable({
    id: "byMonth",
    title: dashboardTableTitles.byMonth,
    rowHeader: { vi: "Tháng", en: "Month" },
    rows: months.map((m) => ({ key: String(m), label: rowLabel.month(m) })),
    columns: progressColumns,
    count: keyed(yearCells(ctx), (c) => String(c.month)),
    total: true,
  });
}

/** The funnel per field: listings published → applications → offers → placements. */
export function funnelByField(ctx: TableContext): DashboardTable {
  return countTable({
    id: "funnel",
    title: dashboardTableTitles.funnel,
    rowHeader: { vi: "Lĩnh vực", en: "Field" },
    rows: shownFields(ctx).map((f) => ({ key: f, label: rowLabel.field(f) })),
    columns: funnelColumns,
    count: keyed(yearCells(ctx), (c) => c.field),
    total: true,
  });
}

/** The funnel month by month. */
export function funnelByMonth(ctx: TableContext): DashboardTable {
  return countTable({
    id: "funnelByMonth",
    title: dashboardTableTitles.funnelByMonth,
    rowHeader: { vi: "Tháng", en: "Month" },
    rows: months.map((m) => ({ key: String(m), label: rowLabel.month(m) })),
    columns: funnelColumns,
    count: keyed(yearCells(ctx), (c) => String(c.month)),
    total: true,
  });
}
