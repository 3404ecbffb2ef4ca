import type { Listing } from "@ketnoi/core";
import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { render } from "@solidjs/testing-library";
import type { Component, JSX } from "solid-js";
import { vi } from "vitest";
import { createI18n, I18nProvider, type Lang } from "../src/i18n/i18n";

/** A published listing as GET /api/listings returns it. */
export function listingFixture(overrides: Partial<Listing> = {}): Listing {
  return {
    id: "ls-embedded-amata",
    orgId: "org-amata-chip",
    orgName: "Công ty TNHH Vi mạch Amata",
    orgVerified: true,
    type: "internship",
    title: { vi: "Thực tập sinh lập trình nhúng", en: "Embedded programming intern" },
    description: { vi: "Phát triển firmware cho cảm biến công nghiệp." },
    requiredSkills: ["embedded-c", "cpp"],
    preferredSkills: ["iot", "python"],
    majors: ["electronics"],
    years: [3, 4],
    communeId: "p-long-binh",
    industrialParkId: "amata",
    workMode: "onsite",
    deadline: "2027-03-31",
    status: "published",
    createdAt: "2026-01-05T08:00:00.000Z",
    updatedAt: "2026-01-05T08:00:00.000Z",
    version: 1,
    ...overrides,
  };
}

type Handler = (request: { method: string; url: string; headers: Headers; body: unknown }) => {
  status?: number;
  body: unknown;
};

/** Replaces `fetch` with a handler answering JSON, and returns the mock to inspect calls. */
export function stubFetch(handler: Handler) {
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const answer = handler({ method: init?.method ?? "GET", url, headers: new Headers(init?.headers), body });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { "content-type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

/** Renders UI inside the language provider (Vietnamese unless told otherwise). */
export function renderWithI18n(ui: () => JSX.Element, lang: Lang = "vi") {
  return render(() => <I18nProvider i18n={createI18n(lang)}>{ui()}</I18nProvider>);
}

/** Renders a page at `path` inside a memory router, with a stand-in home page to land on after redirects. */
export function renderPage(page: Component, path: string, pattern = path) {
  const history = createMemoryHistory();
  history.set({ value: path, scroll: false, replace: true });
  const result = renderWithI18n(() => (
    <MemoryRouter history={history}>
      <Route path={pattern} component={page} />
      <Route path="/" component={() => <p>stand-in home</p>} />
    </MemoryRouter>
  ));
  return { ...result, history };
}
