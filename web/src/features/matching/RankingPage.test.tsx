import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, people, renderPage, signInAs } from "../../../test/helpers";
import type { PlacementRanking } from "./api";
import RankingPage from "./RankingPage";
import { sentBody } from "./test-requests";

const path = "/phan-bo/round-1/xep-hang/ls-1";
const pattern = "/phan-bo/:id/xep-hang/:listingId";
const rankingUrl = "/api/placement-rounds/round-1/listings/ls-1/ranking";

const item = (letter: string, score: number) => ({
  candidateId: letter.repeat(32),
  label: `UV-${letter.toUpperCase().repeat(6)}`,
  score,
});

const ranking: PlacementRanking = {
  listingId: "ls-1",
  edited: false,
  editable: true,
  items: [item("a", 95), item("b", 80.5), item("c", 35)],
};

const names = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .map((li) => li.querySelector("strong")?.textContent);

describe("Ranking a listing's applicants in a placement round", () => {
  it("moves a student up with the keyboard buttons, announces it, keeps focus, and saves the order", async () => {
    const calls = await signInAs(people.huy, ({ method, url, body }) => {
      if (url === "/api/listings/ls-1") return { body: listingFixture({ id: "ls-1" }) };
      if (method === "PUT" && url === rankingUrl) {
        const { order } = body as { order: string[] };
        const byId = new Map(ranking.items.map((i) => [i.candidateId, i]));
        return { body: { ...ranking, edited: true, items: order.map((id) => byId.get(id)) } };
      }
      if (url === rankingUrl) return { body: ranking };
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    renderPage(RankingPage, path, pattern);
    const list = await screen.findByRole("list", { name: "Thứ tự ưu tiên" });
    expect(names(list)).toEqual(["UV-AAAAAA", "UV-BBBBBB", "UV-CCCCCC"]);
    expect(screen.getByText("Thứ tự tự động theo mức phù hợp")).toBeTruthy();
    expect(screen.getByText("Phù hợp 95/100", { exact: false })).toBeTruthy();
    // The first cannot go up, the last cannot go down; nothing to save before a change.
    expect((screen.getByRole("button", { name: "Đưa UV-AAAAAA lên" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Đưa UV-CCCCCC xuống" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Lưu thứ tự" }) as HTMLButtonElement).disabled).toBe(true);

    const up = screen.getByRole("button", { name: "Đưa UV-CCCCCC lên" });
    up.focus();
    fireEvent.click(up);
    expect(names(list)).toEqual(["UV-AAAAAA", "UV-CCCCCC", "UV-BBBBBB"]);
    expect(screen.getByText("UV-CCCCCC đang ở vị trí 2/3.")).toBeTruthy();
    expect(document.activeElement).toBe(up);
    fireEvent.click(up);
    expect(names(list)).toEqual(["UV-CCCCCC", "UV-AAAAAA", "UV-BBBBBB"]);
    // At the top its "up" button is disabled, so the focus moves to its "down" button rather than being lost.
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Đưa UV-CCCCCC xuống" }));
    expect(screen.getByText("Bạn có thay đổi chưa lưu.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Lưu thứ tự" }));
    expect(await screen.findByText("Đã lưu thứ tự. Khi chạy phân bổ, hệ thống sẽ dùng thứ tự này.")).toBeTruthy();
    expect(screen.getByText("Thứ tự do tổ chức của bạn sắp xếp")).toBeTruthy();
    expect(sentBody(calls, "PUT", rankingUrl)).toEqual({
      order: ["c".repeat(32), "a".repeat(32), "b".repeat(32)],
    });
  });

  it("explains a round that ran meanwhile, offers to reload, and shows the order it used without buttons", async () => {
    let ran = false;
    await signInAs(people.huy, ({ method, url }) => {
      if (url === "/api/listings/ls-1") return { body: listingFixture({ id: "ls-1" }) };
      if (method === "PUT" && url === rankingUrl) {
        ran = true;
        return { status: 409, body: { error: { code: "round_closed", message: "Đợt phân bổ đã chạy." } } };
      }
      if (url === rankingUrl) return { body: ran ? { ...ranking, editable: false } : ranking };
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    renderPage(RankingPage, path, pattern);
    fireEvent.click(await screen.findByRole("button", { name: "Đưa UV-BBBBBB lên" }));
    fireEvent.click(screen.getByRole("button", { name: "Lưu thứ tự" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Đợt phân bổ vừa chạy nên không lưu được thứ tự nữa.");

    fireEvent.click(screen.getByRole("button", { name: "Tải lại danh sách" }));
    expect(
      await screen.findByText("Đợt phân bổ đã chạy: đây là thứ tự đã được dùng, không sửa được nữa."),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Đưa UV-/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Lưu thứ tự" })).toBeNull();
  });

  it("offers a reload when someone else changed the round first", async () => {
    await signInAs(people.huy, ({ method, url }) => {
      if (url === "/api/listings/ls-1") return { body: listingFixture({ id: "ls-1" }) };
      if (method === "PUT" && url === rankingUrl) {
        return { status: 409, body: { error: { code: "version_conflict", message: "Xung đột." } } };
      }
      if (url === rankingUrl) return { body: ranking };
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    renderPage(RankingPage, path, pattern, "en");
    fireEvent.click(await screen.findByRole("button", { name: "Move UV-BBBBBB up" }));
    expect(screen.getByText("UV-BBBBBB is now at position 1 of 3.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Discard unsaved changes" }));
    expect(screen.getByText("Back to the saved order.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Move UV-CCCCCC up" }));
    fireEvent.click(screen.getByRole("button", { name: "Save the order" }));
    const alert = await screen.findByRole("alert");
    await waitFor(() => expect(within(alert).getByRole("button", { name: "Reload" })).toBeTruthy());
  });
});
