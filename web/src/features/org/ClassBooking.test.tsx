import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, people, renderWithI18n, signInAs } from "../../../test/helpers";
import ClassBooking from "./ClassBooking";

const visit = listingFixture({
  id: "ls-visit",
  type: "visit",
  sessions: [{ id: "s-1", date: "2027-04-02", startTime: "08:30", place: "Phòng sạch tầng 2", seats: 40 }],
});

describe("Class booking", () => {
  it("checks the class and seats with the API's schema, then books the session for the class", async () => {
    const calls = await signInAs(people.ha, ({ method, url, body }) => {
      if (url === "/api/organisations/lhu") return { body: { id: "lhu", name: { vi: "Trường Đại học Lạc Hồng" } } };
      if (method === "POST" && url === "/api/listings/ls-visit/sessions/s-1/bookings") {
        return {
          status: 201,
          body: { id: "b-1", seats: (body as { classBooking: { seats: number } }).classBooking.seats },
        };
      }
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    renderWithI18n(() => <ClassBooking listing={visit} />);

    fireEvent.input(screen.getByLabelText(/^Số chỗ/), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Đặt chỗ cho lớp" }));
    const session = screen.getByLabelText(/^Buổi tham quan/);
    await waitFor(() => expect(document.activeElement).toBe(session));
    expect(document.getElementById("f-session-error")?.textContent).toContain("Vui lòng chọn một mục trong danh sách.");
    expect(document.getElementById("f-classLabel-error")?.textContent).toContain("Vui lòng nhập mục này.");
    expect(document.getElementById("f-seats-error")?.textContent).toContain("Giá trị nhỏ nhất là 1.");

    fireEvent.change(session, { target: { value: "s-1" } });
    fireEvent.input(screen.getByLabelText(/^Tên lớp/), { target: { value: "DH21CNTT1" } });
    fireEvent.input(screen.getByLabelText(/^Số chỗ/), { target: { value: "35" } });
    fireEvent.click(screen.getByRole("button", { name: "Đặt chỗ cho lớp" }));

    expect(
      await screen.findByText("Đã giữ 35 chỗ cho lớp DH21CNTT1 buổi 02/04/2027 08:30 · Phòng sạch tầng 2."),
    ).toBeTruthy();
    const post = calls.mock.calls.find(
      ([, init]) => init?.method === "POST" && String(init.body).includes("classBooking"),
    );
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      classBooking: { orgId: "lhu", classLabel: "DH21CNTT1", seats: 35 },
    });
  });

  it("shows seats left per session and says how many remain when the class does not fit", async () => {
    await signInAs(people.ha, ({ method, url }) => {
      if (url === "/api/organisations/lhu") return { body: { id: "lhu", name: { vi: "Trường Đại học Lạc Hồng" } } };
      if (method === "POST" && url === "/api/listings/ls-visit/sessions/s-1/bookings") {
        const error = { code: "capacity_full", message: "Buổi tham quan chỉ còn 7 chỗ.", details: { seatsLeft: 7 } };
        return { status: 409, body: { error } };
      }
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    renderWithI18n(() => <ClassBooking listing={{ ...visit, seatsTaken: { "s-1": 33 } }} />);
    const session = screen.getByLabelText(/^Buổi tham quan/);
    expect(screen.getByRole("option", { name: /còn 7 chỗ$/ })).toBeTruthy();
    fireEvent.change(session, { target: { value: "s-1" } });
    fireEvent.input(screen.getByLabelText(/^Tên lớp/), { target: { value: "DH21CNTT1" } });
    fireEvent.input(screen.getByLabelText(/^Số chỗ/), { target: { value: "35" } });
    fireEvent.click(screen.getByRole("button", { name: "Đặt chỗ cho lớp" }));
    expect(
      await screen.findByText("Buổi này chỉ còn 7 chỗ: hãy đặt tối đa 7 chỗ hoặc chọn buổi khác.", { exact: false }),
    ).toBeTruthy();
  });
});
