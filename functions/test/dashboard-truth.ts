import type { CellCount } from "@ketnoi/core";
import { type LocalStreamOptions, startLocalStreamReader } from "../src/aggregates/local-stream";
import { dataConfig } from "../src/config";
import { db } from "../src/db/service";

/** The counters as stored, this year's and `now`'s: what a dashboard attack is scored against. */
export async function trueCounts(year: number): Promise<CellCount[]> {
  const cells: CellCount[] = [];
  for (const bucket of [String(year), "now"]) {
    const { data } = await db().entities.dashCell.query.byBucket({ bucket }).go({ pages: "all" });
    cells.push(...data.map((c) => ({ key: c.cellKey, count: c.count })));
  }
  return cells;
}

/**
 * The aggregator (the stream consumer), reading this test file's table stream from its start, polling every 50 ms:
 * the dashboard, retention and consumer tests' own. `options` adds to it (a log, a batch observer).
 */
export const aggregatorFromStart = (options: Partial<LocalStreamOptions> = {}) =>
  startLocalStreamReader({
    endpoint: dataConfig().DYNAMODB_ENDPOINT!,
    tableName: dataConfig().TABLE_NAME,
    from: "TRIM_HORIZON",
    pollMs: 50,
    ...options,
  });
