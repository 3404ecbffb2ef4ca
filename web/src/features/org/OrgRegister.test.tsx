import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import OrgRegister from "./OrgRegister";

const submit = () => fireEvent.click(screen.getByRole("button", { name: "Gửi đăng ký" }));
const describedText = (control: HTMLElement) =>
  (control.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");

describe("Register an organisation", () => {
  it("shows the core schema's problems in Vietnamese, linked to each field, and focuses the first", async () => {
    const calls = await signInAs(people.huy);
    renderPage(OrgRegister, "/to-chuc/dang-ky");

    fireEvent.input(screen.getByLabelText(/^Trang web/), { target: { value: "http://congty.vn" } });
    submit();

    const kind = screen.getByLabelText(/^Loại tổ chức/);
    await waitFor(() => expect(document.activeElement).toBe(kind));
    expect(kind.getAttribute("aria-invalid")).toBe("true");
    expect(describedText(kind)).toContain("Vui lòng chọn một mục trong danh sách.");
    expect(describedText(screen.getByLabelText(/^Tên tổ chức \(tiếng Việt\)/))).toContain("Vui lòng nhập mục này.");
    expect(describedText(screen.getByLabelText(/^Xã\/phường/))).toContain("Vui lòng chọn một mục trong danh sách.");
    expect(describedText(screen.getByLabelText(/^Trang web/))).toContain("Địa chỉ web phải bắt đầu bằng https://.");
    expect(screen.getByRole("alert").textContent).toContain("có 5 chỗ cần sửa");
    expect(calls.mock.calls.some(([url]) => url === "/api/organisations")).toBe(false);
  });

  it("explains the same problems in English when the user chose English", async () => {
    await signInAs(people.huy);
    renderPage(OrgRegister, "/to-chuc/dang-ky", "/to-chuc/dang-ky", "en");

    fireEvent.input(screen.getByLabelText(/^Contact e-mail/), { target: { value: "not-an-email" } });
    fireEvent.click(screen.getByRole("button", { name: "Send registration" }));

    const name = screen.getByLabelText(/^Name \(Vietnamese\)/);
    await waitFor(() => expect(name.getAttribute("aria-invalid")).toBe("true"));
    expect(describedText(name)).toContain("Please fill this in.");
    expect(describedText(screen.getByLabelText(/^Contact e-mail/))).toContain("This e-mail address is not valid.");
    expect(screen.getByRole("alert").textContent).toContain("Not saved: 5 fields need fixing");
  });

  it("sends the checked organisation and opens its profile awaiting verification", async () => {
    const calls = await signInAs(people.huy, ({ method, url, body }) => {
      if (method === "POST" && url === "/api/organisations") {
        return { status: 201, body: { id: "org-new", ...(body as object), verification: "pending" } };
      }
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    const { history } = renderPage(OrgRegister, "/to-chuc/dang-ky");

    fireEvent.change(screen.getByLabelText(/^Loại tổ chức/), { target: { value: "enterprise" } });
    fireEvent.input(screen.getByLabelText(/^Tên tổ chức \(tiếng Việt\)/), {
      target: { value: "Công ty TNHH Cảm biến Nhơn Trạch" },
    });
    fireEvent.click(screen.getByLabelText("Điện tử"));
    fireEvent.change(screen.getByLabelText(/^Xã\/phường/), { target: { value: "x-nhon-trach" } });
    fireEvent.change(screen.getByLabelText(/^Khu công nghiệp/), { target: { value: "nhon-trach-3" } });
    fireEvent.input(screen.getByLabelText(/^Địa chỉ/), { target: { value: "Lô C4, KCN Nhơn Trạch 3" } });
    fireEvent.input(screen.getByLabelText(/^Trang web/), { target: { value: "https://camb.example.vn" } });
    submit();

    await waitFor(() => expect(history.get()).toBe("/to-chuc/org-new?moi=1"));
    const post = calls.mock.calls.find(([url, init]) => url === "/api/organisations" && init?.method === "POST");
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      kind: "enterprise",
      name: { vi: "Công ty TNHH Cảm biến Nhơn Trạch" },
      sectors: ["electronics"],
      communeId: "x-nhon-trach",
      industrialParkId: "nhon-trach-3",
      address: "Lô C4, KCN Nhơn Trạch 3",
      website: "https://camb.example.vn",
    });
  });
});
