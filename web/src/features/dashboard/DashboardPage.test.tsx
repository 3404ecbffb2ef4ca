import type { Dashboard } from "@ketnoi/core";
import { screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import { type LegendText, lineOptions } from "./chart-options";
import type { LineSpec } from "./charts";
import DashboardPage from "./DashboardPage";

// jsdom has no canvas: the uPlot module is replaced, and the test checks what it was asked to draw.
const { drawChart } = vi.hoisted(() => ({ drawChart: vi.fn(() => () => {}) }));
vi.mock("./chart-uplot", () => ({ drawChart }));

const label = (vi: string, en = vi) => ({ vi, en });
const peopleColumn = (key: string, vi: string, en: string) => ({ key, label: label(vi, en), kind: "people" as const });
const withTarget = (key: string, vi: string, en: string) => [
  peopleColumn(key, vi, en),
  { key: `${key}Target`, label: label(`${vi} — chỉ tiêu`, `${en} — target`), kind: "target" as const },
  { key: `${key}Percent`, label: label(`${vi} — % chỉ tiêu`, `${en} — % of target`), kind: "percent" as const },
];
const months = Array.from({ length: 12 }, (_, i) => ({ key: String(i + 1), label: label(`T${i + 1}`, `M${i + 1}`) }));
const dashboard: Dashboard = {
  year: 2026,
  scope: { kind: "province", id: null, name: null },
  filters: { field: null, universityId: null },
  generatedAt: "2026-05-04T03:00:00.000Z",
  tables: [
    {
      id: "byField",
      title: label("Tiến độ theo lĩnh vực", "Progress by field"),
      rowHeader: label("Lĩnh vực", "Field"),
      columns: [
        ...withTarget("internships", "Thực tập (số SV được nhận)", "Internship placements"),
        ...withTarget("visits", "Lượt tham quan (người)", "Visit participants"),
      ],
      rows: [
        {
          key: "semiconductors",
          label: label("Bán dẫn và vi mạch", "Semiconductors"),
          cells: [1240, 2000, 62, 310, 400, 78],
        },
        { key: "ai", label: label("Trí tuệ nhân tạo", "AI"), cells: [3, 50, 6, 0, null, null] },
        { key: "software", label: label("Phần mềm", "Software"), cells: [58, null, null, 12, null, null] },
      ],
      total: { label: label("Tổng", "Total"), cells: [1300, 2050, 63, 322, 400, 81] },
    },
    {
      id: "byMonth",
      title: label("Diễn biến theo tháng", "Month by month"),
      rowHeader: label("Tháng", "Month"),
      columns: [
        peopleColumn("internships", "Thực tập (số SV được nhận)", "Internship placements"),
        peopleColumn("visits", "Lượt tham quan (người)", "Visit participants"),
      ],
      rows: months.map((m, i) => ({ ...m, cells: [i * 10, i * 3] })),
      total: { label: label("Tổng", "Total"), cells: [660, 198] },
    },
    {
      id: "skills",
      title: label("Khoảng cách kỹ năng (xếp hạng)", "Skills gap (ranked)"),
      rowHeader: label("Kỹ năng", "Skill"),
      columns: [
        { key: "demand", label: label("Nhu cầu (số tin yêu cầu)", "Demand"), kind: "listings" },
        { key: "supply", label: label("Nguồn cung (số SV có kỹ năng)", "Supply"), kind: "people" },
        { key: "gap", label: label("Thiếu hụt (cầu − cung)", "Shortage"), kind: "gap" },
      ],
      rows: [
        { key: "egov", label: label("Dịch vụ công trực tuyến", "Online public services"), cells: [9, 6, 3] },
        { key: "python", label: label("Python", "Python"), cells: [4, 7, -3] },
      ],
      total: null,
    },
  ],
};

const answer =
  (body: Dashboard) =>
  ({ url }: { url: string }) => {
    if (url.startsWith("/api/dashboard?")) return { body };
    if (url.startsWith("/api/organisations?"))
      return { body: { items: [{ id: "lhu", name: label("Trường Đại học Lạc Hồng") }] } };
    return { status: 404, body: { error: { code: "not_found", message: "" } } };
  };

describe("Dashboard page", () => {
  it("shows a province officer each table with its chart, the adjusted numbers plainly, and download buttons", async () => {
    const calls = await signInAs(people.province, answer(dashboard));
    renderPage(DashboardPage, "/bang-dieu-khien");

    const table = await screen.findByRole("table", { name: "Tiến độ theo lĩnh vực" });
    expect(within(table).getByRole("columnheader", { name: "Thực tập (số SV được nhận)" })).toBeTruthy();
    expect(within(table).getAllByRole("columnheader", { name: "% chỉ tiêu" })).toHaveLength(2);
    expect(within(table).getByRole("rowheader", { name: "Bán dẫn và vi mạch" })).toBeTruthy();
    // Perturbed numbers are plain numbers; the footnote says why they are adjusted.
    expect(within(table).getByText("3").tagName).toBe("TD");
    expect(within(table).queryByText("<5")).toBeNull();
    expect(screen.getByText(/điều chỉnh nhẹ để bảo vệ quyền riêng tư: mỗi ô/)).toBeTruthy();
    expect(within(table).getByText("62%")).toBeTruthy();
    expect(within(table).getByText((text) => text.replace(/\s/g, "") === "1.240")).toBeTruthy();
    // No cell anywhere is a bound ("≥0", "≥-3"): every value is the number the API returned.
    expect(document.body.textContent).not.toMatch(/[≥≤<>]\s*-?\d/);

    expect(screen.getByRole("button", { name: "CSV: tải bảng “Tiến độ theo lĩnh vực”" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Tải tất cả các bảng (Excel)" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Đặt chỉ tiêu" }).getAttribute("href")).toBe("/bang-dieu-khien/chi-tieu");
    const asked = calls.mock.calls.map(([input]) => String(input)).find((u) => u.startsWith("/api/dashboard?"));
    expect(asked).toContain("scope=province");
  });

  it("sums up the year's progress toward targets in one line on top", async () => {
    await signInAs(people.province, answer(dashboard));
    renderPage(DashboardPage, "/bang-dieu-khien");
    const summary = await screen.findByRole("region", { name: "Tiến độ năm 2026" });
    const items = within(summary)
      .getAllByRole("listitem")
      .map((li) => li.textContent?.replace(/\s/g, " "));
    expect(items).toEqual(["Thực tập: 1.300/2.050 chỉ tiêu (63%)", "Tham quan: 322/400 chỉ tiêu (81%)"]);
    // Above the first table.
    const first = screen.getByRole("table", { name: "Tiến độ theo lĩnh vực" });
    expect(summary.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("shows no summary where the dashboard has no progress table (an organisation's funnel has no targets)", async () => {
    const skillsOnly = { ...dashboard, tables: dashboard.tables.filter((table) => table.id === "skills") };
    await signInAs(people.province, answer(skillsOnly));
    renderPage(DashboardPage, "/bang-dieu-khien");
    await screen.findByRole("table", { name: "Khoảng cách kỹ năng (xếp hạng)" });
    expect(screen.queryByRole("region", { name: "Tiến độ năm 2026" })).toBeNull();
    expect(screen.queryByText(/chưa có chỉ tiêu/)).toBeNull();
  });

  it("draws every count series of a progress table as bars with its target and the % reached", async () => {
    await signInAs(people.province, answer(dashboard));
    renderPage(DashboardPage, "/bang-dieu-khien");
    await screen.findByRole("table", { name: "Tiến độ theo lĩnh vực" });
    const section = screen.getByRole("region", { name: "Tiến độ theo lĩnh vực" });
    const chart = section.querySelector<HTMLElement>("[data-chart='hbars']")!;
    expect(chart.getAttribute("aria-hidden")).toBe("true");
    const series = [...chart.querySelectorAll("[data-series]")].map((g) => g.getAttribute("data-series"));
    expect(series).toEqual(["Thực tập (số SV được nhận)", "Lượt tham quan (người)"]);
    const visits = within(chart.querySelector<HTMLElement>("[data-series='Lượt tham quan (người)']")!);
    // Semiconductors: 310 of 400 visit seats (78 %): the target (the group's largest figure) ends the scale.
    const bar = visits.getByText("Bán dẫn và vi mạch").closest("li")!;
    expect(bar.textContent).toContain("310/400 (78%)");
    expect(bar.querySelector<HTMLElement>(".dash-bar-target")!.style.left).toBe("100%");
    expect(bar.querySelector<HTMLElement>(".dash-bar-fill")!.style.width).toBe("77.5%");
    // A row without visits nor a visit target is left out; one with visits but no target shows the plain count.
    expect(visits.queryByText("Trí tuệ nhân tạo")).toBeNull();
    expect(visits.getByText("Phần mềm").closest("li")!.textContent).toContain("12");
    expect(within(chart).getByText("Vạch đứng: chỉ tiêu.")).toBeTruthy();
    expect(within(section).getByText(/biểu đồ\. Số liệu đầy đủ ở bảng ngay sau/)).toBeTruthy();
  });

  it("draws the monthly trend with every series, legend words in Vietnamese", async () => {
    await signInAs(people.province, answer(dashboard));
    renderPage(DashboardPage, "/bang-dieu-khien");
    await waitFor(() => expect(drawChart).toHaveBeenCalled());
    const [, spec, text] = drawChart.mock.calls.at(-1) as unknown as [HTMLElement, LineSpec, LegendText];
    expect(spec.series.map((s) => s.label)).toEqual(["Thực tập (số SV được nhận)", "Lượt tham quan (người)"]);
    expect(spec.series[1]!.values.slice(0, 3)).toEqual([0, 3, 6]);
    const options = lineOptions(spec, text, 640);
    const [x, internships] = options.series as unknown as Array<{
      label: string;
      value: (u: never, v: number | null) => string;
    }>;
    // The legend names the x axis as the table does (uPlot's default is English "Value") and writes vi numbers.
    expect(x!.label).toBe("Tháng");
    expect(x!.value(undefined as never, 2)).toBe("T3");
    expect(internships!.value(undefined as never, null)).toBe("–");
    expect(internships!.value(undefined as never, 1240).replace(/\s/g, "")).toBe("1.240");
  });

  it("draws the skills gap as horizontal bars whose long labels are whole, shortages only", async () => {
    await signInAs(people.province, answer(dashboard));
    renderPage(DashboardPage, "/bang-dieu-khien");
    await screen.findByRole("table", { name: "Khoảng cách kỹ năng (xếp hạng)" });
    const chart = screen
      .getByRole("region", { name: "Khoảng cách kỹ năng (xếp hạng)" })
      .querySelector<HTMLElement>("[data-chart='hbars']")!;
    expect(within(chart).getByText("Dịch vụ công trực tuyến").className).toBe("dash-bar-label");
    expect(within(chart).queryByText("Python")).toBeNull();
  });

  it("speaks English in the English UI: summary and legend", async () => {
    await signInAs(people.province, answer(dashboard));
    renderPage(DashboardPage, "/bang-dieu-khien", "/bang-dieu-khien", "en");
    const summary = await screen.findByRole("region", { name: "Progress in 2026" });
    expect(within(summary).getByText("Internships: 1,300/2,050 target (63%)")).toBeTruthy();
    await waitFor(() => expect(drawChart).toHaveBeenCalled());
    const [, spec] = drawChart.mock.calls.at(-1) as unknown as [HTMLElement, LineSpec];
    expect(spec.xLabel).toBe("Month");
    expect(spec.series.map((s) => s.label)).toContain("Visit participants");
  });

  it("tells a student the dashboard is not for them, without asking the API for figures", async () => {
    const calls = await signInAs(people.lan);
    renderPage(DashboardPage, "/bang-dieu-khien");
    expect(await screen.findByText(/Bảng điều khiển dành cho cán bộ tỉnh/)).toBeTruthy();
    expect(calls.mock.calls.some(([input]) => String(input).startsWith("/api/dashboard"))).toBe(false);
  });
});
