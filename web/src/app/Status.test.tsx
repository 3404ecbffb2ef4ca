import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { createResource, createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import { renderPage, renderWithI18n } from "../../test/helpers";
import { ApiError } from "./api/client";
import { Async, ErrorState } from "./Status";

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

/** A promise to settle from the test, so the resource's states can be watched one by one. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** A page built on Async: a list from the resource and a form the user has opened and typed into. */
function renderListPage() {
  const loads: ReturnType<typeof deferred<string[]>>[] = [];
  let reload!: () => void;
  renderWithI18n(() => {
    const [items, { refetch }] = createResource(() => {
      const next = deferred<string[]>();
      loads.push(next);
      return next.promise;
    });
    reload = () => void refetch();
    const [open, setOpen] = createSignal(false);
    return (
      <Async resource={items} onRetry={reload}>
        {(list) => (
          <>
            <ul aria-label="items">
              {/* Read through the accessor, so a refetch's value replaces the one the page was mounted with. */}
              {list().map((item) => (
                <li>{item}</li>
              ))}
            </ul>
            <button type="button" onClick={() => setOpen(true)}>
              open
            </button>
            {open() && <input aria-label="note" />}
          </>
        )}
      </Async>
    );
  });
  return { loads, reload: () => reload() };
}

describe("Async keeps its page mounted while the resource refetches", () => {
  it("keeps an open form, its typed text and focus through a refetch, marks the region busy, then shows the new value", async () => {
    const { loads, reload } = renderListPage();
    expect(screen.getByRole("status").textContent).toMatch(/Đang tải/);
    loads[0]!.resolve(["first"]);
    fireEvent.click(await screen.findByRole("button", { name: "open" }));
    const input = screen.getByRole("textbox", { name: "note" }) as HTMLInputElement;
    input.focus();
    fireEvent.input(input, { target: { value: "half-typed reason" } });

    reload();
    await waitFor(() => expect(loads).toHaveLength(2));
    // Refreshing: no loading line in place of the page, the same input with the same text and focus.
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.getByRole("textbox", { name: "note" })).toBe(input);
    expect(input.value).toBe("half-typed reason");
    expect(document.activeElement).toBe(input);
    expect(input.closest(".async")?.getAttribute("aria-busy")).toBe("true");

    loads[1]!.resolve(["first", "second"]);
    await waitFor(() =>
      expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(["first", "second"]),
    );
    expect(screen.getByRole("textbox", { name: "note" })).toBe(input);
    expect(input.value).toBe("half-typed reason");
    expect(input.closest(".async")?.hasAttribute("aria-busy")).toBe(false);
  });

  it("shows the error when a refetch fails, and the loading line (not the stale page) while retrying", async () => {
    const { loads, reload } = renderListPage();
    loads[0]!.resolve(["first"]);
    await screen.findByRole("button", { name: "open" });
    reload();
    await waitFor(() => expect(loads).toHaveLength(2));
    loads[1]!.reject(new ApiError("network", "", 0));
    await screen.findByRole("alert");
    expect(screen.queryByRole("list")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Thử lại" }));
    await waitFor(() => expect(loads).toHaveLength(3));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("status").textContent).toMatch(/Đang tải/);
    loads[2]!.resolve(["again"]);
    await waitFor(() => expect(screen.getByRole("listitem").textContent).toBe("again"));
  });
});
