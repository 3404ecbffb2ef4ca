import type { Listing, Me } from "@ketnoi/core";
import { skillLabelsOf } from "@ketnoi/core/skills";
import { createMemoryHistory, MemoryRouter, Route, type RouteSectionProps } from "@solidjs/router";
import { render } from "@solidjs/testing-library";
import type { Component, JSX } from "solid-js";
import { vi } from "vitest";
import { createI18n, I18nProvider, type Lang } from "../src/app/i18n/i18n";
import { session } from "../src/app/session/session";

/** A published listing as GET /api/listings returns it, with the labels of its skills as the API adds them. */
export function listingFixture(overrides: Partial<Listing> = {}): Listing {
  const listing: Omit<Listing, "skillLabels"> = {
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
  return {
    skillLabels: skillLabelsOf([...listing.requiredSkills, ...listing.preferredSkills]),
    ...listing,
  };
}

export type Handler = (request: { method: string; url: string; headers: Headers; body: unknown }) => {
  status?: number;
  body: unknown;
};

/** Replaces `fetch` with a handler answering JSON, and returns the mock to inspect calls. */
export function stubFetch(handler: Handler) {
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const answer = handler({ method: init?.method ?? "GET", url, headers: new Headers(init?.headers), body });
    if (answer.status === 204) return new Response(null, { status: 204 });
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
export function renderPage(page: Component, path: string, pattern = path, lang: Lang = "vi") {
  const history = createMemoryHistory();
  history.set({ value: path, scroll: false, replace: true });
  const result = renderWithI18n(
    () => (
      <MemoryRouter history={history}>
        <Route path={pattern} component={page} />
        <Route path="/" component={() => <p>stand-in home</p>} />
      </MemoryRouter>
    ),
    lang,
  );
  return { ...result, history };
}

/** Demo users as GET /api/me returns them. */
export const people = {
  lan: { id: "sv-lan", displayName: "Nguyễn Thị Lan", email: "lan@demo.ketnoi.vn", role: "student", memberships: [] },
  huy: {
    id: "rec-amata",
    displayName: "Võ Thị Mai Anh",
    email: "maianh@demo.ketnoi.vn",
    role: "recruiter",
    memberships: [{ orgId: "org-amata-chip", role: "owner" }],
  },
  ha: {
    id: "staff-lhu",
    displayName: "Phạm Thu Hà",
    email: "ha.pham@demo.ketnoi.vn",
    role: "staff",
    memberships: [{ orgId: "lhu", role: "owner" }],
  },
  admin: { id: "admin", displayName: "Quản trị KetNoi", email: "admin@ketnoi.example", role: "admin", memberships: [] },
  province: {
    id: "prov-khcn",
    displayName: "Võ Minh Tâm",
    email: "tam@demo.ketnoi.vn",
    role: "province",
    memberships: [],
  },
} satisfies Record<string, Me>;

/**
 * Signs the app's session in as `me` through stubbed dev-auth and /api/me answers; every other request goes to
 * `handler`. Returns the fetch mock. The setup file signs out after each test.
 */
export async function signInAs(
  me: Me,
  handler: Handler = () => ({ status: 404, body: { error: { code: "not_found", message: "" } } }),
) {
  const mock = stubFetch((request) => {
    if (request.url === "/api/dev-auth/token") return { body: { token: `tok-${me.id}`, expiresIn: 3600 } };
    if (request.url === "/api/me") return { body: me };
    return handler(request);
  });
  await session.signIn(me.id);
  return mock;
}

/** Renders a page at `path` inside the app's shell (or another root), as the running app does. */
export function renderInShell(
  root: Component<RouteSectionProps>,
  page: Component,
  path: string,
  pattern = path,
  lang: Lang = "vi",
) {
  const history = createMemoryHistory();
  history.set({ value: path, scroll: false, replace: true });
  const result = renderWithI18n(
    () => (
      <MemoryRouter history={history} root={root}>
        <Route path={pattern} component={page} />
        <Route path="*" component={() => <p>other page</p>} />
      </MemoryRouter>
    ),
    lang,
  );
  return { ...result, history };
}
