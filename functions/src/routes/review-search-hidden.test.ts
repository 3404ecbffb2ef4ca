import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call, userWithToken } from "../../test/helpers";
import { listingOf, memberOf, verifiedOrganisation } from "../../test/marketplace";

/**
 * Outside review (search): a suspended or rejected organisation's listings left search's `items` (routes/search.ts
 * filters the page through publicListings) but stayed in the ranked index — their documents were re-built for the
 * organisation's new badge, not dropped — so the index still counted and paged them: `total`, `matchedAllTerms` and
 * the (signed, not encrypted) cursor told anyone whether a hidden listing contains a word, and named it. Fixed at the
 * source: the index holds only listings whose organisation's standing makes them public (search/sources.ts), and an
 * organisation that stops being public has its listings taken out (stream.ts).
 */
const session = "review-hidden";
let province: string;
let orgId: string;
const hiddenIds: string[] = [];

beforeAll(async () => {
  province = await userWithToken("rv-province", "province");
  orgId = "rv-hidden-org";
  await verifiedOrganisation(orgId);
  const recruiter = await memberOf("rv-hidden-rec", orgId);
  // A word no other test writes, in the title of two listings.
  for (let i = 0; i < 2; i++) {
    hiddenIds.push(await listingOf(recruiter, orgId, { title: { vi: `Kỹ sư ${session} zyxwquasar` } } as never));
  }
  await effectsSettled();
  const before = await call("GET", "/api/search?limit=50&q=zyxwquasar");
  expect([before.json.items.length, before.json.total]).toEqual([2, 2]);
  const decided = await call("POST", `/api/organisations/${orgId}/verification`, {
    token: province,
    body: { decision: "suspended", reason: "Giấy phép kinh doanh không hợp lệ" },
  });
  expect(decided.status, decided.text).toBe(200);
  await effectsSettled();
});

describe("search after an organisation is suspended", () => {
  it("shows none of its listings", async () => {
    const search = await call("GET", "/api/search?limit=50&q=zyxwquasar");
    expect(search.status).toBe(200);
    expect(search.json.items).toEqual([]);
  });

  it("does not count them either: total 0 for a word only its listings hold", async () => {
    const search = await call("GET", "/api/search?limit=50&q=zyxwquasar");
    // Today: { items: [], total: 2, matchedAllTerms: true } — the hidden listings' word is confirmed to anyone.
    expect(search.json.total).toBe(0);
  });

  it("pages only what it shows: a page of one with a cursor leads to no hidden listing", async () => {
    const first = await call("GET", "/api/search?limit=1&q=zyxwquasar");
    // Today the first page is empty yet carries a cursor: "there is more" of something it will not show.
    expect(first.json.cursor).toBeNull();
  });

  it("never names a hidden listing in its cursor (a cursor is signed, not encrypted: anyone can read it)", async () => {
    const first = await call("GET", "/api/search?limit=1&q=zyxwquasar");
    const payload = String(first.json.cursor ?? "").split(".")[0] ?? "";
    // Sealed = base64url(the index's cursor) + "." + HMAC; the index's cursor is base64url(JSON of the sort key).
    const opened = Buffer.from(Buffer.from(payload, "base64url").toString("utf8"), "base64url").toString("utf8");
    // Today the cursor's key ends with the id of the suspended organisation's listing it skipped over.
    expect(hiddenIds.filter((id) => opened.includes(id))).toEqual([]);
  });
});
