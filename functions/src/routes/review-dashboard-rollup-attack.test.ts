import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attackDashboard } from "../../test/dashboard-attacker";
import { aggregatorFromStart, trueCounts } from "../../test/dashboard-truth";
import { seedSmallCellWorld } from "../../test/dashboard-world";
import { userWithToken } from "../../test/helpers";
import type { LocalStreamReader } from "../aggregates/local-stream";
import { reconcileAggregates } from "../aggregates/reconcile";
import { createApp } from "../app";
import { dashboardReads } from "../data/dashboard-rollups";

/**
 * Outside review (dashboard roll-ups): dashboard.recovery.test.ts and the dashboard-recovery probe attack a table
 * whose roll-ups are not marked complete (the small-cell world writes no marker), so every view they attack reads the
 * counters: the roll-up path, which serves every view wherever the seed or `reconcile --repair` ran (every real
 * deployment), was never attacked. Here the same attack runs after `reconcile --repair` marks them complete, so the
 * views come from roll-ups (school and organisation slices included since they were added), and any number the
 * roll-ups publish differently from what the counters would for the same records shows up as `inconsistent`.
 */
let reader: LocalStreamReader;
let province: string;
const year = new Date().getFullYear();
const app = createApp();
let orgIds: string[];

beforeAll(async () => {
  reader = await aggregatorFromStart();
  province = await userWithToken("prov-rollup-attacker", "province");
  ({ orgIds } = await seedSmallCellWorld({ prefix: "rv-" }));
  await reader.drain();
  // Marks the roll-ups complete (they already equal the counters: no drift to repair).
  const report = await reconcileAggregates({ repair: true });
  expect(report.drift).toEqual([]);
}, 240_000);

afterAll(async () => {
  await reader.stop();
});

describe("the officer as an attacker, with the roll-ups in use", () => {
  it("recovers no small cell exactly, and both paths publish the same numbers for the same records", async () => {
    const truth = await trueCounts(year);
    const before = dashboardReads.rollupQueries;
    const result = await attackDashboard({
      request: async (path) => app.request(path, { headers: { authorization: `Bearer ${province}` } }),
      year,
      orgIds,
      exports: "some",
      truth,
    });
    console.info("roll-up attack:", JSON.stringify({ ...result, inconsistent: result.inconsistent.slice(0, 5) }));
    // The roll-up path was read (not vacuous): the default and field views came from roll-ups.
    expect(dashboardReads.rollupQueries).toBeGreaterThan(before);
    expect(result.refused).toBe(0);
    expect(result.smallCells).toBeGreaterThanOrEqual(20);
    expect(result.inconsistent).toEqual([]);
    expect(result.publishedExactly).toBe(0);
    expect(result.recoveredExactly, result.examples.join("\n")).toBe(0);
  }, 240_000);
});
