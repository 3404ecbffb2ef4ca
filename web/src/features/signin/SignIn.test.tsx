import type { DemoAccount } from "@ketnoi/core";
import { fireEvent, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { deployConfig } from "../../../test/deploy-config";
import { renderPage, stubFetch } from "../../../test/helpers";
import { session } from "../../app/session/session";
import SignIn from "./SignIn";

const accounts: DemoAccount[] = [
  { id: "sv-lan", displayName: "Nguyễn Thị Lan", email: "lan@example.edu.vn", role: "student" },
  { id: "sv-minh", displayName: "Trần Văn Minh", email: "minh@example.edu.vn", role: "student" },
  { id: "staff-lhu", displayName: "Phạm Thu Hà", email: "ha@lhu.example", role: "staff", orgName: "Đại học Lạc Hồng" },
  {
    id: "rec-amata",
    displayName: "Lê Quang Huy",
    email: "huy@chip.example",
    role: "recruiter",
    orgName: "Vi mạch Amata",
  },
  { id: "prov-khcn", displayName: "Võ Minh Tâm", email: "tam@dongnai.example", role: "province" },
  { id: "admin", displayName: "Quản trị KetNoi", email: "admin@ketnoi.example", role: "admin" },
];

describe("SignIn page", () => {
  it("lists the demo accounts grouped under the Vietnamese role names", async () => {
    stubFetch(({ url }) => {
      // Locally there is no config.json: the development provider signs people in.
      if (url === "/config.json") return { status: 404, body: {} };
      expect(url).toBe("/api/dev-auth/accounts");
      return { body: { accounts } };
    });
    renderPage(SignIn, "/dang-nhap");

    const students = await screen.findByRole("region", { name: "Sinh viên" });
    expect(within(students).getByText("Nguyễn Thị Lan")).toBeTruthy();
    expect(within(students).getByText("Trần Văn Minh")).toBeTruthy();
    expect(within(students).queryByText("Phạm Thu Hà")).toBeNull();
    const staff = screen.getByRole("region", { name: "Cán bộ trường/viện" });
    expect(within(staff).getByText("Đại học Lạc Hồng")).toBeTruthy();
    // Each account shows the id the README uses and its role, so two colleagues are never a guess.
    expect(within(staff).getByText("staff-lhu").closest(".account-id")?.textContent).toBe(
      "staff-lhu · Cán bộ trường/viện",
    );
    expect(within(students).getByText("sv-lan")).toBeTruthy();
    for (const role of ["Nhà tuyển dụng", "Cán bộ tỉnh", "Quản trị nền tảng"]) {
      expect(screen.getByRole("region", { name: role })).toBeTruthy();
    }
    expect(screen.getAllByRole("button", { name: /^Đăng nhập với tên / })).toHaveLength(accounts.length);
  });

  it("signs in with the chosen account, sends its token, and returns home", async () => {
    const calls = stubFetch(({ method, url, headers }) => {
      if (url === "/api/dev-auth/accounts") return { body: { accounts } };
      if (url === "/config.json") return { status: 404, body: {} };
      if (method === "POST" && url === "/api/dev-auth/token") return { body: { token: "tok-lan", expiresIn: 3600 } };
      if (url === "/api/me" && headers.get("authorization") === "Bearer tok-lan") {
        return { body: { ...accounts[0], memberships: [] } };
      }
      return { status: 401, body: { error: { code: "unauthenticated", message: "no" } } };
    });
    renderPage(SignIn, "/dang-nhap");

    fireEvent.click(await screen.findByRole("button", { name: "Đăng nhập với tên Nguyễn Thị Lan" }));

    expect(await screen.findByText("stand-in home")).toBeTruthy();
    expect(session.me()?.displayName).toBe("Nguyễn Thị Lan");
    const tokenCall = calls.mock.calls.find(([url]) => url === "/api/dev-auth/token");
    expect(JSON.parse(String(tokenCall?.[1]?.body))).toEqual({ userId: "sv-lan" });
    session.signOut();
  });

  it("explains a failed account list and loads it again on retry", async () => {
    let fail = true;
    stubFetch(({ url }) =>
      url === "/config.json"
        ? { status: 404, body: {} }
        : fail
          ? { status: 503, body: { error: { code: "database_unavailable", message: "Cơ sở dữ liệu tạm thời…" } } }
          : { body: { accounts } },
    );
    renderPage(SignIn, "/dang-nhap");

    expect(await screen.findByText("Hệ thống đang bận, vui lòng thử lại sau ít phút.")).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Thử lại" }));
    expect(await screen.findByRole("region", { name: "Sinh viên" })).toBeTruthy();
  });

  it("offers the hosted UI, not the demo accounts, when the deployed config.json names it", async () => {
    const calls = stubFetch(({ url }) => (url === "/config.json" ? { body: deployConfig } : { status: 404, body: {} }));
    renderPage(SignIn, "/dang-nhap?tiep=/ho-so", "/dang-nhap");

    const button = await screen.findByRole("button", { name: "Đăng nhập / Đăng ký bằng tài khoản KetNoi" });
    expect(button).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Sinh viên" })).toBeNull();
    expect(calls.mock.calls.map(([url]) => url)).toEqual(["/config.json"]);
  });
});
