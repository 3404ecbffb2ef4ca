import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { people, renderWithI18n, signInAs } from "../../../test/helpers";
import { Conversation } from "./Conversation";
import { unreadMessages } from "./unread";

const message = (id: string, side: "student" | "organisation", text: string, extra: object = {}) => ({
  id,
  side,
  mine: side === "student",
  text,
  createdAt: "2026-01-05T07:05:00.000Z",
  ...extra,
});

describe("an application's conversation (student side)", () => {
  it("opens on demand, shows the thread newest last, marks it read, and sends from a labelled box", async () => {
    const sent: unknown[] = [];
    const calls = await signInAs(people.lan, ({ method, url, body }) => {
      if (method === "GET" && url === "/api/applications/app-1/messages")
        return {
          body: {
            items: [
              message("m-1", "student", "Em hỏi lịch phỏng vấn ạ"),
              message("m-2", "organisation", "Thứ Hai nhé"),
            ],
            cursor: null,
            otherSideCount: 1,
            unread: 1,
          },
        };
      if (method === "PUT" && url === "/api/applications/app-1/messages/read") return { body: { seen: 1 } };
      if (method === "POST" && url === "/api/applications/app-1/messages") {
        sent.push(body);
        return { status: 201, body: message("m-3", "student", "Dạ em cảm ơn") };
      }
      if (url === "/api/messages/unread") return { body: { total: 0, threads: [] } };
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    unreadMessages.reset();
    renderWithI18n(() => <Conversation applicationId="app-1" side="student" with="Amata Tech" />);
    // Folded: nothing is fetched until the student opens it.
    expect(calls.mock.calls.some(([url]) => String(url).includes("/messages"))).toBe(false);
    const details = screen.getByText("Tin nhắn").closest("details")!;
    details.open = true;
    fireEvent(details, new Event("toggle"));

    const list = await screen.findByRole("list", { name: "Các tin nhắn" });
    await waitFor(() => expect(list.textContent).toContain("Thứ Hai nhé"));
    const items = list.querySelectorAll("li");
    expect(items[0]!.textContent).toContain("Bạn");
    expect(items[1]!.textContent).toContain("Nhà tuyển dụng");
    expect(items[1]!.textContent).toContain("Thứ Hai nhé");
    await waitFor(() =>
      expect(
        calls.mock.calls.some(
          ([url, init]) => url === "/api/applications/app-1/messages/read" && init?.method === "PUT",
        ),
      ).toBe(true),
    );

    const box = screen.getByLabelText("Tin nhắn của bạn");
    fireEvent.click(screen.getByRole("button", { name: "Gửi" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Hãy nhập tin nhắn");
    expect(sent).toEqual([]);
    fireEvent.input(box, { target: { value: "Dạ em cảm ơn" } });
    fireEvent.click(screen.getByRole("button", { name: "Gửi" }));
    await waitFor(() => expect(list.textContent).toContain("Dạ em cảm ơn"));
    expect(sent).toEqual([{ text: "Dạ em cảm ơn" }]);
    // Announced in a polite live region, for screen reader users who stay in the box.
    expect(screen.getAllByRole("status").some((s) => s.textContent === "Đã gửi tin nhắn.")).toBe(true);
    // The student's side has no notes panel.
    expect(screen.queryByText("Ghi chú nội bộ")).toBeNull();
  });
});
