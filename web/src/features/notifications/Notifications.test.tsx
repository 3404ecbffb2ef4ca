import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import Notifications from "./Notifications";
import { unreadNotifications } from "./unread";

const items = [
  {
    id: "n-2",
    kind: "application_status",
    title: { vi: "Hồ sơ của bạn vào danh sách rút gọn", en: "You were shortlisted" },
    link: "/ung-tuyen",
    read: false,
    createdAt: "2026-01-05T07:05:00.000Z",
  },
  {
    id: "n-1",
    kind: "organisation_verification",
    title: { vi: "Tổ chức đã được xác minh", en: "Organisation verified" },
    read: true,
    createdAt: "2026-01-04T07:05:00.000Z",
  },
];

describe("Notifications page", () => {
  it("asks a signed-out visitor to sign in, linking back here", () => {
    renderPage(Notifications, "/thong-bao");
    expect(screen.getByRole("heading", { name: "Cần đăng nhập" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Đăng nhập" }).getAttribute("href")).toBe("/dang-nhap?tiep=%2Fthong-bao");
  });

  it("lists notifications in the user's language, marks one read and lowers the bell's count", async () => {
    const calls = await signInAs(people.lan, ({ method, url }) => {
      if (url === "/api/notifications") return { body: { items, unread: 1 } };
      if (method === "POST" && url === "/api/notifications/n-2/read") return { status: 204, body: null };
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    unreadNotifications.set(1);
    renderPage(Notifications, "/thong-bao");

    expect(await screen.findByText("Hồ sơ của bạn vào danh sách rút gọn")).toBeTruthy();
    expect(screen.getByText("Chưa đọc")).toBeTruthy();
    expect(screen.getByText("14:05 05/01/2026")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Đánh dấu đã đọc" }));

    await screen.findByText("0 thông báo chưa đọc");
    expect(screen.queryByText("Chưa đọc")).toBeNull();
    expect(unreadNotifications.count()).toBe(0);
    expect(
      calls.mock.calls.some(([url, init]) => url === "/api/notifications/n-2/read" && init?.method === "POST"),
    ).toBe(true);
  });

  it("shows a placement notice and opens the placement page from it", async () => {
    const placement = {
      id: "n-3",
      kind: "placement",
      title: { vi: "Bạn có chỗ mới trong đợt phân bổ “Đợt hè”", en: "You have a new placement in “Đợt hè”" },
      body: { vi: "Một chỗ có người từ chối đã được mời lại.", en: "A declined seat was offered onwards." },
      link: "/phan-bo",
      read: false,
      createdAt: "2026-01-06T07:05:00.000Z",
    };
    await signInAs(people.lan, ({ method, url }) => {
      if (url === "/api/notifications") return { body: { items: [placement], unread: 1 } };
      if (method === "POST" && url === "/api/notifications/n-3/read") return { status: 204, body: null };
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    const { history } = renderPage(Notifications, "/thong-bao", "/thong-bao", "en");

    expect(await screen.findByText("You have a new placement in “Đợt hè”")).toBeTruthy();
    expect(screen.getByText("A declined seat was offered onwards.")).toBeTruthy();
    // The moment in Vietnam time (07:05 UTC is 14:05 there), as English writes it; never the stored ISO string.
    expect(screen.getByText("06/01/2026, 14:05")).toBeTruthy();
    expect(screen.queryByText(/2026-01-06/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Open" }));
    await waitFor(() => expect(history.get()).toBe("/phan-bo"));
  });
});
