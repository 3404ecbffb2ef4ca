import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, people, renderPage, signInAs, stubFetch } from "../../../test/helpers";
import Search from "./Search";

const hit = { ...listingFixture(), score: 3.2 };
const page = { items: [hit], cursor: null, total: 1, matchedAllTerms: true };
const searchCalls = (calls: { mock: { calls: unknown[][] } }) =>
  calls.mock.calls
    .map(([url]) => String(url))
    .filter((url) => url.startsWith("/api/search"))
    .map((url) => Object.fromEntries(new URL(url, "http://x").searchParams));

describe("Search page", () => {
  it("sends the text from the URL, then each filter and the sort as they are chosen", async () => {
    const calls = stubFetch(() => ({ body: page }));
    renderPage(Search, "/tim-kiem?q=lap%20trinh%20nhung&type=internship", "/tim-kiem");

    expect(await screen.findByRole("link", { name: "Thực tập sinh lập trình nhúng" })).toBeTruthy();
    expect(screen.getByText("Tìm thấy 1 tin")).toBeTruthy();
    expect((screen.getByLabelText("Từ khóa") as HTMLInputElement).value).toBe("lap trinh nhung");
    expect(searchCalls(calls)[0]).toEqual({ q: "lap trinh nhung", type: "internship", limit: "20" });

    fireEvent.change(screen.getByLabelText("Khu công nghiệp"), { target: { value: "amata" } });
    fireEvent.change(screen.getByLabelText("Thù lao"), { target: { value: "true" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Kỹ năng" }), { target: { value: "embedded-c" } });
    fireEvent.change(screen.getByLabelText("Sắp xếp"), { target: { value: "deadline" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Chỉ tổ chức đã xác minh" }));
    await waitFor(() =>
      expect(searchCalls(calls).at(-1)).toEqual({
        q: "lap trinh nhung",
        type: "internship",
        industrialPark: "amata",
        paid: "true",
        skill: "embedded-c",
        verifiedOnly: "true",
        sort: "deadline",
        limit: "20",
      }),
    );

    fireEvent.input(screen.getByLabelText("Từ khóa"), { target: { value: "vi mach" } });
    fireEvent.click(screen.getByRole("button", { name: "Tìm" }));
    await waitFor(() => expect(searchCalls(calls).at(-1)).toMatchObject({ q: "vi mach", industrialPark: "amata" }));
  });

  it("folds the filters behind a “Bộ lọc” button that names them, says how many apply, and toggles", async () => {
    stubFetch(() => ({ body: page }));
    renderPage(Search, "/tim-kiem?type=internship&paid=true", "/tim-kiem");
    await screen.findByRole("link", { name: "Thực tập sinh lập trình nhúng" });
    const toggle = screen.getByRole("button", { name: "Bộ lọc (2)" });
    const filters = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    // styles.css hides `.filters` without `filters-open` up to 600 px; the button is a real <button>, so Enter and
    // Space work as a click.
    expect(filters.tagName).toBe("FIELDSET");
    expect(filters.contains(screen.getByLabelText("Loại tin"))).toBe(true);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(filters.classList.contains("filters-open")).toBe(false);
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(filters.classList.contains("filters-open")).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(filters.classList.contains("filters-open")).toBe(false);
    // The toggle comes before the filters, so keyboard users reach it first.
    expect(toggle.compareDocumentPosition(filters) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("ignores filter values the API would reject, and says when only some words matched", async () => {
    const calls = stubFetch(() => ({ body: { ...page, matchedAllTerms: false } }));
    renderPage(Search, "/tim-kiem?q=robot%20lab&paid=yes&commune=quan-1", "/tim-kiem");
    expect(await screen.findByText("Không có tin nào chứa đủ mọi từ khóa; đây là các tin chứa một phần.")).toBeTruthy();
    expect(searchCalls(calls)[0]).toEqual({ q: "robot lab", limit: "20" });
  });

  it("lets a student save the search with a name, sending its criteria", async () => {
    const calls = await signInAs(people.lan, ({ method, url, body }) => {
      if (url.startsWith("/api/search")) return { body: page };
      if (method === "POST" && url === "/api/saved-searches") {
        return { status: 201, body: { id: "ss-1", createdAt: "2026-01-05T00:00:00.000Z", ...(body as object) } };
      }
      return { status: 404, body: { error: { code: "not_found", message: "" } } };
    });
    renderPage(Search, "/tim-kiem?q=nhung&paid=true", "/tim-kiem");

    fireEvent.click(await screen.findByRole("button", { name: "Lưu tìm kiếm này" }));
    fireEvent.input(screen.getByLabelText(/^Tên tìm kiếm/), { target: { value: "Nhúng có lương" } });
    fireEvent.click(screen.getByRole("button", { name: "Lưu" }));

    expect(
      await screen.findByText("Đã lưu “Nhúng có lương”. Bạn sẽ nhận thông báo khi có tin mới phù hợp."),
    ).toBeTruthy();
    const post = calls.mock.calls.find(([url]) => url === "/api/saved-searches");
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      name: "Nhúng có lương",
      criteria: { q: "nhung", paid: true, deadlineAhead: true, verifiedOnly: false },
    });
  });
});
