/**
 * The province dashboard's read before (every counter of the year and `now`, rolled up per request) and after (the
 * roll-ups, core dashboard/rollups.ts) against the province's size (issue 13: at province scale its first request
 * did not finish in 60 s). `npx tsx scripts/bench/dashboard-rollup.ts [--students N ...] [--no-db]` generates
 * province-shaped data (`generateProvinceData`: N students, N/50 organisations, N/5 listings, 3N applications),
 * derives the counters exactly as the seed writes them (`recompute`, as `writeSeedAggregates`) and their roll-ups
 * (`rollUp`, as the seed and the aggregator), then for the province officer's default view (this year, no filter):
 * - in memory: `buildDashboardTables` on the counters (old) and `buildDashboardTablesFromRollups` on the roll-ups
 *   (new), min / median of 5, and the tables must be equal;
 * - through the data layer (`loadDashboard`, unless `--no-db`): the year's and `now`'s counters and roll-ups written
 *   to an in-memory DynamoDB Local, the first request of a fresh read model (it reads the counters' or roll-ups'
 *   partitions: commands and items) and the median of 5 warm ones, new path (the roll-up marker) then old (none).
 * One JSON line per N and view; `ratio` = new ÷ old. `--view NAME` (repeatable; default `province`) picks the view:
 * `province`, `field` (semiconductors), `university-filter` (the province filtered to the school with the most
 * counters), `university` (that school's staff), `university-field`, `organisation` (the organisation with the most
 * counters), `organisation-university` (its funnel for that school's students).
 */
import { isDeepStrictEqual } from "node:util";
import {
  buildDashboardTables,
  buildDashboardTablesFromRollups,
  type CellCount,
  currentBucket,
  parseCellKey,
  type RollupCount,
  rollUp,
  rollupSliceOf,
  type Selection,
  selectCells,
  slicesRead,
} from "@ketnoi/core";
import { recompute } from "@ketnoi/functions/aggregates/reconcile";
import { loadDashboard } from "@ketnoi/functions/data/dashboard";
import { forgetDashboardCells } from "@ketnoi/functions/data/dashboard-cells";
import { dashboardReads, rollupsCompleteKey } from "@ketnoi/functions/data/dashboard-rollups";
import { totalDbCalls } from "@ketnoi/functions/db/call-counter";
import { db } from "@ketnoi/functions/db/service";
import { useLocalConfig } from "@ketnoi/functions/local/config";
import { startDynamoLocal } from "@ketnoi/functions/local/dynamodb-local";
import { freePort } from "@ketnoi/functions/local/ports";
import { ensureTable } from "@ketnoi/functions/local/tables";
import { putAll } from "@ketnoi/functions/seed/batch";
import { generateProvinceData } from "@ketnoi/functions/seed/province-data";

const sizes = process.argv
  .flatMap((arg, i) => (process.argv[i - 1] === "--students" ? [Number(arg)] : []))
  .filter((n) => n > 0);
// A table only for the record-key secret (the counters' key sums are keyed by it, as in the seed).
const useDb = !process.argv.includes("--no-db");
const dynamo = await startDynamoLocal({ port: await freePort(), inMemory: true, heapMb: 2048 });
useLocalConfig({ endpoint: dynamo.endpoint, tableName: "dashboard-rollup", apiUrl: "http://127.0.0.1:1" });
await ensureTable(dynamo.endpoint, "dashboard-rollup", { stream: false });
const year = new Date().getFullYear();
/** Seconds the last size's counters and roll-ups took to write. */
let writeS = 0;
const viewNames = process.argv.flatMap((arg, i) => (process.argv[i - 1] === "--view" ? [arg] : []));

/** The selection of a named view, its school and organisation the ones with the most counters. */
function selectionOf(view: string, cells: readonly CellCount[]): Selection {
  const most = (of: (key: string) => string) => {
    const n = new Map<string, number>();
    for (const c of cells) {
      const id = of(c.key);
      if (id !== "-") n.set(id, (n.get(id) ?? 0) + 1);
    }
    return [...n].sort((a, b) => b[1] - a[1])[0]![0];
  };
  const university = most((k) => parseCellKey(k).universityId);
  const org = most((k) => parseCellKey(k).orgId);
  const province = { kind: "province" as const, id: null };
  const views: Record<string, Selection> = {
    province: { year, scope: province, filters: {} },
    field: { year, scope: province, filters: { field: "semiconductors" } },
    "university-filter": { year, scope: province, filters: { universityId: university } },
    university: { year, scope: { kind: "university", id: university }, filters: {} },
    "university-field": { year, scope: { kind: "university", id: university }, filters: { field: "semiconductors" } },
    organisation: { year, scope: { kind: "organisation", id: org }, filters: {} },
    "organisation-university": {
      year,
      scope: { kind: "organisation", id: org },
      filters: { universityId: university },
    },
  };
  const selection = views[view];
  if (!selection) throw new Error(`unknown --view ${view}: ${Object.keys(views).join(", ")}`);
  return selection;
}

for (const students of sizes.length > 0 ? sizes : [1_000, 10_000, 100_000]) {
  const scale = { students, organisations: students / 50, listings: students / 5, applications: students * 3 };
  const data = generateProvinceData(scale);
  const { expected } = await recompute(
    new Map([
      ["listing", data.listings as never],
      ["student", data.students as never],
      ["application", data.applications as never],
      ["booking", data.bookings as never],
    ]),
  );
  const all: CellCount[] = [...expected.entries()]
    .filter(([, sum]) => sum.count !== 0 || sum.keySum !== 0)
    .map(([key, sum]) => ({ key, count: sum.count, keySum: sum.keySum }));
  // What the read model holds: the year's bucket and `now` (dashboard-cells.ts).
  const cells = all.filter((c) => {
    const bucket = parseCellKey(c.key).bucket;
    return bucket === String(year) || bucket === currentBucket;
  });
  const rollups = [...rollUp(cells).values()];
  if (useDb) await writeAggregates(cells, rollups);
  for (const view of viewNames.length > 0 ? viewNames : ["province"]) {
    await measureView(view, students, all, cells, rollups);
  }
}

async function measureView(
  view: string,
  students: number,
  all: readonly CellCount[],
  cells: CellCount[],
  rollups: RollupCount[],
) {
  const selection = selectionOf(view, cells);
  // The stored item (pk/sk and ElectroDB's attributes included) is ~2× the key; the key alone is a lower bound.
  const storedBytes = cells.reduce((n, c) => n + 2 * c.key.length + 60, 0);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const tables = buildDashboardTables({ selection, cells, targets: [], names: {} });
    times.push(performance.now() - start);
    rows = tables.reduce((n, t) => n + t.rows.length + (t.total ? 1 : 0), 0);
  }
  times.sort((a, b) => a - b);
  // The part of it that parses every counter's key and keeps the selection's (selectCells), per request.
  const selectStart = performance.now();
  selectCells(cells, selection);
  const selectMs = Math.round(performance.now() - selectStart);

  // The roll-ups of the same counters, as the read model holds them (year and `now`), and the tables built from them.
  const oldTables = buildDashboardTables({ selection, cells, targets: [], names: {} });
  const rollupTimes: number[] = [];
  let equal = false;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const tables = buildDashboardTablesFromRollups({ selection, rollups, targets: [], names: {} });
    rollupTimes.push(performance.now() - start);
    equal = isDeepStrictEqual(tables, oldTables);
  }
  rollupTimes.sort((a, b) => a - b);
  const memory = {
    oldMsMin: Number(times[0]!.toFixed(1)),
    oldMsMedian: Number(times[2]!.toFixed(1)),
    newMsMin: Number(rollupTimes[0]!.toFixed(2)),
    newMsMedian: Number(rollupTimes[2]!.toFixed(2)),
    ratioMedian: Number((rollupTimes[2]! / times[2]!).toFixed(4)),
    tablesEqual: equal,
  };
  const stored = useDb ? await throughTheDataLayer(selection) : undefined;
  const read = new Set(slicesRead(selection));
  console.log(
    JSON.stringify({
      view,
      selection: { scope: selection.scope, filters: selection.filters },
      students,
      cellsRead: cells.length,
      cellsAllBuckets: all.length,
      rollupsAllSlices: rollups.length,
      rollupsOfView: rollups.filter((r) => read.has(rollupSliceOf(r.key))).length,
      approxStoredMb: Number((storedBytes / 1e6).toFixed(1)),
      rowsShown: rows,
      rollupMsMin: Math.round(times[0]!),
      rollupMsMedian: Math.round(times[2]!),
      selectMs,
      memory,
      ...(stored ? { db: stored } : {}),
      heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
      loadAverage: (await import("node:os")).loadavg().map((n) => Number(n.toFixed(2))),
    }),
  );
}

/** Writes the counters and roll-ups of the year and `now` (replacing the previous size's). */
async function writeAggregates(cells: CellCount[], rollups: RollupCount[]) {
  const { dashCell, dashRollup } = db().entities;
  const go = { concurrent: 8 } as const;
  for (const bucket of [String(year), currentBucket]) {
    const old = await dashCell.query.byBucket({ bucket }).go({ pages: "all", attributes: ["bucket", "cellKey"] });
    await putAll(
      old.data,
      (b) => dashCell.delete(b).go(go),
      (c) => c.cellKey,
    );
  }
  // The previous size's roll-ups (a few thousand items: a scan is fine in a bench).
  const oldRollups = await dashRollup.scan.go({ pages: "all", attributes: ["bucket", "slice", "rollupKey"] });
  await putAll(
    oldRollups.data,
    (b) => dashRollup.delete(b).go(go),
    (r) => `${r.bucket}/${r.rollupKey}`,
  );
  const at = new Date().toISOString();
  const writeStart = performance.now();
  await putAll(
    cells.map((c) => ({
      bucket: parseCellKey(c.key).bucket,
      cellKey: c.key,
      count: c.count,
      keySum: c.keySum ?? 0,
      updatedAt: at,
    })),
    (b) => dashCell.put(b).go(go),
    (c) => c.cellKey,
  );
  await putAll(
    rollups.map((r) => ({
      bucket: r.bucket,
      slice: rollupSliceOf(r.key),
      rollupKey: r.key,
      count: r.count,
      keySum: r.keySum,
      updatedAt: at,
    })),
    (b) => dashRollup.put(b).go(go),
    (r) => `${r.bucket}/${r.rollupKey}`,
  );
  writeS = Number(((performance.now() - writeStart) / 1000).toFixed(1));
}

/**
 * Times `loadDashboard` for a view: the old path (no roll-up marker: the counters) and the new (marker: the
 * roll-ups), each a first request on a fresh read model, then 5 warm ones.
 */
async function throughTheDataLayer(selection: Selection) {
  const { dashRollup } = db().entities;
  const at = new Date().toISOString();
  const measure = async () => {
    forgetDashboardCells();
    const reads = { ...dashboardReads };
    const calls = totalDbCalls();
    let start = performance.now();
    const first = await loadDashboard(selection);
    const firstMs = performance.now() - start;
    const firstCalls = totalDbCalls() - calls;
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      start = performance.now();
      await loadDashboard(selection);
      warm.push(performance.now() - start);
    }
    warm.sort((a, b) => a - b);
    return {
      tables: first.tables,
      firstMs: Math.round(firstMs),
      firstCalls,
      rollupItemsRead: dashboardReads.rollupItems - reads.rollupItems,
      counterItemsRead: dashboardReads.counterItems - reads.counterItems,
      warmMsMedian: Number(warm[2]!.toFixed(1)),
    };
  };
  // The new path first: the old one leaves its counters' background re-reads running (every 10 s), which would
  // otherwise be counted and felt in the new path's figures.
  await dashRollup.put({ ...rollupsCompleteKey, count: 0, keySum: 0, updatedAt: at }).go();
  const { tables: newTables, ...after } = await measure();
  await dashRollup.delete(rollupsCompleteKey).go();
  const { tables: oldTables, ...before } = await measure();
  return {
    writeS,
    old: before,
    new: after,
    firstRatio: Number((after.firstMs / before.firstMs).toFixed(4)),
    warmRatio: Number((after.warmMsMedian / before.warmMsMedian).toFixed(4)),
    tablesEqual: isDeepStrictEqual(oldTables, newTables),
  };
}
await dynamo.stop();
process.exit(0);
