import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderPage, signInAs } from "../../../test/helpers";
import ListingNew from "./ListingNew";

const org = {
  id: "org-amata-chip",
  kind: "enterprise",
  name: { vi: "Công ty TNHH Vi mạch Amata" },
  sectors: ["semiconductors"],
  communeId: "p-long-binh",
  address: "KCN Amata",
  verification: "verified",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  version: 1,
};

const errorOf = (control: HTMLElement) =>
  document.getElementById(`${control.id}-error`)?.textContent?.replace("⚠ ", "") ?? "";

async function openEditor() {
  const calls = await signInAs(people.huy, ({ method, url, body }) => {
    if (url === "/api/organisations/org-amata-chip") return { body: org };
    if (method === "POST" && url === "/api/listings")
      return { status: 201, body: { id: "ls-new", ...(body as object) } };
    return { status: 404, body: { error: { code: "not_found", message: "" } } };
  });
  const view = renderPage(ListingNew, "/to-chuc/org-amata-chip/tin/moi", "/to-chuc/:id/tin/moi");
  await screen.findByRole("heading", { level: 1, name: "Tạo tin mới" });
  return { calls, ...view };
}

describe("Create a listing", () => {
  it("shows type-specific fields and the schema's errors in Vietnamese, with session rows", async () => {
    await openEditor();
    expect(screen.getByLabelText("Số lượng cần tuyển")).toBeTruthy();
    expect(screen.queryByRole("group", { name: "Các buổi tham quan" })).toBeNull();

    fireEvent.change(screen.getByLabelText(/^Loại tin/), { target: { value: "visit" } });
    expect(screen.queryByLabelText("Số lượng cần tuyển")).toBeNull();
    expect(screen.getByRole("group", { name: "Các buổi tham quan" })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Lưu bản nháp" }));
    const title = screen.getByLabelText(/^Tiêu đề \(tiếng Việt\)/);
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(errorOf(title)).toBe("Vui lòng nhập mục này.");
    expect(errorOf(screen.getByLabelText(/^Hạn nộp hồ sơ/))).toBe("Vui lòng nhập mục này.");
    expect(errorOf(screen.getByLabelText(/^Xã\/phường/))).toBe("Vui lòng chọn một mục trong danh sách.");
    expect(screen.getByText("Thêm ít nhất một buổi tham quan.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Thêm buổi" }));
    const session = screen.getByRole("group", { name: "Buổi 1" });
    await waitFor(() => expect(document.activeElement).toBe(within(session).getByLabelText(/^Ngày/)));
    fireEvent.input(within(session).getByLabelText(/^Số chỗ/), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu bản nháp" }));
    await waitFor(() => expect(errorOf(within(session).getByLabelText(/^Số chỗ/))).toBe("Giá trị nhỏ nhất là 1."));
    expect(errorOf(within(session).getByLabelText(/^Giờ bắt đầu/))).toBe("Vui lòng nhập mục này.");
  });

  it("previews the listing as students see it, then saves the draft and opens it for editing", async () => {
    const { calls, history } = await openEditor();
    fireEvent.input(screen.getByLabelText(/^Tiêu đề \(tiếng Việt\)/), { target: { value: "Thực tập sinh vi mạch" } });
    fireEvent.input(screen.getByLabelText(/^Mô tả \(tiếng Việt\)/), {
      target: { value: "Thiết kế và kiểm thử vi mạch." },
    });
    fireEvent.input(screen.getByLabelText("Số lượng cần tuyển"), { target: { value: "2" } });
    fireEvent.change(screen.getByLabelText(/^Xã\/phường/), { target: { value: "p-long-binh" } });
    fireEvent.input(screen.getByLabelText(/^Hạn nộp hồ sơ/), { target: { value: "2027-03-31" } });
    fireEvent.input(screen.getAllByLabelText("Lọc kỹ năng")[0]!, { target: { value: "vi mach" } });
    fireEvent.click(within(screen.getByRole("group", { name: "Kỹ năng cần có" })).getByLabelText("Thiết kế vi mạch"));

    fireEvent.click(screen.getByRole("button", { name: "Xem trước" }));
    const preview = screen.getByRole("region", { name: "Bản xem trước: sinh viên sẽ thấy tin như sau" });
    expect(within(preview).getByRole("heading", { level: 2, name: "Thực tập sinh vi mạch" })).toBeTruthy();
    expect(await within(preview).findByText("Thiết kế vi mạch")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Lưu bản nháp" }));
    await waitFor(() => expect(history.get()).toBe("/tin/ls-new/sua?moi=1"));
    const post = calls.mock.calls.find(([url, init]) => url === "/api/listings" && init?.method === "POST");
    expect(JSON.parse(String(post?.[1]?.body))).toMatchObject({
      orgId: "org-amata-chip",
      type: "internship",
      title: { vi: "Thực tập sinh vi mạch" },
      positions: 2,
      requiredSkills: ["ic-design"],
      deadline: "2027-03-31",
    });
  });

  it("refuses a past deadline and a visit session that is over before sending anything", async () => {
    const { calls } = await openEditor();
    fireEvent.change(screen.getByLabelText(/^Loại tin/), { target: { value: "visit" } });
    const deadline = screen.getByLabelText(/^Hạn nộp hồ sơ/);
    fireEvent.input(deadline, { target: { value: "2024-01-15" } });
    fireEvent.click(screen.getByRole("button", { name: "Thêm buổi" }));
    const session = screen.getByRole("group", { name: "Buổi 1" });
    fireEvent.input(within(session).getByLabelText(/^Ngày/), { target: { value: "2025-01-10" } });
    fireEvent.input(within(session).getByLabelText(/^Giờ bắt đầu/), { target: { value: "09:00" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu bản nháp" }));
    await waitFor(() =>
      expect(errorOf(deadline)).toMatch(/^Hạn nộp đã qua: hãy chọn từ hôm nay \(\d\d\/\d\d\/\d{4}\) trở đi\.$/),
    );
    expect(errorOf(within(session).getByLabelText(/^Ngày/))).toBe(
      "Buổi này đã bắt đầu hoặc đã qua: hãy chọn thời gian sắp tới.",
    );
    expect(calls.mock.calls.some(([url, init]) => url === "/api/listings" && init?.method === "POST")).toBe(false);
  });
});
