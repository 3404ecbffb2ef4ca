import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, people, renderWithI18n, signInAs } from "../../../test/helpers";
import ApplyPanel from "./ApplyPanel";

const listing = listingFixture({
  deadline: "2999-12-31",
  questions: [{ id: "q-why", vi: "Vì sao bạn chọn vi mạch?", en: "Why chips?" }],
});

function render() {
  const history = createMemoryHistory();
  history.set({ value: "/tin/ls-embedded-amata", scroll: false, replace: true });
  return renderWithI18n(() => (
    <MemoryRouter history={history}>
      <Route path="/tin/:id" component={() => <ApplyPanel listing={listing} />} />
    </MemoryRouter>
  ));
}

describe("Apply panel", () => {
  it("asks the listing's questions, requires each answer, then sends note and answers", async () => {
    const calls = await signInAs(people.lan, ({ method, url, body }) => {
      if (url === "/api/applications/mine") return { body: { items: [] } };
      if (method === "POST" && url === "/api/listings/ls-embedded-amata/applications") {
        return {
          status: 201,
          body: {
            id: "ap-1",
            listingId: listing.id,
            status: "submitted",
            history: [],
            answers: [],
            ...(body as object),
          },
        };
      }
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    render();

    const answer = await screen.findByLabelText(/^Vì sao bạn chọn vi mạch\?/);
    fireEvent.click(screen.getByRole("button", { name: "Nộp hồ sơ" }));
    await waitFor(() => expect(document.activeElement).toBe(answer));
    expect(document.getElementById(`${answer.id}-error`)?.textContent).toContain("Vui lòng nhập mục này.");

    fireEvent.input(answer, { target: { value: "Em thích thiết kế mạch." } });
    fireEvent.input(screen.getByLabelText(/^Lời nhắn cho tổ chức/), {
      target: { value: "Em có thể bắt đầu tháng 2." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Nộp hồ sơ" }));

    expect(await screen.findByText("Đã nộp hồ sơ. Theo dõi trạng thái ở trang Đơn ứng tuyển.")).toBeTruthy();
    const post = calls.mock.calls.find(([, init]) => init?.method === "POST" && String(init.body).includes("answers"));
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      note: "Em có thể bắt đầu tháng 2.",
      answers: [{ questionId: "q-why", text: "Em thích thiết kế mạch." }],
    });
  });

  it("shows the status of an existing application instead of the form", async () => {
    await signInAs(people.lan, ({ url }) =>
      url === "/api/applications/mine"
        ? { body: { items: [{ id: "ap-1", listingId: listing.id, status: "shortlisted", history: [] }] } }
        : { status: 404, body: { error: { code: "not_found", message: "" } } },
    );
    render();
    expect(await screen.findByText("Bạn đã ứng tuyển tin này. Trạng thái: Vào danh sách rút gọn.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Nộp hồ sơ" })).toBeNull();
  });
});
