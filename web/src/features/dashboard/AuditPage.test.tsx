import { screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import AuditPage from "./AuditPage";

const page = {
  items: [
    {
      id: "a-1",
      at: "2027-02-04T07:00:00.000Z",
      actorId: "prov-khcn",
      role: "province",
      action: "dashboard.view",
      scope: "province",
      filters: { year: "2027", field: "semiconductors" },
    },
    {
      id: "a-2",
      at: "2027-02-03T02:30:00.000Z",
      actorId: "staff-lhu",
      role: "staff",
      action: "dashboard.export",
      scope: "university:lhu",
      filters: { table: "funnel", format: "csv", universityId: "lhu" },
    },
  ],
  cursor: null,
  names: {
    "prov-khcn": { vi: "Trần Minh Khoa" },
    "staff-lhu": { vi: "Phạm Thu Hà" },
    lhu: { vi: "Trường Đại học Lạc Hồng", en: "Lac Hong University" },
  },
};

describe("Audit log page", () => {
  it("shows each entry in words: people's names, the scope and filters named, the time in Vietnam", async () => {
    await signInAs(people.admin, ({ url }) =>
      url.startsWith("/api/audit")
        ? { body: page }
        : { status: 404, body: { error: { code: "not_found", message: "" } } },
    );
    renderPage(AuditPage, "/bang-dieu-khien/nhat-ky");

    const first = (await screen.findByRole("rowheader", { name: "14:00 04/02/2027" })).closest("tr") as HTMLElement;
    expect(within(first).getByText("Trần Minh Khoa")).toBeTruthy();
    expect(within(first).getByText("Toàn tỉnh")).toBeTruthy();
    expect(within(first).getByText("Năm: 2027; Lĩnh vực: Bán dẫn và vi mạch")).toBeTruthy();
    const second = screen.getByRole("rowheader", { name: "09:30 03/02/2027" }).closest("tr") as HTMLElement;
    expect(within(second).getByText("Phạm Thu Hà")).toBeTruthy();
    expect(within(second).getByText("Sinh viên của Trường Đại học Lạc Hồng")).toBeTruthy();
    // An export names its table by title and its format in words, not "funnel" / "csv".
    expect(
      within(second).getByText("Bảng: Phễu tuyển dụng theo lĩnh vực; Định dạng: CSV; Trường: Trường Đại học Lạc Hồng"),
    ).toBeTruthy();
    // No raw codes left.
    const table = screen.getByRole("table");
    for (const code of ["prov-khcn", "staff-lhu", "semiconductors", "field=", "university:lhu", "2027-02-04"])
      expect(table.textContent).not.toContain(code);
    for (const code of ["funnel", "csv"]) expect(table.textContent).not.toContain(code);
  });
});
