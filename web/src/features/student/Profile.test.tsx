import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import { session } from "../../app/session/session";
import Profile from "./Profile";

const profile = {
  userId: "sv-lan",
  fullName: "Nguyễn Thị Lan",
  universityId: "lhu",
  major: "it",
  year: 3,
  skills: [{ id: "python", level: 3 }],
  languages: [{ code: "vi", level: "native" }],
  reachableCommunes: ["p-long-binh"],
  preferredSectors: ["software"],
  consents: {
    shareWithAppliedOrgs: { granted: true, at: "2026-01-05T02:30:00.000Z" },
    recommendToRecruiters: { granted: false, at: "2026-01-01T00:00:00.000Z" },
    provinceStatistics: { granted: true, at: "2026-01-01T00:00:00.000Z" },
  },
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-05T02:30:00.000Z",
  version: 4,
};
const school = { id: "lhu", kind: "university", name: { vi: "Trường Đại học Lạc Hồng" }, verification: "verified" };

function serve(extra: (request: { method: string; url: string; body: unknown }) => unknown = () => undefined) {
  return signInAs(people.lan, (request) => {
    const answer = extra(request);
    if (answer) return answer as { body: unknown };
    if (request.url === "/api/students/me" && request.method === "GET") return { body: profile };
    if (request.url.startsWith("/api/organisations?kind=university")) return { body: { items: [school] } };
    if (request.url.startsWith("/api/organisations?kind=institute")) return { body: { items: [] } };
    return { status: 404, body: { error: { code: "not_found", message: "" } } };
  });
}

describe("Profile and consents", () => {
  it("shows each consent with its timestamp, and withdrawing one saves it with the version and a new time", async () => {
    const calls = await serve(({ method, url, body }) =>
      method === "PUT" && url === "/api/students/me"
        ? {
            body: {
              ...profile,
              version: 5,
              consents: {
                ...profile.consents,
                shareWithAppliedOrgs: {
                  granted: (body as { consents: { shareWithAppliedOrgs: boolean } }).consents.shareWithAppliedOrgs,
                  at: "2026-01-06T03:00:00.000Z",
                },
              },
            },
          }
        : undefined,
    );
    renderPage(Profile, "/ho-so");

    const share = await screen.findByRole("switch", { name: "Chia sẻ họ tên, email và CV với tổ chức tôi ứng tuyển" });
    expect((share as HTMLInputElement).checked).toBe(true);
    const description = () =>
      (share.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent)
        .join(" ");
    expect(description()).toContain("Đã đồng ý lúc 09:30 05/01/2026");
    expect(screen.getByText("Chưa đồng ý (ghi nhận lúc 07:00 01/01/2026)")).toBeTruthy();

    fireEvent.click(share);

    await waitFor(() => expect(description()).toContain("Đã rút lại lúc 10:00 06/01/2026"));
    expect((share as HTMLInputElement).checked).toBe(false);
    expect(document.body.contains(share)).toBe(true);
    const put = calls.mock.calls.find(([, init]) => init?.method === "PUT");
    const sent = JSON.parse(String(put?.[1]?.body));
    expect(sent.version).toBe(4);
    expect(sent.consents).toEqual({
      shareWithAppliedOrgs: false,
      recommendToRecruiters: false,
      provinceStatistics: true,
    });
    expect(sent).not.toHaveProperty("userId");
  });

  it("erases only after the exact phrase is typed, then shows the receipt and signs out", async () => {
    const calls = await serve(({ method, url }) =>
      method === "DELETE" && url === "/api/students/me"
        ? {
            body: {
              erasedAt: "2026-01-06T03:00:00.000Z",
              deleted: [{ section: "student", count: 1 }],
              kept: [
                { section: "application", count: 2, reason: { vi: "Giữ số liệu tuyển dụng", en: "Keeps numbers" } },
              ],
            },
          }
        : undefined,
    );
    renderPage(Profile, "/ho-so");

    fireEvent.click(await screen.findByRole("button", { name: "Tôi muốn xóa tài khoản" }));
    const confirm = screen.getByLabelText("Gõ XOA TAI KHOAN để xác nhận");
    fireEvent.input(confirm, { target: { value: "xoa" } });
    fireEvent.click(screen.getByRole("button", { name: "Xóa vĩnh viễn tài khoản" }));
    await waitFor(() => expect(confirm.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("f-confirm-error")?.textContent).toContain("Hãy gõ đúng cụm XOA TAI KHOAN.");
    expect(calls.mock.calls.some(([, init]) => init?.method === "DELETE")).toBe(false);

    fireEvent.input(confirm, { target: { value: "XOA TAI KHOAN" } });
    fireEvent.click(screen.getByRole("button", { name: "Xóa vĩnh viễn tài khoản" }));
    expect(await screen.findByText("Tài khoản đã được xóa lúc 10:00 06/01/2026.")).toBeTruthy();
    expect(screen.getByText("application: 2 — Giữ số liệu tuyển dụng")).toBeTruthy();
    expect(session.me()).toBeNull();
    const del = calls.mock.calls.find(([, init]) => init?.method === "DELETE");
    expect(JSON.parse(String(del?.[1]?.body))).toEqual({ confirm: "XOA TAI KHOAN" });
  });

  it("downloads the export as a JSON file", async () => {
    await serve(({ url }) =>
      url === "/api/students/me/export" ? { body: { format: "ketnoi-personal-data/1", sections: {} } } : undefined,
    );
    const createObjectURL = vi.fn(() => "blob:export");
    // jsdom has no object URLs; each test file runs in its own environment, so adding them here stays here.
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    renderPage(Profile, "/ho-so");

    fireEvent.click(await screen.findByRole("button", { name: "Tải dữ liệu của tôi (JSON)" }));

    expect(await screen.findByText("Đã tải tệp dữ liệu của bạn.")).toBeTruthy();
    expect(createObjectURL).toHaveBeenCalledOnce();
    expect(clicked).toHaveBeenCalledOnce();
    clicked.mockRestore();
  });
});
