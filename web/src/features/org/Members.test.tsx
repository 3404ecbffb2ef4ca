import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import Members from "./Members";

const org = { id: "org-amata-chip", name: { vi: "Công ty TNHH Vi mạch Amata" }, verification: "verified" };
const members = [
  {
    userId: "rec-amata",
    displayName: "Võ Thị Mai Anh",
    email: "maianh@x.vn",
    role: "owner",
    joinedAt: "2026-01-01T00:00:00.000Z",
  },
  {
    userId: "u-bao",
    displayName: "Ngô Gia Bảo",
    email: "bao@x.vn",
    role: "staff",
    joinedAt: "2026-01-02T00:00:00.000Z",
  },
];

describe("Members page", () => {
  it("lets an owner invite (checked with the schema) and remove a member after confirming", async () => {
    const calls = await signInAs(people.huy, ({ method, url, body }) => {
      if (url === "/api/organisations/org-amata-chip") return { body: org };
      if (url === "/api/organisations/org-amata-chip/members") return { body: { items: members } };
      if (url === "/api/organisations/org-amata-chip/invitations" && method === "GET") return { body: { items: [] } };
      if (url === "/api/organisations/org-amata-chip/invitations") {
        return {
          status: 201,
          body: { id: "inv-1", ...(body as object), expiresAt: "2026-01-20T00:00:00.000Z", status: "pending" },
        };
      }
      if (method === "DELETE" && url === "/api/organisations/org-amata-chip/members/u-bao")
        return { status: 204, body: null };
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    renderPage(Members, "/to-chuc/org-amata-chip/thanh-vien", "/to-chuc/:id/thanh-vien");

    const email = await screen.findByLabelText(/^Email người được mời/);
    fireEvent.input(email, { target: { value: "khong-phai-email" } });
    fireEvent.click(screen.getByRole("button", { name: "Gửi lời mời" }));
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(document.getElementById("f-email-error")?.textContent).toContain("Địa chỉ email không hợp lệ.");

    fireEvent.input(email, { target: { value: "  Tuan.Le@Amata.vn " } });
    fireEvent.click(screen.getByRole("button", { name: "Gửi lời mời" }));
    expect(await screen.findByText("Đã mời Tuan.Le@Amata.vn. Lời mời có hiệu lực 14 ngày.")).toBeTruthy();
    const invite = calls.mock.calls.find(
      ([url, init]) => init?.method === "POST" && String(url).endsWith("/invitations"),
    );
    expect(JSON.parse(String(invite?.[1]?.body))).toEqual({ email: "Tuan.Le@Amata.vn", role: "staff" });

    fireEvent.click(screen.getByRole("button", { name: "Xóa Ngô Gia Bảo" }));
    expect(screen.getByText("Xóa Ngô Gia Bảo khỏi tổ chức?")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Xác nhận xóa" }));
    expect(await screen.findByText("Đã xóa Ngô Gia Bảo.")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: /Ngô Gia Bảo/ })).toBeNull();
  });
});
