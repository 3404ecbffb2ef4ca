import type { OrganisationNames } from "./labels";
import { type CellCount, type Selection, selectCells } from "./rollup";
import { type RollupCount, tablesFromRollups } from "./rollups";
import type { DashboardTable, DashboardTableId, TableCell } from "./schemas";
import { skillsGap } from "./skills-gap";
import {
  funnelByField,
  funnelByMonth,
  progressByCommune,
  progressByField,
  progressByMonth,
  progressByPark,
  progressByUniversity,
  type TableContext,
  type TargetRow,
} from "./tables";

const builders: Record<DashboardTableId, (ctx: TableContext) => DashboardTable> = {
  byField: progressByField,
  byUniversity: progressByUniversity,
  byPark: progressByPark,
  byCommune: progressByCommune,
  byMonth: progressByMonth,
  funnel: funnelByField,
  funnelByMonth,
  skills: (ctx) => skillsGap(ctx.cells),
};

/**
 * Which tables a scope sees: the province everything; a university the same for its own students (its one row
 * per university would be itself); an organisation the funnel of its own listings.
 */
export function tablesFor(scope: Selection["scope"]["kind"]): DashboardTableId[] {
  if (scope === "organisation") return ["funnel", "funnelByMonth"];
  const all: DashboardTableId[] = [
    "byField",
    "byUniversity",
    "byPark",
    "byCommune",
    "byMonth",
    "funnel",
    "funnelByMonth",
    "skills",
  ];
  return scope === "university" ? all.filter((id) => id !== "byUniversity") : all;
}

/**
 * Builds a dashboard's tables from the stored counters: selects the scope's cells, rolls them up per table and
 * perturbs people counts (cell-key method). Pure: the API, the exports and the tests all call this one function.
 * @example buildDashboardTables({ selection, cells, targets: [], names: {} }).map((t) => t.id)
 */
export function buildDashboardTables(input: {
  selection: Selection;
  cells: readonly CellCount[];
  targets: readonly TargetRow[];
  names: OrganisationNames;
  only?: DashboardTableId | undefined;
}): DashboardTable[] {
  const ctx: TableContext = { ...input, cells: selectCells(input.cells, input.selection) };
  const ids = tablesFor(input.selection.scope.kind).filter((id) => !input.only || id === input.only);
  return ids.map((id) => builders[id](ctx));
}

/**
 * Builds a dashboard's tables from the roll-ups of the selection's year and of `now` (rollups.ts: the slices
 * `slicesRead` names, for every scope and filter): each table reads its dimension's roll-ups, so the published numbers, the suppression of
 * small counts and the totals (the rows' records as one cell) are those `buildDashboardTables` gives from the
 * counters — a few hundred items instead of every counter of the year.
 */
export function buildDashboardTablesFromRollups(input: {
  selection: Selection;
  rollups: readonly RollupCount[];
  targets: readonly TargetRow[];
  names: OrganisationNames;
  only?: DashboardTableId | undefined;
}): DashboardTable[] {
  return tablesFromRollups(input, builders, tablesFor(input.selection.scope.kind));
}

/** File and sheet names of each table (ASCII, Vietnamese words without diacritics). */
export const tableFileNames: Record<DashboardTableId, string> = {
  byField: "tien-do-theo-linh-vuc",
  byUniversity: "tien-do-theo-truong",
  byPark: "theo-khu-cong-nghiep",
  byCommune: "theo-xa-phuong",
  byMonth: "theo-thang",
  funnel: "pheu-tuyen-dung",
  funnelByMonth: "pheu-theo-thang",
  skills: "khoang-cach-ky-nang",
};

/**
 * A table as spreadsheet rows in one language: a header row, the rows, the total row. The same perturbed cells
 * the page shows, so an export holds exactly the numbers on the screen.
 * @example tableRows(table, "vi")[0] // ["Lĩnh vực", "Thực tập (số SV được nhận)", …]
 */
export function tableRows(table: DashboardTable, lang: "vi" | "en" = "vi"): Array<Array<string | TableCell>> {
  return [
    [table.rowHeader[lang], ...table.columns.map((c) => c.label[lang])],
    ...table.rows.map((row) => [row.label[lang], ...row.cells]),
    ...(table.total ? [[table.total.label[lang], ...table.total.cells]] : []),
  ];
}
