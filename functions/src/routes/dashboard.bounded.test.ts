import { yearMonthInVietnam } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call } from "../../test/helpers";
import { submittedApplications } from "../../test/marketplace";
import { reconcileAggregates } from "../aggregates/reconcile";
import { forgetDashboardCells } from "../data/dashboard-cells";
import { dashboardReads, rollupsCompleteKey } from "../data/dashboard-rollups";
import { totalDbCalls } from "../db/call-counter";
import { db } from "../db/service";
import { dbCallsHeader } from "../http/db-calls";
import { generateDemoData } from "../seed/demo-data";
import { seedDemoData } from "../seed/seed";

/**
 * Issue 13, "a bounded dashboard read": every dashboard view — the province's default, field and university
 * filters, a university's staff, an organisation's members — reads the roll-ups (a few hundred items per slice and
 * bucket), not every counter of the year. Measured on the demo, then after the province grows by organisations,
 * listings, students and applications (of the viewed school's students, half of them to the viewed organisation's
 * listings): what each view reads stays the same, what the counters' path reads grows, and both publish the same
 * numbers.
 */
const year = yearMonthInVietnam(new Date().toISOString()).year;
const demo = generateDemoData();
const tokens: Record<string, string> = {};

/** The listing and the consenting student (of LHU) whose copies grow the province. */
const template = demo.listings.find((l) => l.status === "published" && l.type === "internship")!;
const templateStudent = demo.students.find((s) => s.consents.provinceStatistics?.granted && s.universityId === "lhu")!;
const org = template.orgId;

/**
 * Each view, who opens it and the roll-up partitions it reads: the province's slice (year and `now`); a school's
 * people counts beside the province's listing counts (two slices, year and `now`); an organisation's funnel (its
 * year only, beside its own listing counts when a school narrows its people counts).
 */
const views: Array<{ path: string; user: string; partitions: number }> = [
  { path: `/api/dashboard?year=${year}`, user: "prov-khcn", partitions: 2 },
  { path: `/api/dashboard?year=${year}&field=semiconductors`, user: "prov-khcn", partitions: 2 },
  { path: `/api/dashboard?year=${year}&universityId=lhu`, user: "prov-khcn", partitions: 4 },
  { path: `/api/dashboard?year=${year}&universityId=lhu&field=semiconductors`, user: "prov-khcn", partitions: 4 },
  { path: `/api/dashboard?year=${year}&scope=university&universityId=lhu`, user: "staff-lhu", partitions: 4 },
  { path: `/api/dashboard?year=${year}&scope=organisation&orgId=${org}`, user: "prov-khcn", partitions: 1 },
  {
    path: `/api/dashboard?year=${year}&scope=organisation&orgId=${org}&universityId=lhu&field=semiconductors`,
    user: "prov-khcn",
    partitions: 2,
  },
];

/** A view's first request in a fresh process state: what it read (items, queries) and sent (commands). */
async function firstRequest({ path, user }: { path: string; user: string }) {
  forgetDashboardCells();
  await effectsSettled(); // nothing else is in flight: the process's commands are this request's
  const reads = { ...dashboardReads };
  const calls = totalDbCalls();
  const res = await call("GET", path, { token: tokens[user]! });
  expect(res.status, res.text).toBe(200);
  return {
    tables: res.json.tables,
    calls: totalDbCalls() - calls,
    requestCalls: Number(res.headers.get(dbCallsHeader)),
    rollupItems: dashboardReads.rollupItems - reads.rollupItems,
    rollupQueries: dashboardReads.rollupQueries - reads.rollupQueries,
    counterItems: dashboardReads.counterItems - reads.counterItems,
  };
}

async function withoutRollups<T>(work: () => Promise<T>): Promise<T> {
  await db().entities.dashRollup.delete(rollupsCompleteKey).go();
  try {
    return await work();
  } finally {
    await db()
      .entities.dashRollup.put({ ...rollupsCompleteKey, count: 0, keySum: 0, updatedAt: new Date().toISOString() })
      .go();
    forgetDashboardCells();
  }
}

/**
 * Listings `from`…`to` of as many new organisations, as many consenting students and two applications per listing,
 * counted by the stream: more records and organisations, in the demo's fields, schools, parks and this month.
 */
async function grow(from: number, to: number): Promise<void> {
  const copies = Array.from({ length: to - from }, (_, j) => from + j).map((i) => ({
    ...template,
    listingId: `grown-${i}`,
    orgId: i % 2 ? `grown-org-${i}` : org,
  }));
  await db().entities.listing.put(copies).go({ concurrent: 4 });
  const students = copies.map((_, j) => ({ ...templateStudent, userId: `grown-student-${from + j}` }));
  await db().entities.student.put(students).go({ concurrent: 4 });
  const applications = submittedApplications(
    copies.flatMap((copy, i) =>
      [0, 1].map((k) => ({
        listingId: copy.listingId,
        orgId: copy.orgId,
        studentId: students[(i + k) % students.length]!.userId,
        applicationId: `${copy.listingId}-${k}`,
      })),
    ),
  );
  await db().entities.application.put(applications).go({ concurrent: 4 });
  await effectsSettled(120_000);
}

beforeAll(async () => {
  await seedDemoData({ history: false });
  await effectsSettled(120_000);
  for (const userId of new Set(views.map((v) => v.user))) {
    tokens[userId] = (await call("POST", "/api/dev-auth/token", { body: { userId } })).json.token;
  }
}, 180_000);

describe("the bounded dashboard read", () => {
  it("reads the roll-ups, not the counters, and publishes what the counters roll up to", async () => {
    for (const view of views) {
      const bounded = await firstRequest(view);
      expect(bounded.counterItems, view.path).toBe(0);
      expect(bounded.rollupQueries, view.path).toBe(view.partitions);
      expect(bounded.rollupItems, view.path).toBeGreaterThan(0);
      const counters = await withoutRollups(() => firstRequest(view));
      expect(counters.rollupItems, view.path).toBe(0);
      expect(counters.counterItems, view.path).toBeGreaterThan(0);
      expect(bounded.tables, view.path).toEqual(counters.tables);
    }
  });

  it("reads as many items and sends as many commands whatever the province's size; the counters' path grows", async () => {
    // Roll-ups are one per dimension value and metric: a first application this month adds that month's. After it,
    // ten times the records (and organisations: a counter's dimension, not a roll-up's) add no roll-up.
    await grow(0, 12);
    const before = [];
    for (const view of views) {
      before.push({ bounded: await firstRequest(view), counters: await withoutRollups(() => firstRequest(view)) });
    }
    await grow(12, 132);
    expect((await reconcileAggregates()).drift).toEqual([]); // counters and roll-ups both follow the stream
    for (const [i, view] of views.entries()) {
      const after = await firstRequest(view);
      const countersAfter = await withoutRollups(() => firstRequest(view));
      const { bounded, counters } = before[i]!;
      // Read from the roll-ups (never a counter), as many items and Queries after the growth as before.
      expect({ counters: after.counterItems, queries: after.rollupQueries }, view.path).toEqual({
        counters: 0,
        queries: view.partitions,
      });
      expect(after.rollupItems, view.path).toBeGreaterThan(0);
      expect({ items: after.rollupItems, queries: after.rollupQueries }, view.path).toEqual({
        items: bounded.rollupItems,
        queries: bounded.rollupQueries,
      });
      // The request's own commands (the caller, targets, names, audit: 4 in db-calls.test.ts, plus a read of the
      // caller later requests find cached, and a school's scope reads the school) and the read models' loads: the
      // roll-ups' marker and the view's roll-up partitions, one page each.
      for (const first of [bounded, after]) {
        expect(first.requestCalls, view.path).toBeLessThanOrEqual(6);
        expect(first.calls, view.path).toBeLessThanOrEqual(first.requestCalls + 1 + view.partitions);
      }
      expect(countersAfter.counterItems, view.path).toBeGreaterThan(counters.counterItems + 100);
      // The growth shows in the published numbers, read from the same few roll-ups.
      expect(after.tables, view.path).not.toEqual(bounded.tables);
      expect(after.tables, view.path).toEqual(countersAfter.tables);
    }
  }, 300_000);

  it("answers from the counters on a table whose roll-ups were never built, until reconciliation builds them", async () => {
    const complete = await firstRequest(views[4]!);
    // A table from before roll-ups: counters only.
    const { data } = await db().entities.dashRollup.scan.go({ pages: "all" });
    await db()
      .entities.dashRollup.delete(data.map((r) => ({ bucket: r.bucket, slice: r.slice, rollupKey: r.rollupKey })))
      .go();
    // Marked complete before the school and organisation slices existed: none of theirs, so the counters still.
    await db()
      .entities.dashRollup.put({ ...rollupsCompleteKey, rollupKey: "complete", count: 0, keySum: 0, updatedAt: "x" })
      .go();
    const legacy = await firstRequest(views[4]!);
    expect(legacy.rollupItems).toBe(0);
    expect(legacy.counterItems).toBeGreaterThan(0);
    expect(legacy.tables).toEqual(complete.tables);
    const report = await reconcileAggregates();
    expect(report.drift.filter((d) => d.cellKey.startsWith("rollup:")).length).toBeGreaterThan(0);
    await reconcileAggregates({ repair: true });
    expect((await reconcileAggregates()).drift).toEqual([]);
    const rebuilt = await firstRequest(views[4]!);
    expect(rebuilt.counterItems).toBe(0);
    expect(rebuilt.rollupItems).toBe(complete.rollupItems);
    expect(rebuilt.tables).toEqual(complete.tables);
  }, 120_000);
});
