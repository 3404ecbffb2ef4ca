import { fireEvent, screen } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { renderWithI18n, stubFetch } from "../../../test/helpers";
import type { Application } from "./api";
import { VolunteerHours } from "./VolunteerHours";

const accepted = { id: "app-1", status: "accepted", version: 4 } as Application;

describe("Volunteer hours", () => {
  it("refuses figures that are not half hours, then records valid hours with the version shown", async () => {
    const fetch = stubFetch(({ body }) => ({ body: { ...accepted, ...(body as object), version: 5 } }));
    const onSaved = vi.fn();
    renderWithI18n(() => <VolunteerHours application={accepted} name="Nguyễn Văn An" onSaved={onSaved} />);
    const input = screen.getByLabelText("Số giờ tình nguyện của Nguyễn Văn An");

    fireEvent.input(input, { target: { value: "1,25" } });
    fireEvent.click(screen.getByRole("button", { name: "Ghi nhận giờ" }));
    expect(await screen.findByText("Nhập số giờ từ 0,5 đến 1000, theo nửa giờ.")).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();

    fireEvent.input(input, { target: { value: "12,5" } });
    fireEvent.click(screen.getByRole("button", { name: "Ghi nhận giờ" }));
    expect(await screen.findByText("Đã ghi nhận 12,5 giờ cho Nguyễn Văn An.")).toBeTruthy();
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe("/api/applications/app-1/hours");
    expect(JSON.parse(String(init?.body))).toEqual({ hours: 12.5, version: 4 });
    expect(onSaved).toHaveBeenCalledOnce();
  });
});
