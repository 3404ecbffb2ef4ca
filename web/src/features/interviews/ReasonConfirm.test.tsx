import { fireEvent, screen } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import { renderPage } from "../../../test/helpers";
import { ReasonConfirm } from "./ReasonConfirm";

describe("ReasonConfirm (cancelling an interview, withdrawing an offer, asking for other times)", () => {
  it("keeps the confirm button off until a reason is written, then sends it trimmed; Hủy closes it", () => {
    const confirmed: string[] = [];
    let cancelled = 0;
    renderPage(() => {
      const [text, setText] = createSignal("");
      return (
        <ReasonConfirm
          legend="Rút lời mời"
          name="wd-reason"
          label="Lý do rút lời mời"
          confirmLabel="Xác nhận rút"
          text={text()}
          onInput={setText}
          busy={false}
          danger
          onConfirm={(reason) => confirmed.push(reason)}
          onCancel={() => cancelled++}
        />
      );
    }, "/x");
    const confirm = screen.getByRole("button", { name: "Xác nhận rút" }) as HTMLButtonElement;
    expect(screen.getByRole("group", { name: "Rút lời mời" })).toBeTruthy();
    expect(confirm.disabled).toBe(true);
    const reason = screen.getByLabelText(/Lý do rút lời mời/) as HTMLTextAreaElement;
    fireEvent.input(reason, { target: { value: "   " } });
    expect(confirm.disabled).toBe(true);
    fireEvent.input(reason, { target: { value: "  Vị trí đã đủ người  " } });
    expect(confirm.disabled).toBe(false);
    expect(confirm.className).toContain("button-danger");
    fireEvent.click(confirm);
    expect(confirmed).toEqual(["Vị trí đã đủ người"]);
    fireEvent.click(screen.getByRole("button", { name: "Hủy" }));
    expect(cancelled).toBe(1);
  });
});
