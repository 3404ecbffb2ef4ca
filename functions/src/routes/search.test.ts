import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call, userWithToken } from "../../test/helpers";
import { asOf } from "../../test/marketplace";

let admin: string;
let recruiter: string;
const orgs: Record<string, string> = {};

const orgBody = (name: { vi: string; en?: string }, sectors: string[], extra: Record<string, unknown> = {}) => ({
  kind: "enterprise",
  name,
  sectors,
  communeId: "x-long-thanh",
  address: "Lô B2, KCN Long Thành",
  ...extra,
});

const listingBody = (orgId: string, fields: Record<string, unknown>) => ({
  orgId,
  type: "internship",
  title: { vi: "Thực tập" },
  description: { vi: "Mô tả công việc." },
  requiredSkills: [],
  preferredSkills: [],
  majors: [],
  years: [3, 4],
  communeId: "x-long-thanh",
  workMode: "onsite",
  deadline: "2099-12-31",
  ...fields,
});

async function verifiedOrg(key: string, body: ReturnType<typeof orgBody>) {
  const created = await call("POST", "/api/organisations", { token: recruiter, body });
  expect(created.status).toBe(201);
  await call("POST", `/api/organisations/${created.json.id}/verification`, {
    token: admin,
    body: { decision: "verified" },
  });
  orgs[key] = created.json.id;
}

/** Creates and publishes a listing; returns its id. */
async function publish(orgKey: string, fields: Record<string, unknown>): Promise<string> {
  const created = await call("POST", "/api/listings", { token: recruiter, body: listingBody(orgs[orgKey]!, fields) });
  expect(created.status).toBe(201);
  const published = await call("PATCH", `/api/listings/${created.json.id}`, {
    token: recruiter,
    body: { status: "published", version: 1 },
  });
  expect(published.status).toBe(200);
  return created.json.id;
}

async function search(query: string) {
  await effectsSettled();
  const res = await call("GET", `/api/search${query ? `?${query}` : ""}`);
  expect(res.status).toBe(200);
  return res.json as { items: Array<Record<string, unknown> & { id: string }>; cursor: string | null; total: number };
}
const idsOf = async (query: string) => (await search(query)).items.map((item) => item.id);

let embedded: string;
let webJob: string;
let labVisit: string;
let pastDeadline: string;

beforeAll(async () => {
  admin = await userWithToken("admin-search", "admin");
  recruiter = await userWithToken("rec-search", "recruiter");
  await verifiedOrg("chip", orgBody({ vi: "Công ty Vi mạch Long Thành", en: "Long Thanh Chips" }, ["semiconductors"]));
  await verifiedOrg("uni", orgBody({ vi: "Trường Đại học Đồng Nai" }, ["education"], { communeId: "p-tran-bien" }));
  await verifiedOrg("soft", orgBody({ vi: "Công ty Phần mềm Amata" }, ["software"]));
  recruiter = await userWithToken("rec-search", "recruiter"); // the token now carries the three memberships
  embedded = await publish("chip", {
    title: { vi: "Thực tập sinh lập trình nhúng", en: "Embedded programming intern" },
    requiredSkills: ["embedded-c"],
    industrialParkId: "long-thanh",
    paid: true,
  });
  webJob = await publish("soft", {
    type: "job",
    title: { vi: "Lập trình viên web back-end" },
    requiredSkills: ["web-backend"],
    communeId: "p-long-binh",
    industrialParkId: "amata",
    paid: true,
    deadline: "2099-06-30",
  });
  labVisit = await publish("uni", {
    type: "visit",
    title: { vi: "Tham quan phòng thí nghiệm trí tuệ nhân tạo" },
    requiredSkills: ["ai"],
    communeId: "p-tran-bien",
    paid: false,
    deadline: "2099-01-31",
  });
  // Published in 2019, while its deadline was ahead (a past deadline is refused now).
  pastDeadline = await asOf("2019-06-01T00:00:00Z", () =>
    publish("chip", { title: { vi: "Thực tập thiết kế vi mạch" }, deadline: "2020-01-01" }),
  );
  await effectsSettled();
});

describe("GET /api/search", () => {
  it("finds Vietnamese typed without diacritics, upper case, and English", async () => {
    expect((await idsOf("q=lap+trinh+nhung"))[0]).toBe(embedded);
    expect(await idsOf("q=DONG+NAI")).toEqual([labVisit]);
    expect(await idsOf(`q=${encodeURIComponent("embedded intern")}`)).toEqual([embedded]);
  });

  it("answers items shaped like the listing feed, with the organisation's badge and a score", async () => {
    const { items, total } = await search("q=lap+trinh+nhung");
    const feed = await call("GET", "/api/listings?limit=100");
    const feedItem = feed.json.items.find((l: { id: string }) => l.id === embedded);
    const { score, ...listing } = items[0]!;
    expect(listing).toEqual(feedItem);
    expect(listing).toMatchObject({ orgName: "Công ty Vi mạch Long Thành", orgVerified: true });
    expect(score).toBeGreaterThan(0);
    expect(total).toBe(items.length);
  });

  it.each([
    ["type=job", () => [webJob]],
    ["sector=education", () => [labVisit]],
    ["skill=embedded-c", () => [embedded]],
    ["commune=p-tran-bien", () => [labVisit]],
    ["industrialPark=amata", () => [webJob]],
    ["paid=false", () => [labVisit]],
    ["deadlineAhead=false&q=thiet+ke", () => [pastDeadline]],
    ["verifiedOnly=true&type=visit", () => [labVisit]],
  ])("filters by %s", async (query, expected) => {
    expect(await idsOf(query)).toEqual(expected());
  });

  it("hides passed deadlines unless asked", async () => {
    expect(await idsOf("")).not.toContain(pastDeadline);
    expect(await idsOf("deadlineAhead=false")).toContain(pastDeadline);
  });

  it("sorts newest first by default, by deadline on request", async () => {
    expect(await idsOf("")).toEqual([labVisit, webJob, embedded]);
    expect(await idsOf("sort=deadline")).toEqual([labVisit, webJob, embedded]);
    expect(await idsOf("sort=deadline&deadlineAhead=false")).toEqual([pastDeadline, labVisit, webJob, embedded]);
  });

  it("pages with an opaque cursor, without duplicates", async () => {
    const seen: string[] = [];
    let query = "limit=1&deadlineAhead=false";
    for (let page = 0; page < 10; page++) {
      const { items, cursor } = await search(query);
      seen.push(...items.map((i) => i.id));
      if (!cursor) break;
      query = `limit=1&deadlineAhead=false&cursor=${encodeURIComponent(cursor)}`;
    }
    // The past-deadline listing was published in 2019 (see beforeAll): the oldest.
    expect(seen).toEqual([labVisit, webJob, embedded, pastDeadline]);
  });

  it("makes a newly published listing searchable within seconds, and an archived one disappear", async () => {
    const start = Date.now();
    const id = await publish("chip", { title: { vi: "Kỹ sư robot công nghiệp" } });
    expect(await idsOf("q=robot+cong+nghiep")).toEqual([id]);
    // Publish → stream → consumer → index: a few hundred ms here; the bound leaves room for a loaded machine.
    expect(Date.now() - start).toBeLessThan(3000);

    const closed = await call("PATCH", `/api/listings/${id}`, {
      token: recruiter,
      body: { status: "closed", version: 2 },
    });
    expect(closed.status).toBe(200);
    expect(await idsOf("q=robot")).toEqual([]);
    await call("PATCH", `/api/listings/${id}`, { token: recruiter, body: { status: "archived", version: 3 } });
    expect(await idsOf("q=robot")).toEqual([]);
  });

  it("re-indexes an edit, and drops a rejected organisation's listings", async () => {
    const edited = await call("PATCH", `/api/listings/${webJob}`, {
      token: recruiter,
      body: { title: { vi: "Lập trình viên Node.js" }, version: 2 },
    });
    expect(edited.status).toBe(200);
    expect(await idsOf("q=nodejs")).toEqual([]);
    const { items: found } = await search("q=node+js");
    expect(found.map((i) => [i.id, i.title])).toEqual([[webJob, { vi: "Lập trình viên Node.js" }]]);

    const rejected = await call("POST", `/api/organisations/${orgs.soft}/verification`, {
      token: admin,
      body: { decision: "rejected", reason: "Giấy phép hết hạn" },
    });
    expect(rejected.status).toBe(200);
    expect(await idsOf("verifiedOnly=true&type=job")).toEqual([]);
    // A rejected organisation's listings leave search altogether, not only the verified filter (policy.ts).
    expect(await idsOf("type=job")).toEqual([]);
  });

  it("drops a listing from its industrial park's filter once the park is cleared (null)", async () => {
    const id = await publish("chip", { title: { vi: "Kỹ thuật viên bảo trì khuôn" }, industrialParkId: "long-thanh" });
    expect(await idsOf("q=khuon&industrialPark=long-thanh")).toEqual([id]);
    const cleared = await call("PATCH", `/api/listings/${id}`, {
      token: recruiter,
      body: { industrialParkId: null, version: 2 },
    });
    expect(cleared.status).toBe(200);
    expect(await idsOf("q=khuon&industrialPark=long-thanh")).toEqual([]);
    const { items } = await search("q=khuon");
    expect(items.map((i) => [i.id, i.industrialParkId])).toEqual([[id, undefined]]);
  });

  it.each([
    ["sort=popular", "sort"],
    ["paid=yes", "paid"],
    ["type=party", "type"],
    ["skill=cooking", "skill"],
    ["limit=0", "limit"],
    ["limit=500", "limit"],
    ["cursor=bm90LWEtY3Vyc29y", "cursor"],
    ["colour=red", "colour"],
  ])("rejects %s with 400 naming the field", async (query, path) => {
    await effectsSettled();
    const res = await call("GET", `/api/search?${query}`);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it("is documented in the OpenAPI document with the saved-search routes", async () => {
    const { json } = await call("GET", "/api/openapi.json");
    expect(Object.keys(json.paths)).toEqual(
      expect.arrayContaining(["/api/search", "/api/saved-searches", "/api/saved-searches/{id}"]),
    );
    const parameters = json.paths["/api/search"].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(["q", "type", "sector", "skill", "verifiedOnly", "cursor"]));
    expect(json.paths["/api/saved-searches"].post.requestBody).toBeDefined();
  });
});
