import { screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, renderWithI18n } from "../../../test/helpers";
import { ListingCard } from "./ListingCard";

describe("ListingCard", () => {
  it("shows the Vietnamese type label, the verified badge and the facts a student scans", () => {
    renderWithI18n(() => <ListingCard listing={listingFixture()} />);

    expect(screen.getByText("Thực tập")).toBeTruthy();
    expect(screen.getByText("Đã xác minh")).toBeTruthy();
    expect(screen.getByText("Công ty TNHH Vi mạch Amata")).toBeTruthy();
    expect(screen.getByText("KCN Amata · Phường Long Bình")).toBeTruthy();
    expect(screen.getByText("Hạn nộp: 31/03/2027")).toBeTruthy();
    const link = screen.getByRole("link", { name: "Thực tập sinh lập trình nhúng" });
    expect(link.getAttribute("href")).toBe("/tin/ls-embedded-amata");
    // The labels come with the listing: the chips are there on first paint, no taxonomy download to wait for.
    const skills = screen.getByRole("list", { name: "Kỹ năng" });
    expect([...skills.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "Lập trình nhúng",
      "C/C++",
      "Internet vạn vật (IoT)",
      "+1 kỹ năng khác",
    ]);
  });

  it("shows the skills in the reader's language, from the labels the listing came with", () => {
    const listing = listingFixture({
      requiredSkills: ["plc", "scada"],
      preferredSkills: [],
      skillLabels: { plc: { vi: "Lập trình PLC", en: "PLC programming" } },
    });
    renderWithI18n(() => <ListingCard listing={listing} />, "en");

    const skills = screen.getByRole("list", { name: "Skills" });
    // A skill the API sent no label for is shown as written rather than hidden.
    expect([...skills.querySelectorAll("li")].map((li) => li.textContent)).toEqual(["PLC programming", "scada"]);
  });

  it("does not vouch for an organisation that is not verified", () => {
    renderWithI18n(() => <ListingCard listing={listingFixture({ orgVerified: false, type: "visit" })} />);

    expect(screen.getByText("Tham quan")).toBeTruthy();
    expect(screen.queryByText("Đã xác minh")).toBeNull();
  });
});
