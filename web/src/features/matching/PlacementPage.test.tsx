import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, people, renderPage, signInAs } from "../../../test/helpers";
import type { PlacementRoundView } from "./api";
import PlacementPage from "./PlacementPage";
import { sentBody } from "./test-requests";

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

const declinedResult = {
  runAt: "2026-11-20T00:00:00.000Z",
  assignments: [{ ...assignment, response: { decision: "declined" as const, at: "2026-11-21T00:00:00.000Z" } }],
  unassigned: ["sv-minh"],
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

const notFound = { status: 404, body: { error: { code: "not_found", message: "" } } };

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
    expect(await screen.findByText("Bạn được xếp vào: Thực tập nhúng · Amata Chip (nguyện vọng 2).")).toBeTruthy();
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

  it("shows the school's staff each assignment's answer, by the student's name", async () => {
    const named = { ...declinedResult, names: { "sv-lan": "Nguyễn Thị Lan" } };
    await signInAs(people.ha, ({ url }) =>
      url === "/api/placement-rounds"
        ? { body: { items: [{ ...placedRound, result: named }] } }
        : { body: { items: [] } },
    );
    renderPage(PlacementPage, "/phan-bo");
    const table = (await screen.findByRole("table", { name: "Kết quả phân bổ" })) as HTMLElement;
    const row = within(table).getByRole("row", { name: /Nguyễn Thị Lan/ });
    expect(within(row).getByText("Đã từ chối")).toBeTruthy();
    expect(within(table).queryByText("sv-lan")).toBeNull();
  });

  it("lets the owner offer a declined seat onwards, saying who cannot lose", async () => {
    const placed = { ...placedRound, result: declinedResult };
    const after = {
      ...declinedResult,
      assignments: [{ studentId: "sv-minh", listingId: "ls-1", choice: 1 }],
      unassigned: [],
    };
    const calls = await signInAs(people.ha, ({ method, url }) => {
      if (url === "/api/placement-rounds") return { body: { items: [placed] } };
      if (method === "POST" && url === "/api/placement-rounds/round-1/reoffer") {
        return { body: { ...placedRound, result: after } };
      }
      return { body: { items: [] } };
    });
    renderPage(PlacementPage, "/phan-bo");
    const section = await screen.findByRole("region", { name: "Có 1 chỗ bị từ chối" });
    expect(
      within(section).getByText(/Không ai \(trừ người đã từ chối\) bị chuyển sang nơi mình thích ít hơn/),
    ).toBeTruthy();
    fireEvent.click(within(section).getByRole("button", { name: "Mời người kế tiếp vào chỗ bị từ chối" }));
    expect(await screen.findByText("Đã mời người kế tiếp: 1 sinh viên được xếp chỗ mới.")).toBeTruthy();
    expect(screen.queryByRole("region", { name: /chỗ bị từ chối/ })).toBeNull();
    const table = screen.getByRole("table", { name: "Kết quả phân bổ" });
    expect(within(table).getByRole("row", { name: /sv-minh/ })).toBeTruthy();
    const posted = calls.mock.calls.filter(([url]) => String(url).startsWith("/api/placement-rounds/"));
    expect(posted.map(([url, init]) => `${(init as RequestInit).method} ${url}`)).toEqual([
      "POST /api/placement-rounds/round-1/reoffer",
    ]);
  });

  it("gives the owner of an open round the link each organisation ranks its applicants at", async () => {
    const open = { ...placedRound, status: "open" as const };
    await signInAs(people.ha, ({ url }) =>
      url === "/api/placement-rounds" ? { body: { items: [open] } } : { body: { items: [] } },
    );
    renderPage(PlacementPage, "/phan-bo");
    const link = (await screen.findByLabelText("Amata Chip: Thực tập nhúng")) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/phan-bo/round-1/xep-hang/ls-1`);
    expect(link.readOnly).toBe(true);
  });

  it("runs an open round only after its owner reads the consequence, and early only when confirmed", async () => {
    const open = { ...placedRound, status: "open" as const, preferencesDeadline: "2099-01-01T00:00:00.000Z" };
    const calls = await signInAs(people.ha, ({ method, url }) => {
      if (url === "/api/placement-rounds") return { body: { items: [open] } };
      if (method === "POST" && url === "/api/placement-rounds/round-1/run")
        return { body: { ...placedRound, result: declinedResult } };
      return { body: { items: [] } };
    });
    renderPage(PlacementPage, "/phan-bo");
    fireEvent.click(await screen.findByRole("button", { name: "Chạy phân bổ" }));
    const dialog = screen.getByRole("alertdialog");
    expect(dialog.textContent).toContain("khóa nguyện vọng");
    expect(dialog.textContent).toContain("Hạn xếp nguyện vọng (07:00 01/01/2099) chưa đến");
    const runs = () => calls.mock.calls.filter(([url]) => String(url) === "/api/placement-rounds/round-1/run");
    expect(runs()).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole("button", { name: "Vẫn chạy sớm" }));
    await waitFor(() => expect(runs()).toHaveLength(1));
    expect(sentBody(calls, "POST", "/api/placement-rounds/round-1/run")).toEqual({ confirmEarly: true });
  });

  it("lets a province officer open a round across chosen universities", async () => {
    const schools = {
      university: [
        { id: "lhu", kind: "university", name: { vi: "Trường Đại học Lạc Hồng" } },
        { id: "dntu", kind: "university", name: { vi: "Trường Đại học Công nghệ Đồng Nai" } },
      ],
      institute: [{ id: "vnu-ic-lab", kind: "institute", name: { vi: "Phòng thí nghiệm Vi mạch" } }],
    };
    const listing = listingFixture({ id: "ls-1", title: { vi: "Thực tập nhúng" }, orgName: "Amata Chip" });
    const calls = await signInAs(people.province, ({ method, url, body }) => {
      if (url === "/api/organisations?kind=university") return { body: { items: schools.university } };
      if (url === "/api/organisations?kind=institute") return { body: { items: schools.institute } };
      if (url.startsWith("/api/listings?")) return { body: { items: [listing] } };
      if (method === "POST" && url === "/api/placement-rounds") {
        const { universityIds, title } = body as { universityIds: string[]; title: string };
        return {
          status: 201,
          body: { ...placedRound, status: "open", universityId: "province", universityIds, title },
        };
      }
      if (url === "/api/placement-rounds") return { body: { items: [] } };
      return notFound;
    });
    renderPage(PlacementPage, "/phan-bo");
    const form = await screen.findByRole("form", { name: "Mở đợt phân bổ toàn tỉnh" });
    fireEvent.input(within(form).getByLabelText(/^Tên đợt/), { target: { value: "Đợt toàn tỉnh 2027" } });
    // The picker lists matches to add; only chosen listings get a seat box.
    expect(within(form).queryByLabelText("Số chỗ: Thực tập nhúng · Amata Chip")).toBeNull();
    fireEvent.click(await within(form).findByRole("button", { name: "Thêm “Thực tập nhúng”" }));
    fireEvent.input(within(form).getByLabelText("Số chỗ: Thực tập nhúng · Amata Chip"), {
      target: { value: "2" },
    });
    fireEvent.submit(form);
    // No school chosen yet: the form says so and sends nothing.
    expect(await within(form).findByText("Hãy chọn ít nhất một trường.")).toBeTruthy();
    const posts = () => calls.mock.calls.filter(([url]) => String(url) === "/api/placement-rounds");
    expect(posts().every(([, init]) => (init as RequestInit | undefined)?.method !== "POST")).toBe(true);

    fireEvent.click(within(form).getByRole("checkbox", { name: "Trường Đại học Lạc Hồng" }));
    fireEvent.click(within(form).getByRole("checkbox", { name: "Trường Đại học Công nghệ Đồng Nai" }));
    fireEvent.submit(form);
    await waitFor(() => expect(screen.getByText("Toàn tỉnh")).toBeTruthy());
    expect(within(form).getByRole("status").textContent).toBe("Đã mở đợt phân bổ “Đợt toàn tỉnh 2027”.");
    expect(
      screen.getByText("Các trường tham gia: Trường Đại học Lạc Hồng, Trường Đại học Công nghệ Đồng Nai"),
    ).toBeTruthy();
    expect(sentBody(calls, "POST", "/api/placement-rounds")).toMatchObject({
      universityIds: ["lhu", "dntu"],
      title: "Đợt toàn tỉnh 2027",
      listings: [{ listingId: "ls-1", capacity: 2 }],
    });
  });

  it("lets a student order their choices with buttons and hears each move", async () => {
    const open = {
      ...placedRound,
      status: "open" as const,
      listings: [
        ...placedRound.listings,
        { listingId: "ls-2", capacity: 1, title: { vi: "Thực tập nhúng" }, orgName: "Long Đức IoT" },
      ],
    };
    const calls = await signInAs(people.lan, ({ method, url, body }) => {
      if (url === "/api/placement-rounds") return { body: { items: [{ ...open, mine: { choices: [] } }] } };
      if (method === "PUT" && url === "/api/placement-rounds/round-1/preferences") {
        return { body: { ...open, mine: body } };
      }
      return notFound;
    });
    renderPage(PlacementPage, "/phan-bo");
    fireEvent.click(await screen.findByRole("button", { name: "Thêm vào nguyện vọng: Thực tập nhúng · Amata Chip" }));
    fireEvent.click(screen.getByRole("button", { name: "Thêm vào nguyện vọng: Thực tập nhúng · Long Đức IoT" }));
    fireEvent.click(screen.getByRole("button", { name: "Đưa Thực tập nhúng · Long Đức IoT lên" }));
    expect(screen.getByText("Thực tập nhúng · Long Đức IoT đang ở vị trí 1/2.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Lưu nguyện vọng" }));
    expect(await screen.findByText("Đã lưu nguyện vọng.")).toBeTruthy();
    expect(sentBody(calls, "PUT", "/api/placement-rounds/round-1/preferences")).toEqual({ choices: ["ls-2", "ls-1"] });
  });

  it("points a recruiter to their organisation's list of rounds instead of an error", async () => {
    const calls = await signInAs(people.huy, ({ url }) =>
      url === "/api/organisations/org-amata-chip"
        ? { body: { id: "org-amata-chip", name: { vi: "Công ty Vi mạch Amata" } } }
        : notFound,
    );
    renderPage(PlacementPage, "/phan-bo");
    const section = await screen.findByRole("region", { name: "Đợt phân bổ có tin của tổ chức bạn" });
    const link = await within(section).findByRole("link", { name: "Đợt phân bổ có tin của Công ty Vi mạch Amata" });
    expect(link.getAttribute("href")).toBe("/to-chuc/org-amata-chip/phan-bo");
    expect(calls.mock.calls.map(([url]) => String(url))).not.toContain("/api/placement-rounds");
  });

  it("tells a student whose seat a re-offer just moved, and reloads the round to answer the new seat", async () => {
    const round = {
      ...placedRound,
      listings: [
        ...placedRound.listings,
        { listingId: "ls-2", capacity: 1, title: { vi: "Thực tập IoT" }, orgName: "Long Đức IoT" },
      ],
    };
    const before = {
      choices: ["ls-1", "ls-2"],
      outcome: "assigned" as const,
      assignment: { ...assignment, listingId: "ls-2" },
    };
    const after = { ...before, assignment: { ...assignment, listingId: "ls-1", choice: 1 } };
    await signInAs(people.lan, ({ method, url }) => {
      if (url === "/api/placement-rounds") return { body: { items: [{ ...round, mine: before }] } };
      if (method === "POST" && url === "/api/placement-rounds/round-1/response") {
        return { status: 409, body: { error: { code: "version_conflict", message: "Chỗ vừa thay đổi." } } };
      }
      if (url === "/api/placement-rounds/round-1") return { body: { ...round, mine: after } };
      return notFound;
    });
    renderPage(PlacementPage, "/phan-bo");
    expect(await screen.findByText("Bạn được xếp vào: Thực tập IoT · Long Đức IoT (nguyện vọng 2).")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Nhận chỗ" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Chỗ được phân bổ cho bạn vừa thay đổi");
    fireEvent.click(within(alert).getByRole("button", { name: "Tải lại" }));

    expect(await screen.findByText("Bạn được xếp vào: Thực tập nhúng · Amata Chip (nguyện vọng 1).")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("button", { name: "Nhận chỗ" })).toBeTruthy();
  });

  it("lists the seats students declined for the round's owner", async () => {
    const declined = [{ ...assignment, response: { decision: "declined" as const, at: "2026-11-21T00:00:00.000Z" } }];
    await signInAs(people.ha, ({ url }) =>
      url === "/api/placement-rounds"
        ? { body: { items: [{ ...placedRound, result: { ...declinedResult, assignments: [], declined } }] } }
        : { body: { items: [] } },
    );
    renderPage(PlacementPage, "/phan-bo");
    expect(await screen.findByText("Đã mời người kế tiếp vào 1 chỗ bị từ chối.")).toBeTruthy();
    const list = screen.getByText("Các chỗ đã bị từ chối").closest("details") as HTMLElement;
    expect(within(list).getByText("sv-lan · Thực tập nhúng · Nguyện vọng 2")).toBeTruthy();
  });
});
