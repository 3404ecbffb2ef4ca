import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attackDashboard } from "../../test/dashboard-attacker";
import { aggregatorFromStart, trueCounts } from "../../test/dashboard-truth";
import { seedSmallCellWorld } from "../../test/dashboard-world";
import { userWithToken } from "../../test/helpers";
import type { LocalStreamReader } from "../aggregates/local-stream";
import { createApp } from "../app";

/**
 * Issue 11, item 1: the province officer combines every published number (all scopes and filters, every table
 * and total, month by month, JSON, CSV and XLSX) with linear algebra to recover small cells, in a world with the
 * issue's own case and more (test/dashboard-world.ts). On the suppression this replaced, the attack recovered 25
 * of 59 small cells exactly (among them the dnu = 1).
 */

let reader: LocalStreamReader;
let province: string;
const year = new Date().getFullYear();
const app = createApp();
let orgIds: string[];

beforeAll(async () => {
  reader = await aggregatorFromStart();
  province = await userWithToken("prov-attacker", "province");
  ({ orgIds } = await seedSmallCellWorld());
  await reader.drain();
}, 240_000);

afterAll(async () => {
  await reader.stop();
});

describe("the officer as an attacker", () => {
  it("recovers no small cell exactly from every number it can obtain (JSON, CSV, XLSX, all filters)", async () => {
    const truth = await trueCounts(year);
    const result = await attackDashboard({
      request: async (path) => app.request(path, { headers: { authorization: `Bearer ${province}` } }),
      year,
      orgIds,
      exports: "all",
      truth,
    });
    console.info(
      "dashboard recovery attack:",
      JSON.stringify({ ...result, inconsistent: result.inconsistent.slice(0, 5) }),
    );
    // Every request answered, the world has small cells to attack, and the attack reads them all.
    expect(result.refused).toBe(0);
    expect(result.smallCells).toBeGreaterThanOrEqual(20);
    expect(result.determined).toBeGreaterThanOrEqual(20);
    // The same cells show the same numbers however they are reached (page, CSV, XLSX, filter or scope).
    expect(result.inconsistent).toEqual([]);
    expect(result.publishedExactly).toBe(0);
    expect(result.recoveredExactly, result.examples.join("\n")).toBe(0);
  }, 240_000);
});
