import { type CellCount, parseCellKey } from "@ketnoi/core";
import type { DashCellEntity } from "../db/entities/aggregate";
import { liteEntity } from "../db/lite";
import { dashCellModel } from "../db/models/aggregate";
import { dashboardReads, forgetDashboardRollups, noteRollupChanges } from "./dashboard-rollups";
import { guard } from "./guard";
import { refreshing } from "./refreshing";

type BucketCells = ReadonlyMap<string, CellCount>;
// Over the lite data path (db/lite.ts, issue 14): the insights function reads the dashboard without ElectroDB.
const cells = liteEntity<DashCellEntity>(dashCellModel);

/** A committed change to one counter: what the aggregator's transaction added to its count and key sum. */
export interface CellChange {
  key: string;
  count: number;
  keySum: number;
}

/**
 * The dashboard's counters of one bucket (a year, or `now`), held per process like the listing demand: read once
 * (one paginated Query of the bucket's partition), then re-read in the background when older than a few seconds,
 * so a dashboard request reads no counters at all. Before this, every request read the whole partition: ~10,000
 * cells (several 1 MB pages) at district scale, which under 10 concurrent requests DynamoDB Local did not return
 * within 5 s (the routes bench: no dashboard request completed) and which grows with the province.
 * Freshness: the aggregator running in this process (npm start, tests) adds its committed changes at once
 * (`noteCellChanges`); bulk writers (seed, reconciliation repair) drop the loaded cells (`forgetDashboardCells`).
 * In deploy the aggregator is another function: the API's view lags its writes by at most the refresh age, on
 * counters that already follow the data asynchronously through the stream.
 */
const buckets = new Map<string, ReturnType<typeof refreshing<BucketCells>>>();

function modelOf(bucket: string) {
  let model = buckets.get(bucket);
  if (!model) {
    model = refreshing<BucketCells>(async () => {
      const data = await guard(() =>
        cells.query("byBucket", { bucket }, { attributes: ["cellKey", "count", "keySum"] }),
      );
      dashboardReads.counterQueries++;
      dashboardReads.counterItems += data.length;
      return new Map(data.map((c) => [c.cellKey, { key: c.cellKey, count: c.count, keySum: c.keySum }]));
    });
    buckets.set(bucket, model);
  }
  return model;
}

/** The counters of a bucket, from this process's read model (loaded by the first call). */
export async function bucketCells(bucket: string): Promise<CellCount[]> {
  return [...(await modelOf(bucket).get()).values()];
}

/** Counter changes this process has just committed (the aggregator's transaction): shown at once. */
export function noteCellChanges(changes: ReadonlyArray<CellChange>): void {
  noteRollupChanges(changes);
  const byBucket = new Map<string, CellChange[]>();
  for (const change of changes) {
    const bucket = parseCellKey(change.key).bucket;
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), change]);
  }
  for (const [bucket, bucketChanges] of byBucket) {
    buckets.get(bucket)?.patch((cells) => {
      const next = new Map(cells);
      for (const { key, count, keySum } of bucketChanges) {
        const before = next.get(key);
        next.set(key, { key, count: (before?.count ?? 0) + count, keySum: (before?.keySum ?? 0) + keySum });
      }
      return next;
    });
  }
}

/** Drops every loaded bucket and roll-up (after a bulk write of counters): the next dashboard reads them again. */
export function forgetDashboardCells(): void {
  for (const model of buckets.values()) model.forget();
  forgetDashboardRollups();
}
