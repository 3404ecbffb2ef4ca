import { describe, expect, it } from "vitest";
import { buildDashboardTables, tableRows } from "./build";
import { type Cell, cellKey } from "./cells";
import type { CellCount, Selection } from "./rollup";
import type { DashboardTable } from "./schemas";

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

describe("buildDashboardTables", () => {
  it("shows progress per field against targets, with small cells and their protectors hidden", () => {
    const byField = table(buildDashboardTables({ selection: province, cells, targets, names }), "byField");
    expect(byField.columns.slice(0, 3).map((c) => c.kind)).toEqual(["people", "target", "percent"]);
    expect(row(byField, "software").slice(0, 3)).toEqual([12, 24, 50]);
    // ai = 3 + 9 = 12 is fine; nothing in the internships column is small.
    expect(row(byField, "ai")[0]).toBe(12);
    expect(byField.total!.cells[0]).toBe(44);
  });

  it("narrows a university scope to its students and hides a lone small count with a protector", () => {
    const selection: Selection = { year: 2026, scope: { kind: "university", id: "lhu" }, filters: {} };
    const tables = buildDashboardTables({ selection, cells, targets, names });
    expect(tables.map((t) => t.id)).not.toContain("byUniversity");
    const byField = table(tables, "byField");
    expect(row(byField, "ai")[0]).toBe("<5");
    expect(row(byField, "software")[0]).toBe("x");
    expect(row(byField, "ai")[2]).toBeNull();
    expect(byField.total!.cells[0]).toBe(15);
  });

  it("gives an organisation the funnel of its own listings only", () => {
    const selection: Selection = { year: 2026, scope: { kind: "organisation", id: "org-b" }, filters: {} };
    const tables = buildDashboardTables({ selection, cells, targets, names });
    expect(tables.map((t) => t.id)).toEqual(["funnel", "funnelByMonth"]);
    expect(table(tables, "funnel").total!.cells).toEqual([0, 0, 0, "<5"]);
  });

  it("ranks the skills gap by shortage and bounds it when supply is small", () => {
    const skills = table(buildDashboardTables({ selection: province, cells, targets, names }), "skills");
    expect(skills.rows[0]).toMatchObject({ key: "python", cells: [9, "<5", "≥5"] });
  });

  it("filters by field and by university, and exports with Vietnamese headers", () => {
    const selection: Selection = {
      year: 2026,
      scope: { kind: "province", id: null },
      filters: { field: "ai", universityId: "dnu" },
    };
    const byUniversity = table(buildDashboardTables({ selection, cells, targets, names }), "byUniversity");
    expect(byUniversity.rows.map((r) => r.key)).toEqual(["dnu"]);
    expect(row(byUniversity, "dnu")[0]).toBe(9);
    const rows = tableRows(byUniversity);
    expect(rows[0]!.slice(0, 2)).toEqual(["Trường", "Thực tập (số SV được nhận)"]);
    expect(rows.at(-1)![0]).toBe("Tổng");
  });
});
