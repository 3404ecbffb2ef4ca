import type { DashboardTable } from "@ketnoi/core";
import { describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { allStreamRecords } from "../../test/stream-records";
import { type AggregatorRecord, aggregateStreamRecords } from "../aggregates/consumer";
import { reconcileAggregates } from "../aggregates/reconcile";
import { historyYears } from "./history";
import { seedDemoData, seedProvinceData } from "./seed";

const scale = { students: 300, organisations: 60, listings: 200, applications: 1_000 };
const sourceEntities = new Set(["listing", "application", "booking", "student"]);

describe("the aggregates a seed writes from its records", () => {
  it("equal what reconciliation computes, and replaying the seeded records through the aggregator changes nothing", async () => {
    const { counts } = await seedProvinceData(scale, { reset: true });
    const report = await reconcileAggregates();
    expect(report.drift).toEqual([]);
    expect(report.cells).toBe(counts.dashboardCells);
    expect(report.cells).toBeGreaterThan(500);

    // The stream's events for the seeded records (a sample of each kind) find their contribution already counted.
    const records = (await allStreamRecords()).filter(
      (r) => r.eventName === "INSERT" && sourceEntities.has(String(r.dynamodb?.NewImage?.__edb_e__?.S)),
    );
    const sample = [...sourceEntities].flatMap((entity) =>
      records.filter((r) => r.dynamodb?.NewImage?.__edb_e__?.S === entity).slice(0, 60),
    );
    expect(sample.length).toBe(240);
    const replayed = await aggregateStreamRecords(sample as AggregatorRecord[]);
    expect(replayed).toMatchObject({ facts: 240, applied: 0, cellsChanged: 0 });
  }, 300_000);
});

describe("the demo's years of history", () => {
  it("shows the province's progress toward its targets in every year, the current one included", async () => {
    // The seeded aggregates equal reconciliation's (the test above, on a small province seed, by the same function);
    // reconciling the whole demo again here took minutes when the full suite shares DynamoDB Local.
    await seedDemoData({ reset: true });
    const signIn = await call("POST", "/api/dev-auth/token", { body: { userId: "prov-khcn" } });
    const officer = signIn.json.token as string;
    for (const year of historyYears) {
      const res = await call("GET", `/api/dashboard?year=${year}`, { token: officer });
      expect(res.status, res.text).toBe(200);
      const byField = (res.json.tables as DashboardTable[]).find((t) => t.id === "byField")!;
      // Columns: internships, its target, % reached, then visits, jobs, trainings alike.
      const [internships, target, percent] = byField.total!.cells as number[];
      expect(target, `${year} internship target`).toBeGreaterThan(20);
      expect(internships, `${year} internships`).toBeGreaterThan(20);
      expect(percent, `${year} % of target`).toBeGreaterThanOrEqual(40);
      expect(percent, `${year} % of target`).toBeLessThanOrEqual(130);
    }
  }, 300_000);
});
