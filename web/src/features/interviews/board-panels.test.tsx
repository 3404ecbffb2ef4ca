import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, people, renderPage, signInAs } from "../../../test/helpers";
import ApplicantBoard from "../org/ApplicantBoard";

const listing = listingFixture({ positions: 2, reservedCount: 0, acceptedCount: 0 });
const lan = {
  id: "ap-9",
  listingId: listing.id,
  orgId: listing.orgId,
  listingTitle: listing.title,
  orgName: listing.orgName,
  status: "interview",
  answers: [],
  history: [
    { status: "submitted", at: "2026-01-05T02:00:00.000Z", by: "student" },
    { status: "interview", at: "2026-01-06T02:00:00.000Z", by: "organisation" },
  ],
  applicant: {
    skills: [],
    identified: true,
    label: "UV-LAN999",
    contact: { fullName: "Nguyễn Thị Lan", email: "l@x.vn" },
  },
  createdAt: "2026-01-05T02:00:00.000Z",
  updatedAt: "2026-01-06T02:00:00.000Z",
  version: 2,
};
const notFound = { status: 404, body: { error: { code: "not_found", message: "" } } };
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);

function serve(onPost: (url: string, body: unknown) => { status?: number; body: unknown }) {
  return signInAs(people.huy, ({ method, url, body }) => {
    if (url === `/api/listings/${listing.id}`) return { body: listing };
    if (url === `/api/listings/${listing.id}/applications`) return { body: { items: [lan] } };
    if (method === "POST") return onPost(url, body);
    return notFound;
  });
}

async function openCard() {
  renderPage(ApplicantBoard, `/tin/${listing.id}/ung-vien`, "/tin/:id/ung-vien");
  return (await screen.findByRole("heading", { name: "Nguyễn Thị Lan" })).closest("li") as HTMLElement;
}

describe("the board's interview panel", () => {
  it("refuses a past time and an in-person interview without an address before sending anything", async () => {
    const calls = await serve(() => ({ body: {} }));
    const card = await openCard();
    fireEvent.click(within(card).getByRole("button", { name: "Đề xuất lịch phỏng vấn cho Nguyễn Thị Lan" }));
    const slot = within(card).getByRole("group", { name: "Khung giờ 1" });
    fireEvent.input(within(slot).getByLabelText(/Ngày/), { target: { value: dayAhead(-2) } });
    fireEvent.click(within(card).getByRole("button", { name: "Gửi lịch đề xuất" }));
    expect(within(card).getByRole("alert").textContent).toContain("Mỗi khung giờ phải ở tương lai");
    expect(
      within(card)
        .getByLabelText(/Địa chỉ/)
        .getAttribute("aria-invalid"),
    ).toBe("true");
    const posted = calls.mock.calls.filter(
      ([url, init]) => init?.method === "POST" && String(url).includes("/interview"),
    );
    expect(posted).toEqual([]);
  });

  it("sends three times typed in Vietnam time with the place, and shows the proposal", async () => {
    const calls = await serve((url, body) => {
      if (url !== "/api/applications/ap-9/interview") return notFound;
      const sent = body as { slots: { date: string; startTime: string; durationMinutes: number }[] };
      return {
        status: 201,
        body: {
          id: "iv-9",
          applicationId: "ap-9",
          listingId: listing.id,
          status: "proposed",
          slots: sent.slots.map((s, i) => ({
            id: `s-${i}`,
            startsAt: new Date(`${s.date}T${s.startTime}:00+07:00`).toISOString(),
            durationMinutes: s.durationMinutes,
          })),
          mode: "in_person",
          communeId: "p-long-binh",
          address: "Lô 12, KCN Amata",
          history: [{ kind: "proposed", at: "2026-01-06T03:00:00.000Z", by: "organisation" }],
          sequence: 0,
          version: 1,
          createdAt: "2026-01-06T03:00:00.000Z",
          updatedAt: "2026-01-06T03:00:00.000Z",
        },
      };
    });
    const card = await openCard();
    fireEvent.click(within(card).getByRole("button", { name: "Đề xuất lịch phỏng vấn cho Nguyễn Thị Lan" }));
    fireEvent.click(within(card).getByRole("button", { name: "Thêm khung giờ" }));
    fireEvent.click(within(card).getByRole("button", { name: "Thêm khung giờ" }));
    ["08:30", "13:00", "15:45"].forEach((time, i) => {
      const slot = within(card).getByRole("group", { name: `Khung giờ ${i + 1}` });
      fireEvent.input(within(slot).getByLabelText(/Ngày/), { target: { value: dayAhead(i + 2) } });
      fireEvent.input(within(slot).getByLabelText("Giờ bắt đầu", { exact: false }), { target: { value: time } });
    });
    fireEvent.change(within(card).getByLabelText(/Xã\/phường/), { target: { value: "p-long-binh" } });
    fireEvent.input(within(card).getByLabelText(/Địa chỉ/), { target: { value: "Lô 12, KCN Amata" } });
    fireEvent.click(within(card).getByRole("button", { name: "Gửi lịch đề xuất" }));
    await waitFor(() => expect(within(card).getByText("Đang chờ ứng viên chọn giờ")).toBeTruthy());
    const post = calls.mock.calls.find(
      ([url, init]) => url === "/api/applications/ap-9/interview" && init?.method === "POST",
    );
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      slots: [
        { date: dayAhead(2), startTime: "08:30", durationMinutes: 45 },
        { date: dayAhead(3), startTime: "13:00", durationMinutes: 45 },
        { date: dayAhead(4), startTime: "15:45", durationMinutes: 45 },
      ],
      mode: "in_person",
      communeId: "p-long-binh",
      address: "Lô 12, KCN Amata",
    });
    expect(
      within(card)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toContain(`08:30 ${dayAhead(2).split("-").reverse().join("/")} · 45 phút`);
  });
});
