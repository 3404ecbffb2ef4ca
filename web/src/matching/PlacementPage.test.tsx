import { fireEvent, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderPage, signInAs } from "../../test/helpers";
import type { PlacementRoundView } from "./api";
import PlacementPage from "./PlacementPage";

const guarantees = {
  vi: { title: "Đợt phân bổ bảo đảm gì", points: ["Ổn định không có nghĩa là ai cũng được nguyện vọng 1."] },
  en: { title: "What the round guarantees", points: ["Stable does not mean everyone gets their first choice."] },
};

const assignment = { studentId: "sv-lan", listingId: "ls-1", choice: 2 };

const placedRound: PlacementRoundView = {
  id: "round-1",
  universityId: "lhu",
  title: "Đợt thực tập học kỳ 2",
  status: "placed",
  preferencesDeadline: "2026-12-01T00:00:00.000Z",
  createdAt: "2026-11-01T00:00:00.000Z",
  listings: [{ listingId: "ls-1", capacity: 1, title: { vi: "Thực tập nhúng" }, orgName: "Amata Chip" }],
  guarantees,
};

describe("Placement page", () => {
  it("lets the assigned student take their place once and explains what the round guarantees", async () => {
    const mine = { choices: ["ls-1"], outcome: "assigned" as const, assignment };
    const mock = await signInAs(people.lan, ({ method, url, body }) => {
      if (url === "/api/placement-rounds") return { body: { items: [{ ...placedRound, mine }] } };
      if (method === "POST" && url === "/api/placement-rounds/round-1/response") {
        const { decision } = body as { decision: string };
        const response = { decision, at: "2026-11-27T00:00:00.000Z" };
        return { body: { ...placedRound, mine: { ...mine, assignment: { ...assignment, response } } } };
      }
      return { status: 404, body: {} };
    });
    renderPage(PlacementPage, "/phan-bo");
    expect(await screen.findByText("Bạn được xếp vào: Thực tập nhúng (nguyện vọng 2).")).toBeTruthy();
    expect(screen.getByText("Ổn định không có nghĩa là ai cũng được nguyện vọng 1.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Nhận chỗ" }));
    expect(await screen.findByText("Bạn đã nhận chỗ này.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Từ chối chỗ" })).toBeNull();
    const posted = mock.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === "POST");
    expect(posted.map(([url]) => String(url))).toContain("/api/placement-rounds/round-1/response");
  });

  it("offers no answer to a student the round did not place", async () => {
    await signInAs(people.lan, ({ url }) =>
      url === "/api/placement-rounds"
        ? { body: { items: [{ ...placedRound, mine: { choices: ["ls-1"], outcome: "unassigned" } }] } }
        : { status: 404, body: {} },
    );
    renderPage(PlacementPage, "/phan-bo");
    expect(await screen.findByText("Bạn chưa được xếp chỗ trong đợt này.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Nhận chỗ" })).toBeNull();
  });

  it("shows the school's staff each assignment's answer", async () => {
    const result = {
      runAt: "2026-11-20T00:00:00.000Z",
      assignments: [{ ...assignment, response: { decision: "declined" as const, at: "2026-11-21T00:00:00.000Z" } }],
      unassigned: [],
      audit: {
        algorithm: "da",
        engineVersion: "1",
        inputsHash: "a",
        resultHash: "b",
        seed: "c",
        tieBreakRule: "seeded",
        counts: {},
      },
      stable: true,
    };
    await signInAs(people.ha, ({ url }) =>
      url === "/api/placement-rounds" ? { body: { items: [{ ...placedRound, result }] } } : { body: { items: [] } },
    );
    renderPage(PlacementPage, "/phan-bo");
    const table = (await screen.findByRole("table", { name: "Kết quả phân bổ" })) as HTMLElement;
    const row = within(table).getByRole("row", { name: /sv-lan/ });
    expect(within(row).getByText("Đã từ chối")).toBeTruthy();
  });
});
