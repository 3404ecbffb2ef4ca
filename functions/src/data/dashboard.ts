import {
  buildDashboardTables,
  buildDashboardTablesFromRollups,
  currentBucket,
  type Dashboard,
  type DashboardTableId,
  noValue,
  type OrganisationNames,
  parseCellKey,
  rollupUniversities,
  type Selection,
  slicesRead,
  type TargetRow,
  tablesFor,
} from "@ketnoi/core";
import { bucketCells } from "./dashboard-cells";
import { bucketRollups, rollupsComplete } from "./dashboard-rollups";
import { getOrganisations } from "./organisations";
import { listTargets } from "./targets";

/** The tables and the schools whose names they show, from the roll-ups or (a table without them) the counters. */
type TablesOf = (names: OrganisationNames, targets: readonly TargetRow[]) => Dashboard["tables"];

/**
 * Every view reads its roll-ups (core dashboard/rollups.ts, data/dashboard-rollups.ts: one or two slices — a
 * university's people counts beside the province's listing counts — of the year and, for views with the skills
 * table, of `now`; a few hundred items per slice whatever the province's size, and no counter parsed per
 * request), once the table's roll-ups are complete. A table whose roll-ups are not built yet reads the counters.
 */
async function tablesSource(
  selection: Selection,
  only: DashboardTableId | undefined,
): Promise<{ schoolIds: Set<string>; tables: TablesOf }> {
  if (await rollupsComplete()) {
    // An organisation's tables (its funnel) are of the year only: its slices have no `now` roll-ups.
    const buckets = tablesFor(selection.scope.kind).includes("skills")
      ? [String(selection.year), currentBucket]
      : [String(selection.year)];
    const slices = slicesRead(selection);
    const rollups = (
      await Promise.all(slices.flatMap((slice) => buckets.map((bucket) => bucketRollups(bucket, slice))))
    ).flat();
    return {
      schoolIds: new Set(rollupUniversities(rollups, selection)),
      tables: (names, targets) => buildDashboardTablesFromRollups({ selection, rollups, targets, names, only }),
    };
  }
  const [yearCells, currentCells] = await Promise.all([
    bucketCells(String(selection.year)),
    bucketCells(currentBucket),
  ]);
  const cells = [...yearCells, ...currentCells];
  return {
    schoolIds: new Set(cells.map((c) => parseCellKey(c.key).universityId).filter((id) => id !== noValue)),
    tables: (names, targets) => buildDashboardTables({ selection, cells, targets, names, only }),
  };
}

/**
 * A dashboard as its viewer may see it: the year's and the current roll-ups or counters (this process's read
 * models: nothing aggregate read per request once loaded), the year's targets (one Query) and the names of the
 * schools in the rows (one batch read), rolled up and perturbed by core. Never a scan, whatever the table size.
 */
export async function loadDashboard(selection: Selection, only?: DashboardTableId): Promise<Dashboard> {
  const [targets, source] = await Promise.all([listTargets(selection.year), tablesSource(selection, only)]);
  const schoolIds = source.schoolIds;
  for (const t of targets) if (t.universityId) schoolIds.add(t.universityId);
  if (selection.scope.id) schoolIds.add(selection.scope.id);
  const organisations = await getOrganisations([...schoolIds]);
  const names = Object.fromEntries([...organisations].map(([id, org]) => [id, org.name]));
  const scopeName = selection.scope.id ? organisations.get(selection.scope.id)?.name : undefined;
  return {
    year: selection.year,
    scope: {
      kind: selection.scope.kind,
      id: selection.scope.id,
      name: scopeName ? { vi: scopeName.vi, en: scopeName.en ?? scopeName.vi } : null,
    },
    filters: { field: selection.filters.field ?? null, universityId: selection.filters.universityId ?? null },
    generatedAt: new Date().toISOString(),
    tables: source.tables(names, targets),
  };
}
