import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { communes, industrialParks } from "../places";
import { buildDashboardTables, buildDashboardTablesFromRollups, tablesFor } from "./build";
import { cellKey, currentBucket } from "./cells";
import { workforceFieldIds } from "./fields";
import { metrics } from "./metrics";
import { recordKeyRange } from "./perturbation";
import type { CellCount, Selection } from "./rollup";
import { rollUp, rollupKeysOf, rollupSlicesOf, slicesRead } from "./rollups";
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

/**
 * Every view a user can open: the province (with a field and/or a university filter), a university's staff (its
 * own students; a university filter the route never passes is overridden by the scope, as in `selectCells`) and an
 * organisation's members (with the same filters). Ids include ones no counter names.
 */
const anySelection = fc
  .record({
    kind: fc.constantFrom("province" as const, "university" as const, "organisation" as const),
    university: fc.constantFrom("lhu", "dnu", "vnu-lab", "nowhere"),
    org: fc.constantFrom("org-a", "org-b", "org-z"),
    field: fc.option(fc.constantFrom(...fields), { nil: undefined }),
    universityId: fc.option(fc.constantFrom("lhu", "dnu", "nowhere"), { nil: undefined }),
  })
  .map(({ kind, university, org, field, universityId }): Selection => {
    const id = kind === "province" ? null : kind === "university" ? university : org;
    return { year, scope: { kind, id }, filters: { field, universityId } };
  });

/** What the dashboard reads on the bounded path: the roll-ups of the year's and `now`'s partitions. */
const rollupsRead = (cells: CellCount[]) =>
  [...rollUp(cells).values()].filter((r) => r.bucket === String(year) || r.bucket === currentBucket);

const names = { lhu: { vi: "Trường Đại học Lạc Hồng", en: "Lac Hong University" } };

describe("dashboard roll-ups", () => {
  it("publish exactly the tables the counters roll up to, for every view they serve (random counters)", () => {
    fc.assert(
      fc.property(counters, targets, anySelection, (cells, targetRows, selection) => {
        const fromCounters = buildDashboardTables({ selection, cells, targets: targetRows, names });
        const fromRollups = buildDashboardTablesFromRollups({
          selection,
          rollups: rollupsRead(cells),
          targets: targetRows,
          names,
        });
        expect(fromRollups).toEqual(fromCounters);
        for (const only of tablesFor(selection.scope.kind) as DashboardTableId[]) {
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
      { numRuns: 600 },
    );
  }, 120_000);

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

  it("serve every view from one or two slices: a university's people counts beside the province's listings", () => {
    const province = { kind: "province" as const, id: null };
    const university = { kind: "university" as const, id: "lhu" };
    const organisation = { kind: "organisation" as const, id: "o1" };
    const slices = (scope: Selection["scope"], filters: Selection["filters"]) => ({
      ...rollupSlicesOf({ year, scope, filters }),
      read: slicesRead({ year, scope, filters }),
    });
    expect(slices(province, {})).toEqual({ people: "all", listings: "all", read: ["all"] });
    expect(slices(province, { field: "ai" }).read).toEqual(["field:ai"]);
    expect(slices(province, { universityId: "lhu" }).read).toEqual(["university:lhu", "all"]);
    expect(slices(province, { universityId: "lhu", field: "ai" }).read).toEqual([
      "university:lhu/field:ai",
      "field:ai",
    ]);
    expect(slices(university, {}).read).toEqual(["university:lhu", "all"]);
    expect(slices(university, { universityId: "dnu", field: "ai" }).read).toEqual([
      "university:lhu/field:ai",
      "field:ai",
    ]);
    expect(slices(organisation, { field: "ai" })).toEqual({
      people: "org:o1",
      listings: "org:o1",
      field: "ai",
      read: ["org:o1"],
    });
    expect(slices(organisation, { universityId: "lhu" }).read).toEqual(["org:o1/university:lhu", "org:o1"]);
  });

  it("add a counter to its school's and organisation's slices only where a view reads it", () => {
    const applied = cellKey({
      bucket: String(year),
      metric: "applied",
      month: 3,
      field: "software",
      universityId: "lhu",
      parkId: "-",
      communeId: "p-tran-bien",
      orgId: "o1",
      skillId: "-",
    });
    const slicesOf = (key: string) => [...new Set(rollupKeysOf(key).map((k) => k.slice(0, k.indexOf("|"))))];
    expect(slicesOf(applied)).toEqual([
      "all",
      "field:software",
      "university:lhu",
      "university:lhu/field:software",
      "org:o1",
      "org:o1/university:lhu",
    ]);
    expect(rollupKeysOf(applied)).toHaveLength(20);
    expect(rollupKeysOf(applied)).toContain("org:o1|fieldMonth|software.3|applied");
    // A listing count belongs to no school; a student not confirmed by one (`-`) to no school's slice; a placement
    // to no organisation's (its tables are the funnel).
    expect(slicesOf(applied.replace("|applied|", "|published|").replace("|lhu|", "|-|"))).toEqual([
      "all",
      "field:software",
      "org:o1",
    ]);
    expect(slicesOf(applied.replace("|lhu|", "|-|"))).toEqual(["all", "field:software", "org:o1"]);
    expect(slicesOf(applied.replace("|applied|", "|internships|"))).toEqual([
      "all",
      "field:software",
      "university:lhu",
      "university:lhu/field:software",
    ]);
  });
});
