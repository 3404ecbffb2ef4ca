import { screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, people, renderPage, signInAs } from "../../../test/helpers";
import ForYou from "./ForYou";

const recommendation = {
  listing: listingFixture({ id: "ls-1", title: { vi: "Thực tập lập trình web", en: "Web developer intern" } }),
  score: 82,
  damping: 0.8,
  components: [],
  explanation: {
    vi: "Khớp 4/5 kỹ năng bắt buộc; thiếu: Docker.",
    en: "Matches 4 of 5 required skills; missing: Docker.",
  },
  whatToLearn: [
    {
      skillId: "docker",
      for: "required",
      kind: "missing",
      gain: 6,
      vi: "Học Docker (+6 điểm)",
      en: "Learn Docker (+6 points)",
    },
  ],
};

describe("For you", () => {
  it("lists recommendations with their explanation and what to learn, in Vietnamese", async () => {
    await signInAs(people.lan, ({ url }) =>
      url.startsWith("/api/recommendations") ? { body: { items: [recommendation] } } : { status: 404, body: {} },
    );
    renderPage(ForYou, "/danh-cho-ban");
    const card = (await screen.findByRole("heading", { name: "Thực tập lập trình web" })).closest("li") as HTMLElement;
    expect(within(card).getByText("Phù hợp 82/100")).toBeTruthy();
    expect(within(card).getByText("Khớp 4/5 kỹ năng bắt buộc; thiếu: Docker.")).toBeTruthy();
    expect(within(card).getByText("Học Docker (+6 điểm)")).toBeTruthy();
    expect(within(card).getByText(/nhiều hồ sơ so với số chỗ/)).toBeTruthy();
  });

  it("writes a decimal score the reader's way: a comma in Vietnamese", async () => {
    await signInAs(people.lan, () => ({ body: { items: [{ ...recommendation, score: 88.6 }] } }));
    renderPage(ForYou, "/danh-cho-ban");
    expect(await screen.findByText("Phù hợp 88,6/100")).toBeTruthy();
    expect(screen.queryByText(/88\.6/)).toBeNull();
  });

  it("explains in English when the reader chose English", async () => {
    await signInAs(people.lan, () => ({ body: { items: [{ ...recommendation, score: 88.6 }] } }));
    renderPage(ForYou, "/danh-cho-ban", "/danh-cho-ban", "en");
    expect(await screen.findByText("Matches 4 of 5 required skills; missing: Docker.")).toBeTruthy();
    expect(screen.getByText("88.6/100 match")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Web developer intern" })).toBeTruthy();
  });

  it("asks a student without a profile to create one", async () => {
    await signInAs(people.lan, () => ({
      status: 409,
      body: { error: { code: "profile_required", message: "Hãy tạo hồ sơ" } },
    }));
    renderPage(ForYou, "/danh-cho-ban");
    const link = await screen.findByRole("link", { name: "Tạo hồ sơ" });
    expect(link.getAttribute("href")).toBe("/ho-so");
  });
});
