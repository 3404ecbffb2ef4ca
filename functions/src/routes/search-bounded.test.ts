import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call, userWithToken } from "../../test/helpers";
import { listingBody } from "../../test/marketplace";
import { configureSearch } from "../search/live";
import { memorySnapshotStore } from "../search/snapshot-store";

// Issue 13: a search scores at most a budget of listings (1,000 in the app). Here the budget is 3, so these ten
// listings that all contain "kỹ thuật" take the bounded path (strongest candidates ranked, then the other matches
// newest first) through the real route, DynamoDB Local and the stream consumer.
let recruiter: string;
let orgId: string;
let strongest: string;
const listings: Array<{ id: string; type: string; commune: string; paid: boolean; deadline: string }> = [];

async function publish(fields: Record<string, unknown>): Promise<string> {
  const created = await call("POST", "/api/listings", {
    token: recruiter,
    // The shared body, with no words or skills of its own: only the fields each case gives are searched.
    body: listingBody(orgId, {
      title: { vi: "Thực tập" },
      requiredSkills: [],
      majors: [],
      communeId: "x-long-thanh",
      ...fields,
    }),
  });
  expect(created.status).toBe(201);
  const published = await call("PATCH", `/api/listings/${created.json.id}`, {
    token: recruiter,
    body: { status: "published", version: 1 },
  });
  expect(published.status).toBe(200);
  return created.json.id;
}

type Item = { id: string; deadline: string; score: number };
/** Every page of a search, following the cursor; asserts each page's total. */
async function allPages(query: string, limit = 2): Promise<{ items: Item[]; totals: number[] }> {
  await effectsSettled();
  const items: Item[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  do {
    const res = await call(
      "GET",
      `/api/search?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(res.status).toBe(200);
    items.push(...res.json.items);
    totals.push(res.json.total);
    cursor = res.json.cursor;
  } while (cursor && totals.length < 50);
  return { items, totals };
}

beforeAll(async () => {
  configureSearch({ store: memorySnapshotStore(), bootstrap: true, persist: true, scoreBudget: 3 });
  const admin = await userWithToken("admin-search-bounded", "admin");
  recruiter = await userWithToken("rec-search-bounded", "recruiter");
  const org = await call("POST", "/api/organisations", {
    token: recruiter,
    body: {
      kind: "enterprise",
      name: { vi: "Công ty Cơ điện Nhơn Trạch" },
      sectors: ["semiconductors"],
      communeId: "x-long-thanh",
      address: "KCN Nhơn Trạch",
    },
  });
  expect(org.status).toBe(201);
  orgId = org.json.id;
  await call("POST", `/api/organisations/${orgId}/verification`, { token: admin, body: { decision: "verified" } });
  recruiter = await userWithToken("rec-search-bounded", "recruiter");
  // The strongest match: the words are its whole (short) title.
  strongest = await publish({ title: { vi: "Kỹ thuật" }, description: { vi: "Kỹ thuật viên." }, paid: true });
  listings.push({ id: strongest, type: "internship", commune: "x-long-thanh", paid: true, deadline: "2099-12-31" });
  for (let i = 1; i <= 9; i++) {
    const fields = {
      type: i % 2 === 0 ? "job" : "internship",
      communeId: i % 3 === 0 ? "p-tran-bien" : "x-long-thanh",
      paid: i % 2 === 1,
      deadline: `2099-0${i}-15`,
    };
    const id = await publish({
      ...fields,
      title: { vi: `Thực tập sinh nhóm ${i}` },
      description: { vi: `Hỗ trợ tổ kỹ thuật của xưởng số ${i}, ghi chép và báo cáo hằng ngày.` },
    });
    listings.push({ id, type: fields.type, commune: fields.communeId, paid: fields.paid, deadline: fields.deadline });
  }
  await publish({ title: { vi: "Kế toán" }, description: { vi: "Sổ sách." } });
  await effectsSettled();
});

describe("GET /api/search beyond the score budget", () => {
  it("pages every match exactly once with an exact total, strongest first, typed without diacritics", async () => {
    const { items, totals } = await allPages("q=ky+thuat");
    expect(totals.every((t) => t === 10)).toBe(true);
    expect(items.map((i) => i.id).sort()).toEqual(listings.map((l) => l.id).sort());
    expect(items[0]!.id).toBe(strongest);
    expect(items[0]!.score).toBeGreaterThan(Math.max(...items.slice(1).map((i) => i.score)));
    const withDiacritics = await allPages(`q=${encodeURIComponent("KỸ THUẬT")}`);
    expect(withDiacritics.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
  });

  it.each([
    ["type=job", (l: (typeof listings)[0]) => l.type === "job"],
    ["commune=p-tran-bien", (l: (typeof listings)[0]) => l.commune === "p-tran-bien"],
    ["paid=true", (l: (typeof listings)[0]) => l.paid],
    ["paid=false&type=job", (l: (typeof listings)[0]) => !l.paid && l.type === "job"],
  ])("applies %s to every page, with the filtered total", async (filter, keep) => {
    const expected = listings.filter(keep).map((l) => l.id);
    const { items, totals } = await allPages(`q=ky+thuat&${filter}`);
    expect(totals.every((t) => t === expected.length)).toBe(true);
    expect(items.map((i) => i.id).sort()).toEqual(expected.sort());
  });

  it("sorts the matches by deadline across pages", async () => {
    const { items, totals } = await allPages("q=ky+thuat&sort=deadline", 3);
    expect(totals.every((t) => t === 10)).toBe(true);
    const byDeadline = [...listings].sort((a, b) => a.deadline.localeCompare(b.deadline)).map((l) => l.id);
    expect(items.map((i) => i.id)).toEqual(byDeadline);
  });
});

describe("GET /api/search as listings change (issue 13: the view is patched in place, not rebuilt)", () => {
  async function change(id: string, body: Record<string, unknown>): Promise<void> {
    const current = await call("GET", `/api/listings/${id}`, { token: recruiter });
    expect(current.status).toBe(200);
    const res = await call("PATCH", `/api/listings/${id}`, {
      token: recruiter,
      body: { ...body, version: current.json.version },
    });
    expect(res.status).toBe(200);
  }
  const ids = (items: Item[]) => items.map((i) => i.id).sort();

  it("follows an edit, a close and a publication on the next search, never answering from a page cached before them", async () => {
    const first = await allPages("q=ky+thuat");
    expect(first.totals.every((t) => t === 10)).toBe(true);

    // An edit takes the words out of one listing's description.
    const edited = listings[1]!.id;
    await change(edited, { description: { vi: "Ghi chép và báo cáo hằng ngày." } });
    const afterEdit = await allPages("q=ky+thuat");
    expect(afterEdit.totals.every((t) => t === 9)).toBe(true);
    expect(ids(afterEdit.items)).toEqual(ids(first.items).filter((id) => id !== edited));

    // A close takes another listing out.
    const closed = listings[2]!.id;
    await change(closed, { status: "closed" });
    const afterClose = await allPages("q=ky+thuat");
    expect(afterClose.totals.every((t) => t === 8)).toBe(true);
    expect(ids(afterClose.items)).toEqual(ids(afterEdit.items).filter((id) => id !== closed));

    // A publication adds one, found by a word no listing had before it.
    const added = await publish({ title: { vi: "Kỹ thuật bảo trì" }, description: { vi: "Bảo trì máy." } });
    const afterPublish = await allPages("q=ky+thuat");
    expect(afterPublish.totals.every((t) => t === 9)).toBe(true);
    expect(ids(afterPublish.items)).toEqual([...ids(afterClose.items), added].sort());
    const maintenance = await allPages("q=bao+tri");
    expect(maintenance.items.map((i) => i.id)).toEqual([added]);
    // The listing whose whole title is the query stays first.
    expect(afterPublish.items[0]!.id).toBe(strongest);
  });
});
