import { describe, expect, it } from "vitest";
import { buildDashboardTables, tableRows } from "./build";
import { type Cell, cellKey } from "./cells";
import { publishedCount } from "./perturbation";
import type { CellCount, Selection } from "./rollup";
import type { DashboardTable } from "./schemas";

// Key sums as the aggregator stores them: each counter's records' keys added up (any integers will do here).
const keySums = [3_812_004_117, 1_290_338_411, 2_020_113, 4_001_777_120, 58_442_999, 733_102_448, 2_999_000_001];
let nextCell = 0;
const cell = (partial: Partial<Cell>, count: number): CellCount => ({
  key: cellKey({
    bucket: "2026",
    metric: "internships",
    month: 3,
    field: "software",
    universityId: "lhu",
    parkId: "amata",
    communeId: "p-long-binh",
    orgId: "org-a",
    skillId: "-",
    ...partial,
  }),
  count,
  keySum: keySums[nextCell++ % keySums.length]! * 3,
});

const cells: CellCount[] = [
  cell({}, 12),
  cell({ field: "ai" }, 3),
  cell({ field: "ai", universityId: "dnu" }, 9),
  cell({ field: "automation", universityId: "dnu", month: 4 }, 20),
  cell({ metric: "published", universityId: "-" }, 2),
  cell({ metric: "applied" }, 40),
  cell({ metric: "accepted", orgId: "org-b" }, 3),
  cell(
    { bucket: "now", metric: "demand", month: 0, universityId: "-", parkId: "-", communeId: "-", skillId: "python" },
    9,
  ),
  cell({ bucket: "now", metric: "supply", month: 0, orgId: "-", parkId: "-", communeId: "-", skillId: "python" }, 3),
  cell({ bucket: "2025" }, 100),
];
const province: Selection = { year: 2026, scope: { kind: "province", id: null }, filters: {} };
const names = { lhu: { vi: "Trường Đại học Lạc Hồng", en: "Lac Hong University" } };
const targets = [
  { field: "software" as const, universityId: null, counts: { internships: 24, visits: 0, jobs: 0, trainings: 0 } },
];

const table = (tables: DashboardTable[], id: string) => tables.find((t) => t.id === id)!;
const row = (t: DashboardTable, key: string) => t.rows.find((r) => r.key === key)!.cells;

const keySumOf = (...picked: CellCount[]) => picked.reduce((sum, c) => sum + c.keySum!, 0);
const shown = (count: number, ...picked: CellCount[]) => publishedCount({ count, keySum: keySumOf(...picked) });

describe("buildDashboardTables", () => {
  it("shows progress per field against targets, each cell and the total perturbed as cells of their own", () => {
    const byField = table(buildDashboardTables({ selection: province, cells, targets, names }), "byField");
    expect(byField.columns.slice(0, 3).map((c) => c.kind)).toEqual(["people", "target", "percent"]);
    const software = shown(12, cells[0]!);
    expect(row(byField, "software").slice(0, 3)).toEqual([software, 24, Math.round((software / 24) * 100)]);
    expect(row(byField, "ai")[0]).toBe(shown(12, cells[1]!, cells[2]!));
    // The total is the cell of all 44 records (its own key sum, its own noise), not the sum of the shown rows.
    expect(byField.total!.cells[0]).toBe(shown(44, cells[0]!, cells[1]!, cells[2]!, cells[3]!));
    expect(Math.abs((byField.total!.cells[0] as number) - 44)).toBeLessThan(41);
  });

  it("narrows a university scope to its students and never shows a small count as itself", () => {
    const selection: Selection = { year: 2026, scope: { kind: "university", id: "lhu" }, filters: {} };
    const tables = buildDashboardTables({ selection, cells, targets, names });
    expect(tables.map((t) => t.id)).not.toContain("byUniversity");
    const byField = table(tables, "byField");
    expect(row(byField, "ai")[0]).toBe(shown(3, cells[1]!));
    expect(row(byField, "ai")[0]).not.toBe(3);
    expect(row(byField, "software")[0]).toBe(shown(12, cells[0]!));
    expect(byField.total!.cells[0]).toBe(shown(15, cells[0]!, cells[1]!));
  });

  it("shows the same records as the same number in every table and scope that reaches them", () => {
    const selection: Selection = { year: 2026, scope: { kind: "university", id: "lhu" }, filters: { field: "ai" } };
    const narrowed = buildDashboardTables({ selection, cells, targets, names });
    const ai = row(
      table(buildDashboardTables({ selection: { ...selection, filters: {} }, cells, targets, names }), "byField"),
      "ai",
    )[0];
    expect(table(narrowed, "byField").total!.cells[0]).toBe(ai);
    expect(row(table(narrowed, "byMonth"), "3")[0]).toBe(ai);
    expect(row(table(narrowed, "byPark"), "amata")[0]).toBe(ai);
  });

  it("gives an organisation the funnel of its own listings only", () => {
    const selection: Selection = { year: 2026, scope: { kind: "organisation", id: "org-b" }, filters: {} };
    const tables = buildDashboardTables({ selection, cells, targets, names });
    expect(tables.map((t) => t.id)).toEqual(["funnel", "funnelByMonth"]);
    expect(table(tables, "funnel").total!.cells).toEqual([0, 0, 0, shown(3, cells[6]!)]);
  });

  it("ranks the skills gap by the shortage of the shown supply, listing demand exact", () => {
    const skills = table(buildDashboardTables({ selection: province, cells, targets, names }), "skills");
    const supply = shown(3, cells[8]!);
    expect(skills.rows[0]).toMatchObject({ key: "python", cells: [9, supply, 9 - supply] });
  });

  it("filters by field and by university, and exports with Vietnamese headers", () => {
    const selection: Selection = {
      year: 2026,
      scope: { kind: "province", id: null },
      filters: { field: "ai", universityId: "dnu" },
    };
    const byUniversity = table(buildDashboardTables({ selection, cells, targets, names }), "byUniversity");
    expect(byUniversity.rows.map((r) => r.key)).toEqual(["dnu"]);
    expect(row(byUniversity, "dnu")[0]).toBe(shown(9, cells[2]!));
    const rows = tableRows(byUniversity);
    expect(rows[0]!.slice(0, 2)).toEqual(["Trường", "Thực tập (số SV được nhận)"]);
    expect(rows.at(-1)![0]).toBe("Tổng");
  });
});
