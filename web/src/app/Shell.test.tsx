import { fireEvent, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderInShell, signInAs } from "../../test/helpers";
import { menuFor } from "./nav";
import { Shell } from "./Shell";

const page = () => <h1>Trang thử</h1>;
const notifications = { body: { items: [], unread: 3 } };

describe("menuFor", () => {
  it("gives each role the pages it comes for", () => {
    const hrefs = (me: Parameters<typeof menuFor>[0]) => menuFor(me).map((item) => item.href);
    expect(hrefs(null)).toEqual(["/", "/tim-kiem"]);
    expect(hrefs(people.lan)).toEqual([
      "/",
      "/tim-kiem",
      "/danh-cho-ban",
      "/ung-tuyen",
      "/phan-bo",
      "/tim-kiem-da-luu",
      "/ho-so",
    ]);
    expect(hrefs(people.ha)).toEqual(["/", "/to-chuc-cua-toi", "/to-chuc/lhu/tin", "/phan-bo"]);
    expect(hrefs(people.huy)).toEqual(["/", "/to-chuc-cua-toi", "/to-chuc/org-amata-chip/tin", "/phan-bo"]);
    expect(hrefs({ ...people.huy, memberships: [] })).toEqual(["/", "/to-chuc-cua-toi", "/phan-bo"]);
    expect(hrefs(people.admin)).toContain("/quan-tri/xac-minh");
    expect(hrefs(people.province)).toContain("/quan-tri/xac-minh");
  });
});

describe("Shell", () => {
  it("shows a signed-out visitor the sign-in link and no bell", () => {
    renderInShell(Shell, page, "/");
    const nav = screen.getByRole("navigation", { name: "Điều hướng chính" });
    expect(within(nav).getByRole("link", { name: "Đăng nhập" })).toBeTruthy();
    expect(within(nav).queryByRole("link", { name: /^Thông báo/ })).toBeNull();
  });

  it("shows a student's menu and a bell naming the unread count", async () => {
    await signInAs(people.lan, ({ url }) => (url === "/api/notifications" ? notifications : { body: {} }));
    renderInShell(Shell, page, "/");
    const nav = screen.getByRole("navigation", { name: "Điều hướng chính" });
    expect(within(nav).getByRole("link", { name: "Đơn ứng tuyển" }).getAttribute("href")).toBe("/ung-tuyen");
    expect(within(nav).getByRole("link", { name: "Hồ sơ" })).toBeTruthy();
    expect(within(nav).queryByRole("link", { name: "Xác minh tổ chức" })).toBeNull();
    // Students need no second factor: no account security link.
    expect(within(nav).queryByRole("link", { name: "Bảo mật tài khoản" })).toBeNull();
    const bell = await within(nav).findByRole("link", { name: "Thông báo, 3 chưa đọc" });
    expect(bell.getAttribute("href")).toBe("/thong-bao");
  });

  it("folds the menu behind a button that says whether it is open", async () => {
    await signInAs(people.admin, () => notifications);
    renderInShell(Shell, page, "/");
    const toggle = screen.getByRole("button", { name: "Menu" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(document.getElementById(toggle.getAttribute("aria-controls") ?? "")?.className).toContain("menu-open");
    expect(screen.getByRole("link", { name: "Xác minh tổ chức" })).toBeTruthy();
  });

  it.each([people.ha, people.huy, people.province, people.admin])(
    "links $role to the account security page (TOTP enrolment)",
    async (me) => {
      await signInAs(me, () => notifications);
      renderInShell(Shell, page, "/");
      const nav = screen.getByRole("navigation", { name: "Điều hướng chính" });
      expect(within(nav).getByRole("link", { name: "Bảo mật tài khoản" }).getAttribute("href")).toBe("/bao-mat");
    },
  );
});
