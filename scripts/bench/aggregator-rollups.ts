/**
 * What the roll-ups cost the aggregator (issue 13): each counted change now also adds to the roll-ups its counters
 * belong to, in the same transaction. `npx tsx scripts/bench/aggregator-rollups.ts [--students N] [--facts K]`
 * generates province-shaped data, takes the first K application and student contributions (as `recompute` derives
 * them) and reports the items per transaction with and without roll-ups (computed: `chunkChanges` and `rollUp`), then
 * writes them into an in-memory DynamoDB Local, 4 at a time as the stream consumer does: first as the aggregator did
 * before roll-ups (the contribution record and its counters in one transaction, the same read of the record first),
 * then through today's `syncFact` (every slice), and reports ms per record of each; `itemsPerRecordProvinceSlices` is
 * what a record's transaction held with the province's slices only (`all`, `field:<id>`, before the school and
 * organisation slices). One JSON line.
 */
import { loadavg } from "node:os";
import { parseCellKey, rollUp, rollupSliceOf } from "@ketnoi/core";
import { chunkChanges, factId, orderKeyOf, syncFact } from "@ketnoi/functions/aggregates/apply";
import { recompute } from "@ketnoi/functions/aggregates/reconcile";
import { transactWithRetry } from "@ketnoi/functions/data/transact";
import { db } from "@ketnoi/functions/db/service";
import { useLocalConfig } from "@ketnoi/functions/local/config";
import { startDynamoLocal } from "@ketnoi/functions/local/dynamodb-local";
import { freePort } from "@ketnoi/functions/local/ports";
import { ensureTable } from "@ketnoi/functions/local/tables";
import { generateProvinceData } from "@ketnoi/functions/seed/province-data";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const students = arg("--students", 1000);
const factCount = arg("--facts", 400);
const dynamo = await startDynamoLocal({ port: await freePort(), inMemory: true });
useLocalConfig({ endpoint: dynamo.endpoint, tableName: "aggregator-rollups", apiUrl: "http://127.0.0.1:1" });
await ensureTable(dynamo.endpoint, "aggregator-rollups", { stream: false });

const data = generateProvinceData({
  students,
  organisations: students / 50,
  listings: students / 5,
  applications: students * 3,
});
const { facts } = await recompute(
  new Map([
    ["listing", data.listings as never],
    ["student", data.students as never],
    ["application", data.applications as never],
    ["booking", data.bookings as never],
  ]),
);
const idOf = { listing: "listingId", application: "applicationId", booking: "bookingId", student: "userId" } as const;
const counted = facts.filter((f) => Object.keys(f.contribution).length > 0);
const picked = [
  ...counted.filter((f) => f.kind === "application").slice(0, factCount / 2),
  ...counted.filter((f) => f.kind === "student").slice(0, factCount / 2),
];
const items = picked.map(({ contribution }) => {
  const delta = Object.entries(contribution);
  const rollups = chunkChanges(delta).reduce(
    (n, chunk) => n + rollUp(chunk.map(([key, count]) => ({ key, count, keySum: count }))).size,
    0,
  );
  const provinceRollups = provinceRollupsOf(delta).length;
  return {
    before: 1 + delta.length,
    province: 1 + delta.length + provinceRollups,
    after: 1 + delta.length + rollups,
    transactions: chunkChanges(delta).length,
  };
});

/** The roll-ups of the province's slices only (`all`, `field:<id>`), as the aggregator kept them before. */
function provinceRollupsOf(delta: ReadonlyArray<[string, number]>) {
  return [...rollUp(delta.map(([key, count]) => ({ key, count, keySum: count }))).values()].filter((r) => {
    const slice = rollupSliceOf(r.key);
    return slice === "all" || slice.startsWith("field:");
  });
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Runs `work` over the picked records, 4 at a time; ms per record. */
async function timed(work: (fact: string, record: (typeof picked)[number]) => Promise<unknown>, prefix: string) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < picked.length) {
        const record = picked[next++]!;
        await work(factId(record.kind, `${prefix}${String(record.item[idOf[record.kind]])}`), record);
      }
    }),
  );
  return (performance.now() - start) / picked.length;
}

// Before: what syncFact wrote for a new record without roll-ups (apply.ts before issue 13's roll-ups).
const before = await timed(async (fact, { contribution }) => {
  await db().entities.dashContribution.get({ fact }).go({ consistent: true });
  const delta = Object.entries(contribution);
  const at = new Date().toISOString();
  for (let i = 0; i < delta.length; i += 99) {
    const chunk = delta.slice(i, i + 99);
    await transactWithRetry(() =>
      db()
        .transaction.write(({ dashContribution, dashCell }) => [
          dashContribution
            .put({ fact, cells: contribution, orderKey: "1", rev: 1 })
            .where((a, op) => op.notExists(a.rev))
            .commit(),
          ...chunk.map(([key, change]) =>
            dashCell
              .update({ bucket: parseCellKey(key).bucket, cellKey: key })
              .add({ count: change, keySum: change })
              .set({ updatedAt: at })
              .commit(),
          ),
        ])
        .go(),
    );
  }
}, "before-");
const ms =
  picked.length *
  (await timed((fact, { item, contribution }) => syncFact(fact, orderKeyOf(item), async () => contribution), "after-"));
console.log(
  JSON.stringify({
    students,
    records: picked.length,
    itemsPerRecordBefore: Number(mean(items.map((i) => i.before)).toFixed(1)),
    itemsPerRecordProvinceSlices: Number(mean(items.map((i) => i.province)).toFixed(1)),
    itemsPerRecordAfter: Number(mean(items.map((i) => i.after)).toFixed(1)),
    transactionsPerRecordAfter: Number(mean(items.map((i) => i.transactions)).toFixed(2)),
    msPerRecordBefore: Number(before.toFixed(1)),
    msPerRecordAfter: Number((ms / picked.length).toFixed(1)),
    ratio: Number((ms / picked.length / before).toFixed(2)),
    loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
  }),
);
await dynamo.stop();
process.exit(0);
