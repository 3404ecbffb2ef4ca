import { screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import type { OrgPlacementRound } from "./api";
import OrgRounds from "./OrgRounds";

const path = "/to-chuc/org-amata-chip/phan-bo";
const pattern = "/to-chuc/:id/phan-bo";
const roundsUrl = "/api/organisations/org-amata-chip/placement-rounds";

const rounds: OrgPlacementRound[] = [
  {
    id: "round-2",
    title: "Đợt thực tập hè",
    status: "open",
    preferencesDeadline: "2027-06-01T00:00:00.000Z",
    listings: [
      { listingId: "ls-1", title: { vi: "Thực tập nhúng" }, capacity: 2, applicants: 5, edited: true },
      { listingId: "ls-2", title: { vi: "Thực tập kiểm thử" }, capacity: 1, applicants: 0, edited: false },
    ],
  },
  {
    id: "round-1",
    title: "Đợt học kỳ 2",
    status: "placed",
    preferencesDeadline: "2027-01-01T00:00:00.000Z",
    listings: [{ listingId: "ls-1", title: { vi: "Thực tập nhúng" }, capacity: 1, applicants: 3, edited: false }],
  },
];

const organisation = { id: "org-amata-chip", name: { vi: "Công ty Vi mạch Amata" } };

describe("An organisation's placement rounds", () => {
  it("lists the rounds newest first, each listing with its numbers and a link to its ranking", async () => {
    await signInAs(people.huy, ({ url }) => {
      if (url === roundsUrl) return { body: { items: rounds } };
      if (url === "/api/organisations/org-amata-chip") return { body: organisation };
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    renderPage(OrgRounds, path, pattern);
    expect(await screen.findByRole("heading", { level: 1, name: "Đợt phân bổ có tin của Công ty Vi mạch Amata" }));
    const titles = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(titles).toEqual(["Đợt thực tập hè", "Đợt học kỳ 2"]);

    const open = screen.getByRole("heading", { name: "Đợt thực tập hè" }).closest("li") as HTMLElement;
    expect(within(open).getByText("Đang nhận nguyện vọng")).toBeTruthy();
    const listings = within(open).getByRole("list", { name: "Tin của tổ chức bạn trong đợt" });
    expect(within(listings).getByText("Số chỗ: 2 · Số sinh viên chọn: 5")).toBeTruthy();
    expect(within(listings).getByText("Thứ tự do tổ chức sắp xếp")).toBeTruthy();
    expect(within(listings).getByText("Thứ tự tự động")).toBeTruthy();
    const rank = within(listings).getByRole("link", { name: "Xếp hạng ứng viên: Thực tập nhúng" });
    expect(rank.getAttribute("href")).toBe("/phan-bo/round-2/xep-hang/ls-1");
    expect(rank.textContent).toBe("Xếp hạng ứng viên");

    // A round that has run: its ranking can only be looked at.
    const placed = screen.getByRole("heading", { name: "Đợt học kỳ 2" }).closest("li") as HTMLElement;
    expect(within(placed).getByText("Đã phân bổ")).toBeTruthy();
    expect(within(placed).getByRole("link", { name: "Xem thứ tự đã dùng: Thực tập nhúng" }).getAttribute("href")).toBe(
      "/phan-bo/round-1/xep-hang/ls-1",
    );
  });

  it("says so when no round includes the organisation's listings, in English too", async () => {
    await signInAs(people.huy, ({ url }) =>
      url === roundsUrl ? { body: { items: [] } } : { body: { ...organisation, name: { vi: "Amata", en: "Amata" } } },
    );
    renderPage(OrgRounds, path, pattern, "en");
    expect(await screen.findByText("No placement round includes your organisation's listings yet.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to your organisation's listings" }).getAttribute("href")).toBe(
      "/to-chuc/org-amata-chip/tin",
    );
  });

  it("tells someone who is not a member of the organisation that the page is not theirs", async () => {
    const calls = await signInAs(people.lan);
    renderPage(OrgRounds, path, pattern);
    expect(await screen.findByText(/thành viên của tổ chức/)).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 2 })).toBeNull();
    expect(calls.mock.calls.map(([url]) => String(url))).not.toContain(roundsUrl);
  });
});
