import { fireEvent, screen, within } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import { renderWithI18n } from "../../../test/helpers";
import { SkillPicker } from "./SkillPicker";

function renderPicker() {
  const [selected, setSelected] = createSignal<string[]>([]);
  renderWithI18n(() => (
    <SkillPicker name="requiredSkills" legend="Kỹ năng cần có" selected={selected()} onChange={setSelected} />
  ));
  return selected;
}

describe("SkillPicker", () => {
  it("starts with the areas folded, builds an area's checkboxes only when it is opened, and counts choices", () => {
    const selected = renderPicker();
    expect(screen.queryAllByRole("checkbox")).toHaveLength(0);

    const embedded = screen.getByText("Nhúng và bán dẫn").closest("details") as HTMLDetailsElement;
    embedded.open = true;
    fireEvent(embedded, new Event("toggle"));
    fireEvent.click(within(embedded).getByRole("checkbox", { name: "Hệ điều hành thời gian thực (RTOS)" }));

    expect(selected()).toEqual(["rtos"]);
    expect(screen.getByText("Nhúng và bán dẫn (đã chọn 1)")).toBeTruthy();
    expect(screen.getByText("Đã chọn: Hệ điều hành thời gian thực (RTOS)")).toBeTruthy();
  });

  it("filters by label or synonym, with or without diacritics", () => {
    renderPicker();
    fireEvent.input(screen.getByLabelText("Lọc kỹ năng"), { target: { value: "freertos" } });
    expect(screen.getByRole("checkbox", { name: "Hệ điều hành thời gian thực (RTOS)" })).toBeTruthy();

    fireEvent.input(screen.getByLabelText("Lọc kỹ năng"), { target: { value: "lap trinh nhung" } });
    expect(screen.getByRole("checkbox", { name: "Lập trình nhúng" })).toBeTruthy();
    expect(screen.getAllByRole("checkbox").length).toBeLessThan(5);

    fireEvent.input(screen.getByLabelText("Lọc kỹ năng"), { target: { value: "zzzz" } });
    expect(screen.getByText("Không có kỹ năng nào khớp.")).toBeTruthy();
  });
});
