import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import VerificationQueue from "./VerificationQueue";

const pending = (id: string, vi: string) => ({
  id,
  kind: "enterprise",
  name: { vi },
  sectors: ["electronics"],
  communeId: "x-trang-bom",
  industrialParkId: "song-may",
  address: "Lô 5, KCN Sông Mây",
  website: "https://smarthome.example.vn",
  verification: "pending",
  createdAt: "2026-01-05T01:00:00.000Z",
  updatedAt: "2026-01-05T01:00:00.000Z",
  version: 1,
});

function serve() {
  return signInAs(people.admin, ({ method, url, body }) => {
    if (url === "/api/organisations?verification=pending") {
      return { body: { items: [pending("org-a", "Nhà thông minh Sông Mây"), pending("org-b", "Cảm biến Bàu Xéo")] } };
    }
    if (method === "POST" && url.endsWith("/verification")) {
      const id = url.split("/")[3]!;
      return { body: { ...pending(id, ""), verification: (body as { decision: string }).decision } };
    }
    return { status: 404, body: { error: { code: "not_found", message: "" } } };
  });
}

describe("Verification queue", () => {
  it("verifies an organisation, removes it from the queue and focuses the confirmation", async () => {
    const calls = await serve();
    renderPage(VerificationQueue, "/quan-tri/xac-minh");

    const card = await screen.findByRole("group", { name: "Quyết định cho “Nhà thông minh Sông Mây”" });
    const item = card.closest("li") as HTMLElement;
    expect(within(item).getByText("Lô 5, KCN Sông Mây, Xã Trảng Bom")).toBeTruthy();
    expect(within(item).getByRole("link", { name: "https://smarthome.example.vn" })).toBeTruthy();
    fireEvent.click(within(card).getByRole("button", { name: "Xác minh" }));

    const done = await screen.findByText("Đã xác minh “Nhà thông minh Sông Mây”.");
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(screen.queryByRole("heading", { name: "Nhà thông minh Sông Mây" })).toBeNull();
    expect(screen.getByRole("heading", { name: "Cảm biến Bàu Xéo" })).toBeTruthy();
    const post = calls.mock.calls.find(([url]) => url === "/api/organisations/org-a/verification");
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ decision: "verified" });
  });

  it("needs a reason to reject, said next to the reason box, then sends it", async () => {
    const calls = await serve();
    renderPage(VerificationQueue, "/quan-tri/xac-minh");

    const card = await screen.findByRole("group", { name: "Quyết định cho “Cảm biến Bàu Xéo”" });
    fireEvent.click(within(card).getByRole("button", { name: "Từ chối" }));
    const reason = within(card).getByLabelText(/^Lý do từ chối/);
    await waitFor(() => expect(document.activeElement).toBe(reason));
    fireEvent.click(within(card).getByRole("button", { name: "Xác nhận từ chối" }));

    await waitFor(() => expect(reason.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = reason.getAttribute("aria-describedby") ?? "";
    expect(
      describedBy
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent)
        .join(" "),
    ).toContain("Hãy nêu lý do từ chối để tổ chức biết cần bổ sung gì.");
    expect(calls.mock.calls.some(([url]) => String(url).endsWith("/verification"))).toBe(false);

    fireEvent.input(reason, { target: { value: "Trang web không hoạt động" } });
    fireEvent.click(within(card).getByRole("button", { name: "Xác nhận từ chối" }));
    expect(await screen.findByText("Đã từ chối “Cảm biến Bàu Xéo”.")).toBeTruthy();
    const post = calls.mock.calls.find(([url]) => url === "/api/organisations/org-b/verification");
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ decision: "rejected", reason: "Trang web không hoạt động" });
  });
});
