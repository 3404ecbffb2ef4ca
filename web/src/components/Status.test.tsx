import { screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { renderPage } from "../../test/helpers";
import { ApiError } from "../api/client";
import { ErrorState } from "./Status";

const refused = new ApiError("mfa_required", "", 403);

describe("ErrorState for a staff role without a second factor (403 mfa_required)", () => {
  it.each([
    ["vi", /cần xác thực hai bước/, "Thiết lập xác thực hai bước", "Đăng nhập lại"],
    ["en", /needs two-step verification/, "Set up two-step verification", "Sign in again"],
  ] as const)(
    "explains enrolment, links to the enrolment page and to signing in again (%s)",
    (lang, text, enrol, link) => {
      renderPage(() => <ErrorState error={refused} onRetry={() => {}} />, "/to-chuc", "/to-chuc", lang);
      expect(screen.getByRole("alert").textContent).toMatch(text);
      expect(screen.getByRole("link", { name: enrol }).getAttribute("href")).toBe("/bao-mat");
      expect(screen.getByRole("link", { name: link }).getAttribute("href")).toBe("/dang-nhap");
    },
  );

  it("shows no such link for other errors", () => {
    renderPage(() => <ErrorState error={new ApiError("forbidden", "", 403)} onRetry={() => {}} />, "/x");
    expect(screen.queryByRole("link")).toBeNull();
  });
});
