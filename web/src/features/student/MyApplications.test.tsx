import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import MyApplications from "./MyApplications";

const offered = {
  id: "ap-1",
  listingId: "ls-1",
  orgId: "org-amata-chip",
  listingTitle: { vi: "Thực tập sinh vi mạch" },
  orgName: "Vi mạch Amata",
  status: "offered",
  answers: [],
  history: [
    { status: "submitted", at: "2026-01-05T02:00:00.000Z", by: "student" },
    { status: "shortlisted", at: "2026-01-06T02:00:00.000Z", by: "organisation" },
    { status: "offered", at: "2026-01-07T02:00:00.000Z", by: "organisation" },
  ],
  createdAt: "2026-01-05T02:00:00.000Z",
  updatedAt: "2026-01-07T02:00:00.000Z",
  version: 3,
};

describe("My applications", () => {
  it("shows the current status and the timeline, and accepting an offer sends the version", async () => {
    const calls = await signInAs(people.lan, ({ method, url }) => {
      if (url === "/api/applications/mine") return { body: { items: [offered] } };
      if (url === "/api/bookings/mine") return { body: { items: [] } };
      if (method === "POST" && url === "/api/applications/ap-1/transitions") {
        return {
          body: {
            ...offered,
            status: "accepted",
            version: 4,
            history: [...offered.history, { status: "accepted", at: "2026-01-08T02:00:00.000Z", by: "student" }],
          },
        };
      }
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    renderPage(MyApplications, "/ung-tuyen");

    const card = (await screen.findByRole("heading", { name: "Thực tập sinh vi mạch" })).closest("li") as HTMLElement;
    expect(within(card).getByText("Nhận được lời mời", { selector: "strong" })).toBeTruthy();
    const steps = within(within(card).getByRole("list", { name: "Các bước" })).getAllByRole("listitem");
    expect(steps.map((li) => li.textContent)).toEqual([
      "Đã nộp 09:00 05/01/2026 · bởi bạn",
      "Vào danh sách rút gọn 09:00 06/01/2026 · bởi tổ chức",
      "Nhận được lời mời 09:00 07/01/2026 · bởi tổ chức",
    ]);

    const accept = within(card).getByRole("button", { name: "Nhận lời mời" });
    fireEvent.click(accept);
    // One click only opens the consequence with the offer's details; nothing is sent yet.
    const dialog = within(card).getByRole("alertdialog");
    expect(dialog.textContent).toContain("Lời mời gửi lúc 09:00 07/01/2026.");
    expect(dialog.textContent).toContain("không rút hồ sơ này được nữa");
    expect(calls.mock.calls.some(([url]) => url === "/api/applications/ap-1/transitions")).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: "Đồng ý nhận lời" }));

    await waitFor(() => expect(within(card).getByText("Đã nhận lời", { selector: "strong" })).toBeTruthy());
    expect(within(card).queryByRole("button", { name: "Rút hồ sơ" })).toBeNull();
    expect(screen.getByText("Đã cập nhật “Thực tập sinh vi mạch”: Đã nhận lời.")).toBeTruthy();
    const post = calls.mock.calls.find(([url]) => url === "/api/applications/ap-1/transitions");
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ to: "accepted", version: 3 });
  });
});
