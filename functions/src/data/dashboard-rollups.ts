import type { CellCount, RollupCount } from "@ketnoi/core";
import { rollUp, rollupSliceOf } from "@ketnoi/core";
import type { DashRollupEntity } from "../db/entities/rollup";
import { liteEntity } from "../db/lite";
import { dashRollupModel } from "../db/models/rollup";
import { guard } from "./guard";
import { refreshing } from "./refreshing";

type BucketRollups = ReadonlyMap<string, RollupCount>;

// Over the lite data path (db/lite.ts, issue 14): the insights function reads the dashboard without ElectroDB.
const rollups = liteEntity<DashRollupEntity>(dashRollupModel);

/**
 * Where the marker saying "this table's roll-ups are complete" lives (db/entities/rollup.ts). Versioned by the
 * slices it vouches for: a table marked before the university and organisation slices existed (`complete`) has
 * none of theirs, so its dashboards read the counters until reconciliation (`--repair`) builds them and marks it.
 */
export const rollupsCompleteKey = { bucket: "meta", slice: "-", rollupKey: "complete-scopes" } as const;

/**
 * What the dashboard's read models have read from the table since the process started: roll-up items and
 * counters. Tests and the benches read it to show which path a dashboard took and that its reads stay bounded.
 */
export const dashboardReads = { rollupQueries: 0, rollupItems: 0, counterQueries: 0, counterItems: 0 };

/**
 * The roll-ups of one bucket and slice, held per process like the counters (data/dashboard-cells.ts): one Query of
 * their partition — a few hundred items whatever the province's size — re-read in the background when
 * older than a few seconds, patched at once by this process's aggregator.
 */
const buckets = new Map<string, ReturnType<typeof refreshing<BucketRollups>>>();

function modelOf(bucket: string, slice: string) {
  const id = `${bucket}/${slice}`;
  let model = buckets.get(id);
  if (!model) {
    model = refreshing<BucketRollups>(async () => {
      const data = await guard(() =>
        rollups.query("byBucket", { bucket, slice }, { attributes: ["rollupKey", "count", "keySum"] }),
      );
      dashboardReads.rollupQueries++;
      dashboardReads.rollupItems += data.length;
      return new Map(
        data.map((r) => [r.rollupKey, { bucket, key: r.rollupKey, count: r.count, keySum: r.keySum ?? 0 }]),
      );
    });
    buckets.set(id, model);
  }
  return model;
}

/**
 * Whether the table's roll-ups are complete (the marker exists): read once per process, re-read in the background.
 * A table whose counters were written before roll-ups existed has none until `npm run reconcile -- --repair`
 * (or a seed) writes them; its dashboards read the counters meanwhile.
 */
const completeModel = refreshing<boolean>(async () => {
  const data = await guard(() => rollups.get(rollupsCompleteKey));
  return data !== undefined;
});

/** Whether dashboards may be built from the roll-ups (else from the counters). */
export function rollupsComplete(): Promise<boolean> {
  return completeModel.get();
}

/** The roll-ups of a bucket's slice, from this process's read model (loaded by the first call). */
export async function bucketRollups(bucket: string, slice: string): Promise<RollupCount[]> {
  return [...(await modelOf(bucket, slice).get()).values()];
}

/** Counter changes this process has just committed: their roll-ups are patched into the loaded buckets at once. */
export function noteRollupChanges(changes: Iterable<CellCount>): void {
  const byBucket = new Map<string, RollupCount[]>();
  for (const change of rollUp(changes).values()) {
    const id = `${change.bucket}/${rollupSliceOf(change.key)}`;
    byBucket.set(id, [...(byBucket.get(id) ?? []), change]);
  }
  for (const [id, bucketChanges] of byBucket) {
    const bucket = bucketChanges[0]!.bucket;
    buckets.get(id)?.patch((rollups) => {
      const next = new Map(rollups);
      for (const { key, count, keySum } of bucketChanges) {
        const before = next.get(key);
        next.set(key, { bucket, key, count: (before?.count ?? 0) + count, keySum: (before?.keySum ?? 0) + keySum });
      }
      return next;
    });
  }
}

/** Drops the loaded roll-ups and the marker (after a bulk write): the next dashboard reads them again. */
export function forgetDashboardRollups(): void {
  for (const model of buckets.values()) model.forget();
  completeModel.forget();
}
