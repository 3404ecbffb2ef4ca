import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import MyApplications from "../student/MyApplications";

const base = {
  id: "ap-1",
  listingId: "ls-1",
  orgId: "org-amata-chip",
  listingTitle: { vi: "Thực tập sinh vi mạch" },
  orgName: "Vi mạch Amata",
  answers: [],
  createdAt: "2026-01-05T02:00:00.000Z",
  updatedAt: "2026-01-07T02:00:00.000Z",
};
const offered = {
  ...base,
  status: "offered",
  history: [
    { status: "submitted", at: "2026-01-05T02:00:00.000Z", by: "student" },
    { status: "interview", at: "2026-01-06T02:00:00.000Z", by: "organisation" },
    { status: "offered", at: "2026-01-07T02:00:00.000Z", by: "organisation" },
  ],
  version: 3,
};
const offer = {
  applicationId: "ap-1",
  listingId: "ls-1",
  status: "open",
  terms: { payKind: "monthly", payVnd: 5_000_000, startDate: "2027-03-01", replyBy: "2027-02-10", place: "KCN Amata" },
  createdAt: "2026-01-07T02:00:00.000Z",
  updatedAt: "2026-01-07T02:00:00.000Z",
};
const interviewing = {
  ...base,
  status: "interview",
  history: offered.history.slice(0, 2),
  version: 2,
};
const proposed = {
  id: "iv-1",
  applicationId: "ap-1",
  listingId: "ls-1",
  status: "proposed",
  slots: [
    { id: "s-1", startsAt: "2027-01-05T02:00:00.000Z", durationMinutes: 45 },
    { id: "s-2", startsAt: "2027-01-06T07:30:00.000Z", durationMinutes: 45 },
  ],
  mode: "online",
  link: "https://meet.example.vn/abc",
  history: [{ kind: "proposed", at: "2026-01-06T03:00:00.000Z", by: "organisation" }],
  sequence: 0,
  version: 1,
  createdAt: "2026-01-06T03:00:00.000Z",
  updatedAt: "2026-01-06T03:00:00.000Z",
};
const notFound = { status: 404, body: { error: { code: "not_found", message: "" } } };

describe("the student's offer with terms", () => {
  it("shows the terms, and accepting asks for confirmation repeating them before anything is sent", async () => {
    const calls = await signInAs(people.lan, ({ method, url }) => {
      if (url === "/api/applications/mine") return { body: { items: [offered] } };
      if (url === "/api/bookings/mine") return { body: { items: [] } };
      if (url === "/api/applications/ap-1/offer" && method === "GET") return { body: offer };
      if (url === "/api/applications/ap-1/offer/accept") return { body: { ...offer, status: "accepted" } };
      return notFound;
    });
    renderPage(MyApplications, "/ung-tuyen");
    const terms = await screen.findByRole("heading", { name: "Lời mời nhận việc" });
    const panel = terms.closest("section") as HTMLElement;
    const text = (element: Element) => element.textContent?.replace(/\s/g, " ") ?? "";
    expect(text(panel)).toContain("Chi trả: 5.000.000 ₫/tháng");
    expect(panel.textContent).toContain("Trả lời trước hết ngày 10/02/2027");
    // The plain accept button of an offer without terms is not shown beside it.
    expect(screen.getAllByRole("button", { name: "Nhận lời mời" })).toHaveLength(1);
    fireEvent.click(within(panel).getByRole("button", { name: "Nhận lời mời" }));
    const dialog = within(panel).getByRole("alertdialog");
    expect(text(dialog)).toContain("Chi trả: 5.000.000 ₫/tháng");
    expect(dialog.textContent).toContain("Bắt đầu: 01/03/2027");
    expect(calls.mock.calls.some(([url]) => String(url).endsWith("/offer/accept"))).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: "Tôi đồng ý nhận lời" }));
    await waitFor(() => expect(calls.mock.calls.some(([url]) => String(url).endsWith("/offer/accept"))).toBe(true));
    const post = calls.mock.calls.find(([url]) => String(url).endsWith("/offer/accept"));
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ version: 3 });
  });

  it("declining asks for an optional reason", async () => {
    const calls = await signInAs(people.lan, ({ method, url }) => {
      if (url === "/api/applications/mine") return { body: { items: [offered] } };
      if (url === "/api/bookings/mine") return { body: { items: [] } };
      if (url === "/api/applications/ap-1/offer" && method === "GET") return { body: offer };
      if (url === "/api/applications/ap-1/offer/decline") return { body: { ...offer, status: "declined" } };
      return notFound;
    });
    renderPage(MyApplications, "/ung-tuyen");
    const panel = (await screen.findByRole("heading", { name: "Lời mời nhận việc" })).closest("section") as HTMLElement;
    fireEvent.click(within(panel).getByRole("button", { name: "Từ chối lời mời" }));
    fireEvent.click(within(panel).getByRole("button", { name: "Xác nhận từ chối" }));
    await waitFor(() => expect(calls.mock.calls.some(([url]) => String(url).endsWith("/offer/decline"))).toBe(true));
    const post = calls.mock.calls.find(([url]) => String(url).endsWith("/offer/decline"));
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ version: 3 });
  });
});

describe("the student's interview", () => {
  it("lists the proposed times in Vietnam time and sends the chosen one with the version", async () => {
    const calls = await signInAs(people.lan, ({ url }) => {
      if (url === "/api/applications/mine") return { body: { items: [interviewing] } };
      if (url === "/api/bookings/mine") return { body: { items: [] } };
      if (url === "/api/applications/ap-1/interview") return { body: proposed };
      if (url === "/api/applications/ap-1/interview/pick") {
        return {
          body: {
            ...proposed,
            status: "scheduled",
            chosenSlotId: "s-2",
            version: 2,
            sequence: 1,
            history: [...proposed.history, { kind: "picked", at: "2026-01-06T04:00:00.000Z", by: "student" }],
          },
        };
      }
      return notFound;
    });
    renderPage(MyApplications, "/ung-tuyen");
    const group = await screen.findByRole("group", { name: "Chọn một khung giờ phỏng vấn" });
    const options = within(group).getAllByRole("radio");
    expect(options.map((o) => o.closest("label")?.textContent?.trim())).toEqual([
      "09:00 05/01/2027 · 45 phút",
      "14:30 06/01/2027 · 45 phút",
    ]);
    const confirm = screen.getByRole("button", { name: "Xác nhận khung giờ này" }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(options[1]!);
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByText("Đã chốt lịch")).toBeTruthy());
    const post = calls.mock.calls.find(([url]) => String(url).endsWith("/interview/pick"));
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ slotId: "s-2", version: 1 });
    expect(screen.getByRole("button", { name: "Tải lịch (.ics)" })).toBeTruthy();
  });
});
