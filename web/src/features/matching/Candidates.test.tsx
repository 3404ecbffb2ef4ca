import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, people, renderPage, signInAs } from "../../../test/helpers";
import Candidates from "./Candidates";

const candidate = {
  candidateId: "a".repeat(32),
  label: "UV-AAAAAA",
  major: "it",
  year: 3,
  skills: [{ id: "python", level: 3 }],
  score: 74.5,
  components: [],
  explanation: { vi: "Khớp 3/4 kỹ năng bắt buộc; thiếu: Docker.", en: "Matches 3 of 4 required skills." },
  whatToLearn: [],
  invited: false,
};

describe("Suitable candidates", () => {
  it("shows pseudonymous candidates with their explanation, and invites one once", async () => {
    const calls = await signInAs(people.huy, ({ method, url }) => {
      if (url.startsWith("/api/listings/ls-1/candidates")) return { body: { items: [candidate] } };
      if (method === "POST" && url === "/api/listings/ls-1/invite") {
        return { body: { status: "invited", invitedAt: "2026-11-27T02:00:00.000Z" } };
      }
      if (url === "/api/listings/ls-1") return { body: listingFixture({ id: "ls-1" }) };
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    renderPage(Candidates, "/tin/ls-1/ung-vien-phu-hop", "/tin/:id/ung-vien-phu-hop");

    const card = (await screen.findByRole("heading", { name: "UV-AAAAAA" })).closest("li") as HTMLElement;
    expect(within(card).getByText("Khớp 3/4 kỹ năng bắt buộc; thiếu: Docker.")).toBeTruthy();
    // Vietnamese writes decimals with a comma: 74,5, never 74.5.
    expect(within(card).getByText("Phù hợp 74,5/100")).toBeTruthy();

    fireEvent.click(within(card).getByRole("button", { name: "Mời ứng tuyển: UV-AAAAAA" }));
    await waitFor(() => expect(within(card).getByRole("button", { name: "Đã mời" })).toBeTruthy());
    expect((within(card).getByRole("button", { name: "Đã mời" }) as HTMLButtonElement).disabled).toBe(true);
    const posts = calls.mock.calls.filter(([url]) => url === "/api/listings/ls-1/invite");
    expect(posts).toHaveLength(1);
    expect(JSON.parse(String(posts[0]?.[1]?.body))).toEqual({ candidateId: candidate.candidateId });
    expect(screen.getByText("Đã gửi lời mời tới UV-AAAAAA.")).toBeTruthy();
  });
});
