import { todayInVietnam } from "@ketnoi/core/time";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, people, renderPage, signInAs } from "../../../test/helpers";
import ApplicantBoard from "./ApplicantBoard";

const dayAhead = (days: number) => todayInVietnam(new Date(Date.now() + days * 86_400_000));

const listing = listingFixture({ positions: 1, reservedCount: 1, acceptedCount: 0 });
const application = (id: string, status: string, applicant: object, version = 1) => ({
  id,
  listingId: listing.id,
  orgId: listing.orgId,
  listingTitle: listing.title,
  orgName: listing.orgName,
  status,
  answers: [],
  history: [{ status: "submitted", at: "2026-01-05T02:00:00.000Z", by: "student" }],
  applicant: { skills: [], identified: false, ...applicant },
  createdAt: `2026-01-05T02:00:0${id.at(-1)}.000Z`,
  updatedAt: "2026-01-05T02:00:00.000Z",
  version,
});
const minh = application("ap-1", "submitted", {
  label: "UV-AAA111",
  identified: true,
  major: "electronics",
  year: 4,
  contact: { fullName: "Trần Quang Minh", email: "minh@demo.ketnoi.vn" },
});
const anon = application("ap-2", "shortlisted", { label: "UV-BBB222" }, 2);
const done = application("ap-3", "withdrawn", { label: "UV-CCC333" });

function serve(onMove: (url: string, body: unknown) => { status?: number; body: unknown }) {
  return signInAs(people.huy, ({ method, url, body }) => {
    if (url === `/api/listings/${listing.id}`) return { body: listing };
    if (url === `/api/listings/${listing.id}/applications`) return { body: { items: [minh, anon, done] } };
    if (method === "POST") return onMove(url, body);
    return { status: 404, body: { error: { code: "not_found", message: "" } } };
  });
}

describe("Applicant board", () => {
  it("offers each applicant only the organisation's legal next steps, and none on a final one", async () => {
    await serve(() => ({ body: {} }));
    renderPage(ApplicantBoard, `/tin/${listing.id}/ung-vien`, "/tin/:id/ung-vien");

    const newColumn = await screen.findByRole("region", { name: "Mới nộp (1)" });
    const moves = (name: string) =>
      within(screen.getByRole("heading", { name }).closest("li") as HTMLElement)
        .queryAllByRole("button")
        .map((b) => b.getAttribute("aria-label") ?? b.textContent);
    expect(within(newColumn).getByRole("heading", { name: "Trần Quang Minh" })).toBeTruthy();
    expect(moves("Trần Quang Minh")).toEqual([
      "Xem xét hồ sơ: Trần Quang Minh",
      "Đưa vào danh sách rút gọn: Trần Quang Minh",
      "Mời phỏng vấn: Trần Quang Minh",
      "Gửi lời mời nhận: Trần Quang Minh",
      "Báo chưa phù hợp: Trần Quang Minh",
      // Every offer goes with terms: the offer panel is there wherever an offer is a legal step.
      "Gửi lời mời nhận cho Trần Quang Minh",
    ]);
    expect(moves("UV-BBB222")).toEqual([
      "Mời phỏng vấn: UV-BBB222",
      "Gửi lời mời nhận: UV-BBB222",
      "Báo chưa phù hợp: UV-BBB222",
      // A shortlisted applicant may also get an offer with terms (interviews/OfferPanel).
      "Gửi lời mời nhận cho UV-BBB222",
    ]);
    expect(moves("UV-CCC333")).toEqual([]);
    expect(screen.getByRole("region", { name: "Đã kết thúc (1)" })).toBeTruthy();
    expect(screen.getByText("Vị trí: 1 · đang giữ (đã mời hoặc đã nhận): 1 · đã nhận lời: 0")).toBeTruthy();
  });

  it("moves an applicant with its version, and shows the capacity refusal next to the card", async () => {
    const calls = await serve((url, body) => {
      if (url === "/api/applications/ap-2/offer") {
        return { status: 409, body: { error: { code: "capacity_full", message: "Đã đủ vị trí." } } };
      }
      return { body: { ...minh, status: (body as { to: string }).to, version: 2 } };
    });
    renderPage(ApplicantBoard, `/tin/${listing.id}/ung-vien`, "/tin/:id/ung-vien");

    fireEvent.click(await screen.findByRole("button", { name: "Đưa vào danh sách rút gọn: Trần Quang Minh" }));
    await screen.findByRole("region", { name: "Danh sách rút gọn (2)" });
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Trần Quang Minh"));
    const sent = calls.mock.calls.find(([url]) => url === "/api/applications/ap-1/transitions");
    expect(JSON.parse(String(sent?.[1]?.body))).toEqual({ to: "shortlisted", version: 1 });

    // The quick offer button opens the terms form (reply-by a week ahead, shown) instead of moving at once.
    fireEvent.click(screen.getByRole("button", { name: "Gửi lời mời nhận: UV-BBB222" }));
    const card = screen.getByRole("heading", { name: "UV-BBB222" }).closest("li") as HTMLElement;
    const replyBy = (await within(card).findByLabelText(/^Hạn trả lời/)) as HTMLInputElement;
    expect(replyBy.value).toBe(dayAhead(7));
    fireEvent.input(within(card).getByLabelText(/^Số tiền \(VND\)/), { target: { value: "4000000" } });
    fireEvent.click(within(card).getByRole("button", { name: "Gửi lời mời kèm điều kiện" }));
    expect((await within(card).findByRole("alert")).textContent).toContain("Tin đã đủ chỉ tiêu");
    expect(calls.mock.calls.some(([url]) => url === "/api/applications/ap-2/transitions")).toBe(false);
    const offer = calls.mock.calls.find(([url]) => url === "/api/applications/ap-2/offer");
    expect(JSON.parse(String(offer?.[1]?.body))).toMatchObject({
      terms: { payKind: "monthly", payVnd: 4_000_000, replyBy: dayAhead(7) },
      version: 2,
    });
  });

  it("offers several applicants at once only with terms, validated like one offer", async () => {
    const calls = await serve(() => ({
      body: {
        results: [
          { id: "ap-1", ok: true, status: "offered", version: 2 },
          { id: "ap-2", ok: true, status: "offered", version: 3 },
        ],
      },
    }));
    renderPage(ApplicantBoard, `/tin/${listing.id}/ung-vien`, "/tin/:id/ung-vien");
    fireEvent.click(await screen.findByRole("checkbox", { name: "Chọn Trần Quang Minh" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Chọn UV-BBB222" }));
    const bulk = screen.getByRole("group", { name: "Thao tác hàng loạt" });
    fireEvent.change(within(bulk).getByLabelText("Chuyển các hồ sơ đã chọn sang"), { target: { value: "offered" } });
    expect((within(bulk).getByLabelText(/^Hạn trả lời/) as HTMLInputElement).value).toBe(dayAhead(7));
    // No amount for a paid offer: refused in the form, nothing sent.
    fireEvent.click(within(bulk).getByRole("button", { name: "Áp dụng" }));
    const amount = within(bulk).getByLabelText(/^Số tiền \(VND\)/);
    await waitFor(() => expect(amount.getAttribute("aria-invalid")).toBe("true"));
    expect(calls.mock.calls.some(([url]) => String(url).endsWith("/applications/bulk"))).toBe(false);
    fireEvent.input(amount, { target: { value: "4500000" } });
    fireEvent.click(within(bulk).getByRole("button", { name: "Áp dụng" }));
    expect(await screen.findByText("Đã chuyển 2 hồ sơ sang “Nhận được lời mời”.")).toBeTruthy();
    const sent = calls.mock.calls.find(([url]) => String(url).endsWith("/applications/bulk"));
    expect(JSON.parse(String(sent?.[1]?.body))).toMatchObject({
      applicationIds: ["ap-1", "ap-2"],
      to: "offered",
      terms: { payKind: "monthly", payVnd: 4_500_000, replyBy: dayAhead(7), startDate: dayAhead(30) },
    });
  });

  it("moves several applicants at once, offering only steps legal for all, and needs a reason to reject", async () => {
    const calls = await serve((url) =>
      url.endsWith("/applications/bulk")
        ? {
            body: {
              results: [
                { id: "ap-1", ok: true, status: "rejected", version: 2 },
                { id: "ap-2", ok: false, error: { code: "version_conflict", message: "x" } },
              ],
            },
          }
        : { body: {} },
    );
    renderPage(ApplicantBoard, `/tin/${listing.id}/ung-vien`, "/tin/:id/ung-vien");

    fireEvent.click(await screen.findByRole("checkbox", { name: "Chọn Trần Quang Minh" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Chọn UV-BBB222" }));
    expect((screen.getByRole("checkbox", { name: "Chọn UV-CCC333" }) as HTMLInputElement).disabled).toBe(true);
    const bulk = screen.getByRole("group", { name: "Thao tác hàng loạt" });
    expect(within(bulk).getByText("Đã chọn 2 hồ sơ")).toBeTruthy();
    const select = within(bulk).getByLabelText("Chuyển các hồ sơ đã chọn sang");
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      "— Chọn —",
      "Mời phỏng vấn",
      "Nhận được lời mời",
      "Chưa phù hợp",
    ]);

    fireEvent.change(select, { target: { value: "rejected" } });
    fireEvent.click(within(bulk).getByRole("button", { name: "Áp dụng" }));
    const reason = within(bulk).getByLabelText(/^Lý do từ chối/);
    await waitFor(() => expect(reason.getAttribute("aria-invalid")).toBe("true"));
    fireEvent.input(reason, { target: { value: "Chưa đủ kinh nghiệm" } });
    fireEvent.click(within(bulk).getByRole("button", { name: "Áp dụng" }));

    expect(await screen.findByText("Đã chuyển 1 hồ sơ sang “Chưa phù hợp”.")).toBeTruthy();
    expect(screen.getByText(/^UV-BBB222: Dữ liệu vừa được người khác thay đổi/)).toBeTruthy();
    const sent = calls.mock.calls.find(([url]) => String(url).endsWith("/applications/bulk"));
    expect(JSON.parse(String(sent?.[1]?.body))).toEqual({
      applicationIds: ["ap-1", "ap-2"],
      to: "rejected",
      reason: "Chưa đủ kinh nghiệm",
    });
  });
});
