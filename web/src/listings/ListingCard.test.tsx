import { screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, renderWithI18n } from "../../test/helpers";
import { ListingCard } from "./ListingCard";

describe("ListingCard", () => {
  it("shows the Vietnamese type label, the verified badge and the facts a student scans", async () => {
    renderWithI18n(() => <ListingCard listing={listingFixture()} />);

    expect(screen.getByText("Thực tập")).toBeTruthy();
    expect(screen.getByText("Đã xác minh")).toBeTruthy();
    expect(screen.getByText("Công ty TNHH Vi mạch Amata")).toBeTruthy();
    expect(screen.getByText("KCN Amata · Phường Long Bình")).toBeTruthy();
    expect(screen.getByText("Hạn nộp: 31/03/2027")).toBeTruthy();
    const link = screen.getByRole("link", { name: "Thực tập sinh lập trình nhúng" });
    expect(link.getAttribute("href")).toBe("/tin/ls-embedded-amata");
    // The skills taxonomy loads after first paint; its labels follow a moment later.
    const skills = await screen.findByRole("list", { name: "Kỹ năng" });
    expect(skills.textContent).toContain("Lập trình nhúng");
    expect(skills.textContent).toContain("+1 kỹ năng khác");
  });

  it("does not vouch for an organisation that is not verified", () => {
    renderWithI18n(() => <ListingCard listing={listingFixture({ orgVerified: false, type: "visit" })} />);

    expect(screen.getByText("Tham quan")).toBeTruthy();
    expect(screen.queryByText("Đã xác minh")).toBeNull();
  });
});
