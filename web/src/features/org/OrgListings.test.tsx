import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { listingFixture, people, renderPage, signInAs } from "../../../test/helpers";
import OrgListings from "./OrgListings";

const org = (verification: string) => ({
  id: "org-amata-chip",
  kind: "enterprise",
  name: { vi: "Công ty TNHH Vi mạch Amata" },
  sectors: [],
  communeId: "p-long-binh",
  address: "KCN Amata",
  verification,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  version: 1,
});

const draft = listingFixture({ id: "ls-draft", status: "draft", version: 3, title: { vi: "Thực tập sinh kiểm thử" } });

function serve(verification: string, patch: () => { status?: number; body: unknown }) {
  return signInAs(people.huy, ({ method, url }) => {
    if (url === "/api/organisations/org-amata-chip") return { body: org(verification) };
    if (url === "/api/organisations/org-amata-chip/listings") return { body: { items: [draft] } };
    if (method === "PATCH" && url === "/api/listings/ls-draft") return patch();
    return { status: 404, body: { error: { code: "not_found", message: "" } } };
  });
}

describe("My listings", () => {
  it("publishes a draft with the version it showed", async () => {
    const calls = await serve("verified", () => ({ body: { ...draft, status: "published", version: 4 } }));
    renderPage(OrgListings, "/to-chuc/org-amata-chip/tin", "/to-chuc/:id/tin");

    const actions = await screen.findByRole("group", { name: "Thao tác với tin “Thực tập sinh kiểm thử”" });
    expect(within(actions).queryByRole("button", { name: "Đóng tin" })).toBeNull();
    fireEvent.click(within(actions).getByRole("button", { name: "Đăng tin" }));

    expect(await screen.findByText("Đã đăng tin “Thực tập sinh kiểm thử”.")).toBeTruthy();
    expect(screen.getByText("Đang đăng")).toBeTruthy();
    expect(within(actions).getByRole("button", { name: "Đóng tin" })).toBeTruthy();
    const patch = calls.mock.calls.find(([, init]) => init?.method === "PATCH");
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ status: "published", version: 3 });
  });

  it("explains a conflicting edit and reloads on request", async () => {
    const calls = await serve("verified", () => ({
      status: 409,
      body: { error: { code: "version_conflict", message: "Dữ liệu đã được người khác thay đổi" } },
    }));
    renderPage(OrgListings, "/to-chuc/org-amata-chip/tin", "/to-chuc/:id/tin");

    fireEvent.click(await screen.findByRole("button", { name: "Đăng tin" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Dữ liệu vừa được người khác thay đổi.");
    const loads = () => calls.mock.calls.filter(([url]) => url === "/api/organisations/org-amata-chip/listings").length;
    expect(loads()).toBe(1);
    fireEvent.click(within(alert).getByRole("button", { name: "Tải lại" }));
    await waitFor(() => expect(loads()).toBe(2));
  });

  it("says why an unverified organisation cannot publish, without calling the API", async () => {
    const calls = await serve("pending", () => ({ body: {} }));
    renderPage(OrgListings, "/to-chuc/org-amata-chip/tin", "/to-chuc/:id/tin");

    expect(await screen.findByText("Chờ xác minh")).toBeTruthy();
    const publish = screen.getByRole("button", { name: "Đăng tin" });
    expect(publish.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(publish);
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Tổ chức chưa được xác minh nên chưa thể đăng tin.",
    );
    expect(calls.mock.calls.some(([, init]) => init?.method === "PATCH")).toBe(false);
  });
});
