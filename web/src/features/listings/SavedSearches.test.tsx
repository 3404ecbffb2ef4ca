import { fireEvent, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import SavedSearches from "./SavedSearches";

const saved = {
  id: "ss-1",
  name: "Nhúng ở Amata",
  criteria: {
    q: "nhung",
    type: "internship",
    industrialPark: "amata",
    paid: true,
    deadlineAhead: true,
    verifiedOnly: false,
  },
  createdAt: "2026-01-05T02:00:00.000Z",
};

describe("Saved searches page", () => {
  it("describes each search in words, links to its results, and deletes it", async () => {
    const calls = await signInAs(people.lan, ({ method, url }) => {
      if (url === "/api/saved-searches") return { body: { items: [saved] } };
      if (method === "DELETE" && url === "/api/saved-searches/ss-1") return { status: 204, body: null };
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    renderPage(SavedSearches, "/tim-kiem-da-luu");

    expect(await screen.findByText("“nhung” · Thực tập · KCN Amata · Có hỗ trợ")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Xem kết quả" }).getAttribute("href")).toBe(
      "/tim-kiem?q=nhung&type=internship&industrialPark=amata&paid=true",
    );
    fireEvent.click(screen.getByRole("button", { name: "Xóa “Nhúng ở Amata”" }));
    expect(await screen.findByText("Đã xóa “Nhúng ở Amata”.")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Nhúng ở Amata" })).toBeNull();
    expect(
      calls.mock.calls.some(([url, init]) => url === "/api/saved-searches/ss-1" && init?.method === "DELETE"),
    ).toBe(true);
  });
});
