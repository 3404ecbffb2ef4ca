import { maxSavedSearches } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call, userWithToken } from "../../test/helpers";
import { asOf } from "../../test/marketplace";

let admin: string;
let recruiter: string;
let lan: string;
let minh: string;
let orgId: string;

const listingBody = (fields: Record<string, unknown>) => ({
  orgId,
  type: "internship",
  title: { vi: "Thực tập" },
  description: { vi: "Mô tả công việc." },
  requiredSkills: [],
  preferredSkills: [],
  majors: [],
  years: [3],
  communeId: "x-long-thanh",
  workMode: "onsite",
  deadline: "2099-12-31",
  ...fields,
});

async function createListing(fields: Record<string, unknown>): Promise<string> {
  const created = await call("POST", "/api/listings", { token: recruiter, body: listingBody(fields) });
  expect(created.status).toBe(201);
  return created.json.id;
}

async function move(id: string, status: string, version: number) {
  const res = await call("PATCH", `/api/listings/${id}`, { token: recruiter, body: { status, version } });
  expect(res.status).toBe(200);
  await effectsSettled(); // the alert follows from the stored change; tests wait for the stream consumer
}

async function alertsOf(token: string) {
  const res = await call("GET", "/api/notifications", { token });
  return (res.json.items as Array<{ kind: string; link?: string; title: { vi: string; en: string } }>).filter(
    (n) => n.kind === "saved_search_match",
  );
}

const save = (token: string, body: unknown) => call("POST", "/api/saved-searches", { token, body });

beforeAll(async () => {
  admin = await userWithToken("admin-saved", "admin");
  recruiter = await userWithToken("rec-saved", "recruiter");
  lan = await userWithToken("sv-lan-saved", "student");
  minh = await userWithToken("sv-minh-saved", "student");
  const org = await call("POST", "/api/organisations", {
    token: recruiter,
    body: {
      kind: "enterprise",
      name: { vi: "Công ty Vi mạch Nhơn Trạch" },
      sectors: ["semiconductors"],
      communeId: "x-nhon-trach",
      address: "KCN Nhơn Trạch 3",
    },
  });
  orgId = org.json.id;
  await call("POST", `/api/organisations/${orgId}/verification`, { token: admin, body: { decision: "verified" } });
  recruiter = await userWithToken("rec-saved", "recruiter");
});

describe("saved searches", () => {
  it("lets a student save, list and delete a search", async () => {
    const body = { name: "Nhúng có lương", criteria: { q: "lap trinh nhung", paid: true } };
    const created = await save(lan, body);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: "Nhúng có lương",
      criteria: { q: "lap trinh nhung", paid: true, deadlineAhead: true, verifiedOnly: false },
    });
    expect(created.json.userId).toBeUndefined();

    const list = await call("GET", "/api/saved-searches", { token: lan });
    expect(list.json.items.map((s: { id: string }) => s.id)).toEqual([created.json.id]);
    expect((await call("GET", "/api/saved-searches", { token: minh })).json.items).toEqual([]);

    expect((await call("DELETE", `/api/saved-searches/${created.json.id}`, { token: lan })).status).toBe(204);
    expect((await call("GET", "/api/saved-searches", { token: lan })).json.items).toEqual([]);
    expect((await call("DELETE", `/api/saved-searches/${created.json.id}`, { token: lan })).status).toBe(404);
  });

  it("answers 404 for another student's saved search, and leaves it in place", async () => {
    const created = await save(lan, { name: "AI", criteria: { skill: "ai" } });
    const res = await call("DELETE", `/api/saved-searches/${created.json.id}`, { token: minh });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
    expect((await call("GET", "/api/saved-searches", { token: lan })).json.items).toHaveLength(1);
    await call("DELETE", `/api/saved-searches/${created.json.id}`, { token: lan });
  });

  it("is for signed-in students only", async () => {
    const body = { name: "AI", criteria: { skill: "ai" } };
    expect((await save("", body)).status).toBe(401);
    expect((await call("GET", "/api/saved-searches")).status).toBe(401);
    const byRecruiter = await save(recruiter, body);
    expect(byRecruiter.status).toBe(403);
    expect(byRecruiter.json.error.code).toBe("forbidden");
  });

  it.each([
    ["no criterion at all", { name: "Mọi thứ", criteria: {} }, "criteria"],
    ["an unknown filter", { name: "X", criteria: { q: "ai", colour: "red" } }, "criteria.colour"],
    ["a flag as text", { name: "X", criteria: { paid: "true" } }, "criteria.paid"],
    ["an empty name", { name: "  ", criteria: { q: "ai" } }, "name"],
    ["an unknown field", { name: "X", criteria: { q: "ai" }, userId: "sv-minh-saved" }, "userId"],
  ])("rejects %s with 400", async (_case, body, path) => {
    const res = await save(lan, body);
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it(`keeps at most ${maxSavedSearches} per student, even under concurrent saves`, async () => {
    const results = await Promise.all(
      Array.from({ length: maxSavedSearches + 5 }, (_, i) =>
        save(minh, { name: `Tìm ${i}`, criteria: { q: `ai ${i}` } }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(maxSavedSearches);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
    expect(results.find((r) => r.status === 409)!.json.error.code).toBe("saved_search_limit");
    const list = await call("GET", "/api/saved-searches", { token: minh });
    expect(list.json.items).toHaveLength(maxSavedSearches);

    await call("DELETE", `/api/saved-searches/${list.json.items[0].id}`, { token: minh });
    expect((await save(minh, { name: "Lại", criteria: { type: "job" } })).status).toBe(201);
    for (const item of (await call("GET", "/api/saved-searches", { token: minh })).json.items) {
      await call("DELETE", `/api/saved-searches/${item.id}`, { token: minh });
    }
  });
});

describe("saved-search alerts", () => {
  it("notifies the owner once when a matching listing is published, not for other listings", async () => {
    const saved = await save(lan, { name: "Lập trình nhúng", criteria: { q: "lap trinh nhung", type: "internship" } });
    await save(minh, { name: "Việc làm", criteria: { type: "job" } });

    const matching = await createListing({ title: { vi: "Thực tập sinh lập trình nhúng", en: "Embedded intern" } });
    const other = await createListing({ title: { vi: "Thực tập kế toán" } });
    expect(await alertsOf(lan)).toEqual([]); // drafts alert nobody
    await move(matching, "published", 1);
    await move(other, "published", 1);

    const alerts = await alertsOf(lan);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      link: `/tin/${matching}`,
      title: { vi: expect.stringContaining("Lập trình nhúng"), en: expect.stringContaining("Lập trình nhúng") },
    });
    expect(await alertsOf(minh)).toEqual([]);

    // Reopening the same listing is not news for the same saved search.
    await move(matching, "closed", 2);
    await move(matching, "published", 3);
    expect(await alertsOf(lan)).toHaveLength(1);

    // A deleted saved search alerts no more.
    await call("DELETE", `/api/saved-searches/${saved.json.id}`, { token: lan });
    const later = await createListing({ title: { vi: "Kỹ sư lập trình nhúng" } });
    await move(later, "published", 1);
    expect(await alertsOf(lan)).toHaveLength(1);
  });

  it("does not alert about a listing whose deadline has passed", async () => {
    await save(minh, { name: "Thiết kế vi mạch", criteria: { q: "thiet ke vi mach" } });
    // Made in 2019, when its deadline was ahead; publishing it now is refused, so no alert can go out.
    const late = await asOf("2019-06-01T00:00:00Z", () =>
      createListing({ title: { vi: "Thực tập thiết kế vi mạch" }, deadline: "2020-01-01" }),
    );
    const res = await call("PATCH", `/api/listings/${late}`, {
      token: recruiter,
      body: { status: "published", version: 1 },
    });
    expect([res.status, res.json.error.details]).toEqual([400, [{ path: "deadline", message: expect.any(String) }]]);
    await effectsSettled();
    expect(await alertsOf(minh)).toEqual([]);
  });
});
