import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { communes, industrialParks } from "../places";
import { buildDashboardTables, buildDashboardTablesFromRollups, tablesFor } from "./build";
import { cellKey, currentBucket } from "./cells";
import { workforceFieldIds } from "./fields";
import { metrics } from "./metrics";
import { recordKeyRange } from "./perturbation";
import type { CellCount, Selection } from "./rollup";
import { boundedSlice, rollUp } from "./rollups";
import type { DashboardTableId } from "./schemas";

const year = 2026;
const fields = [...workforceFieldIds, "other"] as const;
const universities = ["lhu", "dnu", "vnu-lab", "-"];
const parks = [...industrialParks.slice(0, 4).map((p) => p.id), "-"];
const communeIds = [...communes.slice(0, 4).map((c) => c.id), "-"];
const skills = ["python", "ic-design", "plc", "-"];

/** One counter: any metric, bucket and dimensions; a count ≥ 0 and its records' key sum (0 for no records). */
const counter = fc
  .record({
    bucket: fc.constantFrom(String(year), String(year - 1), currentBucket),
    metric: fc.constantFrom(...metrics),
    month: fc.integer({ min: 1, max: 12 }),
    field: fc.constantFrom(...fields),
    universityId: fc.constantFrom(...universities),
    parkId: fc.constantFrom(...parks),
    communeId: fc.constantFrom(...communeIds),
    orgId: fc.constantFrom("org-a", "org-b", "-"),
    skillId: fc.constantFrom(...skills),
    count: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 400 })),
    keys: fc.array(fc.integer({ min: 0, max: recordKeyRange - 1 }), { minLength: 1, maxLength: 400 }),
  })
  .map(({ count, keys, ...cell }): CellCount => {
    const month = cell.bucket === currentBucket ? 0 : cell.month;
    // Each counted record adds its key; a record counted n times (a visit's seats) adds it n times.
    const keySum = Array.from({ length: count }, (_, i) => keys[i % keys.length]!).reduce((s, k) => s + k, 0);
    return { key: cellKey({ ...cell, month }), count, keySum };
  });

/** Counters as stored: one per key. */
const counters = fc
  .array(counter, { maxLength: 300 })
  .map((cells) => [...new Map(cells.map((c) => [c.key, c])).values()]);

const targets = fc.array(
  fc.record({
    field: fc.constantFrom(...fields),
    universityId: fc.constantFrom("lhu", "dnu", null),
    counts: fc.record({
      internships: fc.nat(300),
      visits: fc.nat(300),
      jobs: fc.nat(300),
      trainings: fc.nat(300),
    }),
  }),
  { maxLength: 6 },
);

const boundedSelection = fc
  .option(fc.constantFrom(...fields), { nil: undefined })
  .map((field): Selection => ({ year, scope: { kind: "province", id: null }, filters: { field } }));

/** What the dashboard reads on the bounded path: the roll-ups of the year's and `now`'s partitions. */
const rollupsRead = (cells: CellCount[]) =>
  [...rollUp(cells).values()].filter((r) => r.bucket === String(year) || r.bucket === currentBucket);

const names = { lhu: { vi: "Trường Đại học Lạc Hồng", en: "Lac Hong University" } };

describe("dashboard roll-ups", () => {
  it("publish exactly the tables the counters roll up to, for every view they serve (random counters)", () => {
    fc.assert(
      fc.property(counters, targets, boundedSelection, (cells, targetRows, selection) => {
        expect(boundedSlice(selection)).not.toBeNull();
        const fromCounters = buildDashboardTables({ selection, cells, targets: targetRows, names });
        const fromRollups = buildDashboardTablesFromRollups({
          selection,
          rollups: rollupsRead(cells),
          targets: targetRows,
          names,
        });
        expect(fromRollups).toEqual(fromCounters);
        for (const only of tablesFor("province") as DashboardTableId[]) {
          const one = buildDashboardTablesFromRollups({
            selection,
            rollups: rollupsRead(cells),
            targets: targetRows,
            names,
            only,
          });
          expect(one).toEqual(fromCounters.filter((t) => t.id === only));
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("stay equal when counters change in any order and in pieces (the aggregator's deltas)", () => {
    fc.assert(
      fc.property(counters, fc.array(fc.nat(), { maxLength: 20 }), (cells, cuts) => {
        // Split every counter into deltas added in another order: the sums must be those of the whole counters.
        const deltas: CellCount[] = cells.flatMap((c, i) => {
          const part = cuts.length ? cuts[i % cuts.length]! % (c.count + 1) : 0;
          const keyPart = c.count ? Math.floor((c.keySum! * part) / c.count) : 0;
          return [
            { key: c.key, count: part, keySum: keyPart },
            { key: c.key, count: c.count - part, keySum: c.keySum! - keyPart },
          ];
        });
        deltas.reverse();
        const whole = rollUp(cells);
        const pieces = rollUp(deltas);
        for (const [id, sum] of pieces) {
          if (sum.count !== 0 || sum.keySum !== 0) expect(whole.get(id), id).toEqual(sum);
        }
        for (const [id, sum] of whole) expect(pieces.get(id), id).toEqual(sum);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("serve the province's default and field views; university and organisation views read the counters", () => {
    const province = { kind: "province" as const, id: null };
    expect(boundedSlice({ year, scope: province, filters: {} })).toBe("all");
    expect(boundedSlice({ year, scope: province, filters: { field: "ai" } })).toBe("field:ai");
    expect(boundedSlice({ year, scope: province, filters: { universityId: "lhu" } })).toBeNull();
    expect(boundedSlice({ year, scope: { kind: "university", id: "lhu" }, filters: {} })).toBeNull();
    expect(boundedSlice({ year, scope: { kind: "organisation", id: "o1" }, filters: {} })).toBeNull();
  });
});
