import type { CellCount } from "@ketnoi/core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { attackDashboard } from "../../test/dashboard-attacker";
import { userWithToken } from "../../test/helpers";
import { memberOf, verifiedOrganisation } from "../../test/marketplace";
import { type LocalStreamReader, startLocalStreamReader } from "../aggregates/local-stream";
import { parkListing, runPipeline, studentAt } from "../aggregates/test-flows";
import { createApp } from "../app";
import { dataConfig } from "../config";
import { db } from "../db/service";

/**
 * Issue 11, item 1: the province officer combines every published number (all scopes and filters, every table
 * and total, month by month, JSON, CSV and XLSX) with linear algebra to recover small cells. The world below has
 * the issue's own case — cybersecurity placements by university lhu 6, dntu 5, dnu 1 (total 12) — and more small
 * cells across fields, organisations, parks and communes.
 */

let reader: LocalStreamReader;
let province: string;
const year = new Date().getFullYear();
const app = createApp();
const orgIds = ["org-sec", "org-soft", "org-chip"];

async function trueCounts(): Promise<CellCount[]> {
  const cells: CellCount[] = [];
  for (const bucket of [String(year), "now"]) {
    const { data } = await db().entities.dashCell.query.byBucket({ bucket }).go({ pages: "all" });
    cells.push(...data.map((c) => ({ key: c.cellKey, count: c.count })));
  }
  return cells;
}

beforeAll(async () => {
  reader = await startLocalStreamReader({
    endpoint: inject("dynamoEndpoint"),
    tableName: dataConfig().TABLE_NAME,
    from: "TRIM_HORIZON",
    pollMs: 50,
  });
  await Promise.all([
    ...orgIds.map((id) => verifiedOrganisation(id)),
    ...["lhu", "dntu", "dnu"].map((id) => verifiedOrganisation(id, "university")),
  ]);
  province = await userWithToken("prov-attacker", "province");
  const [sec, soft, chip] = await Promise.all(orgIds.map((id) => memberOf(`rec-${id}`, id)));
  const security = { requiredSkills: ["pentest", "network-security"], positions: 30 };
  const listings = {
    secAmata: await parkListing(sec!, "org-sec", security),
    secCity: await parkListing(soft!, "org-soft", {
      ...security,
      industrialParkId: "tam-phuoc",
      communeId: "p-tam-phuoc",
    }),
    software: await parkListing(soft!, "org-soft", {
      requiredSkills: ["typescript", "java"],
      industrialParkId: "tam-phuoc",
      communeId: "p-tam-phuoc",
      positions: 30,
    }),
    chip: await parkListing(chip!, "org-chip", { positions: 30 }),
  };
  let n = 0;
  const students = (school: string, count: number) =>
    Promise.all(Array.from({ length: count }, () => studentAt(`sv-${school}-${++n}`, school)));
  // [listing, school, applicants, offers, accepts]
  const plan: Array<[keyof typeof listings, string, number, number, number]> = [
    ["secAmata", "lhu", 5, 4, 4],
    ["secCity", "lhu", 2, 2, 2],
    ["secAmata", "dntu", 4, 3, 3],
    ["secCity", "dntu", 2, 2, 2],
    ["secCity", "dnu", 2, 1, 1],
    ["software", "lhu", 3, 2, 2],
    ["software", "dnu", 4, 3, 3],
    ["software", "dntu", 1, 0, 0],
    ["chip", "lhu", 8, 7, 7],
    ["chip", "dntu", 3, 2, 2],
  ];
  for (const [listing, school, applicants, offers, accepts] of plan) {
    const token = listing === "secAmata" ? sec! : listing === "chip" ? chip! : soft!;
    await runPipeline(token, listings[listing], await students(school, applicants), { offers, accepts });
  }
  await reader.drain();
}, 240_000);

afterAll(async () => {
  await reader.stop();
});

describe("the officer as an attacker", () => {
  it("recovers no small cell exactly from every number it can obtain (JSON, CSV, XLSX, all filters)", async () => {
    const truth = await trueCounts();
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
    // The world has small cells to attack, and the attack reads them all (the totals and filters overlap).
    expect(result.smallCells).toBeGreaterThanOrEqual(20);
    expect(result.determined).toBeGreaterThanOrEqual(20);
    // The same cells show the same numbers however they are reached (page, CSV, XLSX, filter or scope).
    expect(result.inconsistent).toEqual([]);
    expect(result.publishedExactly).toBe(0);
    expect(result.recoveredExactly, result.examples.join("\n")).toBe(0);
  }, 240_000);
});
