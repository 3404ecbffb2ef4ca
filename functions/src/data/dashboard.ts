import {
  buildDashboardTables,
  currentBucket,
  type Dashboard,
  type DashboardTableId,
  noValue,
  parseCellKey,
  type Selection,
} from "@ketnoi/core";
import { bucketCells } from "./dashboard-cells";
import { getOrganisations } from "./organisations";
import { listTargets } from "./targets";

/**
 * A dashboard as its viewer may see it: the year's and the current counters (this process's read model,
 * data/dashboard-cells.ts: no counter read per request once loaded), the year's targets (one Query) and the names of the schools in the rows (one batch read), rolled up and perturbed by core.
 * Never a scan, whatever the table size.
 */
export async function loadDashboard(selection: Selection, only?: DashboardTableId): Promise<Dashboard> {
  const [yearCells, currentCells, targets] = await Promise.all([
    bucketCells(String(selection.year)),
    bucketCells(currentBucket),
    listTargets(selection.year),
  ]);
  const cells = [...yearCells, ...currentCells];
  const schoolIds = new Set(cells.map((c) => parseCellKey(c.key).universityId).filter((id) => id !== noValue));
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
    tables: buildDashboardTables({ selection, cells, targets, names, only }),
  };
}
