/**
 * The province dashboard's roll-up alone, in memory, against the number of counters (issue 13: at province scale
 * its first request did not finish in 60 s). `npx tsx scripts/bench/dashboard-rollup.ts [--students N ...]`
 * generates province-shaped data (`generateProvinceData`: N students, N/50 organisations, N/5 listings, 3N
 * applications), derives the counters exactly as the seed writes them (`recompute`, as `writeSeedAggregates`),
 * and times `buildDashboardTables` for the province officer's default view (this year, no filter) — what every
 * dashboard request runs after its reads — plus the counters' stored size (DynamoDB returns ≤ 1 MB a Query page,
 * measured on the items before projection) and the rows the view shows. One JSON line per N.
 */
import {
  buildDashboardTables,
  type CellCount,
  currentBucket,
  parseCellKey,
  type Selection,
  selectCells,
} from "@ketnoi/core";
import { recompute } from "@ketnoi/functions/aggregates/reconcile";
import { useLocalConfig } from "@ketnoi/functions/local/config";
import { startDynamoLocal } from "@ketnoi/functions/local/dynamodb-local";
import { freePort } from "@ketnoi/functions/local/ports";
import { ensureTable } from "@ketnoi/functions/local/tables";
import { generateProvinceData } from "@ketnoi/functions/seed/province-data";

const sizes = process.argv
  .flatMap((arg, i) => (process.argv[i - 1] === "--students" ? [Number(arg)] : []))
  .filter((n) => n > 0);
// A table only for the record-key secret (the counters' key sums are keyed by it, as in the seed).
const dynamo = await startDynamoLocal({ port: await freePort(), inMemory: true });
useLocalConfig({ endpoint: dynamo.endpoint, tableName: "dashboard-rollup", apiUrl: "http://127.0.0.1:1" });
await ensureTable(dynamo.endpoint, "dashboard-rollup", { stream: false });
const year = new Date().getFullYear();
const selection: Selection = { year, scope: { kind: "province", id: null }, filters: {} };

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
  console.log(
    JSON.stringify({
      students,
      cellsRead: cells.length,
      cellsAllBuckets: all.length,
      approxStoredMb: Number((storedBytes / 1e6).toFixed(1)),
      rowsShown: rows,
      rollupMsMin: Math.round(times[0]!),
      rollupMsMedian: Math.round(times[2]!),
      selectMs,
      heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
    }),
  );
}
await dynamo.stop();
process.exit(0);
