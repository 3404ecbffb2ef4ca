import { fireEvent, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, renderPage, stubFetch } from "../../../test/helpers";
import Home from "./Home";

const unavailable = {
  status: 503,
  body: { error: { code: "database_unavailable", message: "Cơ sở dữ liệu tạm thời không truy cập được." } },
};

describe("Home page", () => {
  it("shows an error with a retry button when the API fails, and the listings once retry succeeds", async () => {
    let fail = true;
    stubFetch(() => (fail ? unavailable : { body: { items: [listingFixture()], cursor: null } }));
    renderPage(Home, "/");

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Không tải được dữ liệu.");
    expect(alert.textContent).toContain("Hệ thống đang bận, vui lòng thử lại sau ít phút.");

    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Thử lại" }));

    expect(await screen.findByRole("link", { name: "Thực tập sinh lập trình nhúng" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("loads more listings through the cursor and filters by type", async () => {
    const calls = stubFetch(({ url }) => {
      const query = new URL(url, "http://x").searchParams;
      if (query.get("type") === "visit") {
        return {
          body: {
            items: [listingFixture({ id: "ls-visit", type: "visit", title: { vi: "Tham quan lab AI" } })],
            cursor: null,
          },
        };
      }
      if (query.get("cursor") === "page-2") {
        return { body: { items: [listingFixture({ id: "ls-2", title: { vi: "Thực tập kiểm thử" } })], cursor: null } };
      }
      return { body: { items: [listingFixture()], cursor: "page-2" } };
    });
    renderPage(Home, "/");

    fireEvent.click(await screen.findByRole("button", { name: "Xem thêm" }));
    expect(await screen.findByRole("link", { name: "Thực tập kiểm thử" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Thực tập sinh lập trình nhúng" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Xem thêm" })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Tham quan" }));
    expect(await screen.findByRole("link", { name: "Tham quan lab AI" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Tham quan" }).getAttribute("aria-pressed")).toBe("true");
    expect(calls.mock.calls.some(([url]) => String(url).includes("type=visit"))).toBe(true);
  });
});
