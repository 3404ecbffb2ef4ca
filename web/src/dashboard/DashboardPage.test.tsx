import type { Dashboard } from "@ketnoi/core";
import { screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { people, renderPage, signInAs } from "../../test/helpers";
import DashboardPage from "./DashboardPage";

// jsdom has no canvas: the uPlot module is replaced, and the test checks what it was asked to draw.
const { drawChart } = vi.hoisted(() => ({ drawChart: vi.fn(() => () => {}) }));
vi.mock("./chart-uplot", () => ({ drawChart }));

const label = (vi: string, en = vi) => ({ vi, en });
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
        { key: "internships", label: label("Thực tập (số SV được nhận)", "Internship placements"), kind: "people" },
        { key: "internshipsTarget", label: label("Thực tập — chỉ tiêu", "Internships — target"), kind: "target" },
        {
          key: "internshipsPercent",
          label: label("Thực tập — % chỉ tiêu", "Internships — % of target"),
          kind: "percent",
        },
      ],
      rows: [
        { key: "semiconductors", label: label("Bán dẫn và vi mạch", "Semiconductors"), cells: [1240, 2000, 62] },
        { key: "ai", label: label("Trí tuệ nhân tạo", "AI"), cells: [3, 50, 6] },
        { key: "software", label: label("Phần mềm", "Software"), cells: [58, null, null] },
      ],
      total: { label: label("Tổng", "Total"), cells: [1300, 2050, 63] },
    },
  ],
};

describe("Dashboard page", () => {
  it("shows a province officer each table with its chart, the adjusted numbers plainly, and download buttons", async () => {
    const calls = await signInAs(people.province, ({ url }) => {
      if (url.startsWith("/api/dashboard?")) return { body: dashboard };
      if (url.startsWith("/api/organisations?"))
        return { body: { items: [{ id: "lhu", name: label("Trường Đại học Lạc Hồng") }] } };
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    renderPage(DashboardPage, "/bang-dieu-khien");

    const table = await screen.findByRole("table", { name: "Tiến độ theo lĩnh vực" });
    expect(within(table).getByRole("columnheader", { name: "Thực tập (số SV được nhận)" })).toBeTruthy();
    expect(within(table).getByRole("columnheader", { name: "% chỉ tiêu" })).toBeTruthy();
    expect(within(table).getByRole("rowheader", { name: "Bán dẫn và vi mạch" })).toBeTruthy();
    // Perturbed numbers are plain numbers; the footnote says why they are adjusted.
    expect(within(table).getByText("3").tagName).toBe("TD");
    expect(within(table).queryByText("<5")).toBeNull();
    expect(screen.getByText(/điều chỉnh nhẹ để bảo vệ quyền riêng tư: mỗi ô/)).toBeTruthy();
    expect(within(table).getByText("62%")).toBeTruthy();
    expect(within(table).getByText((text) => text.replace(/\s/g, "") === "1.240")).toBeTruthy();

    const chart = document.querySelector("[data-chart='bars']");
    expect(chart?.getAttribute("aria-hidden")).toBe("true");
    await waitFor(() => expect(drawChart).toHaveBeenCalled());
    const [, spec] = drawChart.mock.calls[0] as unknown as [HTMLElement, { series: Array<{ values: unknown[] }> }];
    // The chart draws the same figures as the table.
    expect(spec.series[0]!.values).toEqual([1240, 3, 58]);
    expect(screen.getByText(/biểu đồ\. Số liệu đầy đủ ở bảng ngay sau/)).toBeTruthy();

    expect(screen.getByRole("button", { name: "CSV: tải bảng “Tiến độ theo lĩnh vực”" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Tải tất cả các bảng (Excel)" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Đặt chỉ tiêu" }).getAttribute("href")).toBe("/bang-dieu-khien/chi-tieu");
    const asked = calls.mock.calls.map(([input]) => String(input)).find((u) => u.startsWith("/api/dashboard?"));
    expect(asked).toContain("scope=province");
  });

  it("tells a student the dashboard is not for them, without asking the API for figures", async () => {
    const calls = await signInAs(people.lan);
    renderPage(DashboardPage, "/bang-dieu-khien");
    expect(await screen.findByText(/Bảng điều khiển dành cho cán bộ tỉnh/)).toBeTruthy();
    expect(calls.mock.calls.some(([input]) => String(input).startsWith("/api/dashboard"))).toBe(false);
  });
});
