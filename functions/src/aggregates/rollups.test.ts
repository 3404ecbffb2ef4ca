import { type Cell, type Contribution, cellKey, type RollupCount, rollUp } from "@ketnoi/core";
import { describe, expect, it } from "vitest";
import { db } from "../db/service";
import { chunkChanges, syncFact } from "./apply";

/**
 * The roll-ups (core dashboard/rollups.ts) change in the same transactions as the counters: whatever the
 * interleaving of aggregators, retries after transaction conflicts, replays and contributions too large for one
 * transaction, the stored roll-ups stay the sums of the stored counters.
 */
const bucket = "2031";
const key = (partial: Partial<Cell>) =>
  cellKey({
    bucket,
    metric: "applied",
    month: 3,
    field: "software",
    universityId: "lhu",
    parkId: "amata",
    communeId: "p-long-binh",
    orgId: "org-a",
    skillId: "-",
    ...partial,
  });

async function stored() {
  const [cells, rollups] = await Promise.all([
    db().entities.dashCell.query.byBucket({ bucket }).go({ pages: "all" }),
    // The slices this file's counters fall in (one partition each).
    db().entities.dashRollup.scan.go({ pages: "all" }),
  ]);
  return {
    cells: cells.data.map((c) => ({ key: c.cellKey, count: c.count, keySum: c.keySum ?? 0 })),
    rollups: new Map(rollups.data.filter((r) => r.bucket === bucket).map((r) => [`${bucket}/${r.rollupKey}`, r])),
  };
}

/** Stored roll-ups against the roll-up of the stored counters (empty roll-ups and absent ones are the same). */
async function expectRollupsOfCounters(): Promise<Map<string, RollupCount>> {
  const { cells, rollups } = await stored();
  const expected = rollUp(cells);
  const nonEmpty = (r: { count: number; keySum: number }) => r.count !== 0 || r.keySum !== 0;
  const actual = [...rollups].filter(([, r]) => nonEmpty(r)).map(([id, r]) => [id, r.count, r.keySum]);
  const want = [...expected].filter(([, r]) => nonEmpty(r)).map(([id, r]) => [id, r.count, r.keySum]);
  expect(actual.sort()).toEqual(want.sort());
  expect(want.length).toBeGreaterThan(0);
  return expected;
}

const months = [1, 2, 3, 4];
const contribution = (i: number, month: number): Contribution => ({
  [key({ month })]: 1,
  [key({ month, metric: "offered", universityId: i % 2 ? "lhu" : "dnu" })]: 1,
  [key({ month, metric: "internships", parkId: i % 3 ? "amata" : "-" })]: 1,
});

describe("roll-ups under concurrent aggregators", () => {
  it("equal the counters' sums after racing, replayed and moving records (transaction conflicts retried)", async () => {
    const facts = Array.from({ length: 24 }, (_, i) => `rollup-fact-${String(i).padStart(3, "0")}`);
    // Every record adds to the same hot roll-ups (all|field|software|applied…): concurrent transactions conflict.
    await Promise.all(facts.map((fact, i) => syncFact(fact, "2031-01-01#1", async () => contribution(i, 3))));
    const first = await expectRollupsOfCounters();
    expect(first.get(`${bucket}/all|field|software|applied`)?.count).toBe(24);

    // Each record moves to another month, delivered twice at once (a retried batch racing the original) and once
    // more as the old version: the rev condition lets one apply, the other retries and finds nothing to change.
    await Promise.all(
      facts.flatMap((fact, i) => [
        syncFact(fact, "2031-02-01#2", async () => contribution(i, months[i % 4]!)),
        syncFact(fact, "2031-02-01#2", async () => contribution(i, months[i % 4]!)),
        syncFact(fact, "2031-01-01#1", async () => contribution(i, 3)),
      ]),
    );
    const moved = await expectRollupsOfCounters();
    expect(moved.get(`${bucket}/all|month|1|applied`)?.count).toBe(6);
    expect(moved.get(`${bucket}/all|field|software|applied`)?.count).toBe(24);
    expect(moved.get(`${bucket}/field:software|university|dnu|offered`)?.count).toBe(12);
    // A school's and an organisation's slices move with them: the month moved, the school's and its field's kept.
    expect(moved.get(`${bucket}/university:dnu|field|software|offered`)?.count).toBe(12);
    expect(moved.get(`${bucket}/university:lhu/field:software|month|1|applied`)?.count).toBe(6);
    expect(moved.get(`${bucket}/org:org-a|fieldMonth|software.1|applied`)?.count).toBe(6);
    expect(moved.get(`${bucket}/org:org-a/university:dnu|fieldMonth|software.1|offered`)?.count).toBe(6);

    // Half of them stop counting (a withdrawn consent): their counts leave the roll-ups with them.
    await Promise.all(facts.slice(0, 12).map((fact) => syncFact(fact, "2031-03-01#3", async () => ({}))));
    const left = await expectRollupsOfCounters();
    expect(left.get(`${bucket}/all|field|software|applied`)?.count).toBe(12);
    expect(left.get(`${bucket}/org:org-a|fieldMonth|software.3|applied`)?.count).toBe(3);
  });

  it("apply a contribution too large for one transaction in steps, each within 100 items", async () => {
    const big: Contribution = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [key({ metric: "visits", month: (i % 12) + 1, communeId: `c-${i}` }), 2]),
    );
    const chunks = chunkChanges(Object.entries(big));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      const rollups = rollUp(chunk.map(([k, n]) => ({ key: k, count: n, keySum: n }))).size;
      expect(1 + chunk.length + rollups).toBeLessThanOrEqual(100);
    }
    const result = await syncFact("rollup-big".padEnd(64, "0"), "2031-01-01#1", async () => big);
    expect(result).toMatchObject({ outcome: "applied", cellsChanged: 60 });
    const rollups = await expectRollupsOfCounters();
    expect(rollups.get(`${bucket}/all|field|software|visits`)?.count).toBe(120);
    expect(rollups.get(`${bucket}/university:lhu/field:software|field|software|visits`)?.count).toBe(120);
  });
});
