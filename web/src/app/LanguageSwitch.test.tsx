import { fireEvent, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, renderWithI18n } from "../../test/helpers";
import { ListingCard } from "../features/listings/ListingCard";
import { LanguageSwitch } from "./LanguageSwitch";

describe("LanguageSwitch", () => {
  it("turns the visible strings English, sets <html lang> and remembers the choice", () => {
    renderWithI18n(() => (
      <>
        <LanguageSwitch />
        <ListingCard listing={listingFixture()} />
      </>
    ));
    expect(document.documentElement.lang).toBe("vi");
    expect(screen.getByText("Thực tập")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "English" }));

    expect(screen.getByText("Internship")).toBeTruthy();
    expect(screen.getByText("Verified")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Embedded programming intern" })).toBeTruthy();
    expect(screen.getByText("Apply by 31/03/2027")).toBeTruthy();
    expect(screen.queryByText("Thực tập")).toBeNull();
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("ketnoi.lang")).toBe("en");

    fireEvent.click(screen.getByRole("button", { name: "Tiếng Việt" }));
    expect(screen.getByText("Đã xác minh")).toBeTruthy();
  });
});
