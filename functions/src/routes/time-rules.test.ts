import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { asOf, listingBody, listingOf, memberOf, verifiedOrganisation } from "../../test/marketplace";

/** Issue 12: past dates were accepted (a listing with a 2024 deadline published, a visit whose session was over). */
let recruiter: string;
let staff: string;

const body = (fields: Record<string, unknown> = {}) =>
  listingBody("org-time", {
    title: { vi: "Thực tập kiểm thử thời hạn" },
    description: { vi: "Mô tả." },
    years: [3],
    ...fields,
  });
const session = (id: string, date: string, startTime = "09:00") => ({
  id,
  date,
  startTime,
  place: "Phòng lab",
  seats: 5,
});
const fieldsOf = (res: { json: { error?: { details?: Array<{ path: string }> } } }) =>
  (res.json.error?.details ?? []).map((d) => d.path);

beforeAll(async () => {
  await Promise.all([verifiedOrganisation("org-time"), verifiedOrganisation("uni-time", "university")]);
  [recruiter, staff] = await Promise.all([memberOf("rec-time", "org-time"), memberOf("sta-time", "uni-time", "staff")]);
});

describe("time rules over HTTP", () => {
  it("refuses a listing whose deadline is before today (Vietnam time), naming the field", async () => {
    const res = await call("POST", "/api/listings", { token: recruiter, body: body({ deadline: "2024-01-15" }) });
    expect([res.status, res.json.error.code, fieldsOf(res)]).toEqual([400, "validation_failed", ["deadline"]]);
  });

  it("refuses a visit session that has started, naming the session", async () => {
    const res = await call("POST", "/api/listings", {
      token: recruiter,
      body: body({ type: "visit", sessions: [session("s-ok", "2099-03-01"), session("s-old", "2025-01-10")] }),
    });
    expect([res.status, fieldsOf(res)]).toEqual([400, ["sessions.1.date"]]);
  });

  it("refuses to publish a draft whose dates have passed since, but lets an old listing be closed", async () => {
    const draft = await asOf("2019-06-01T00:00:00Z", () =>
      listingOf(recruiter, "org-time", { status: "draft", deadline: "2020-01-31" }),
    );
    const publish = await call("PATCH", `/api/listings/${draft}`, {
      token: recruiter,
      body: { status: "published", version: 1 },
    });
    expect([publish.status, fieldsOf(publish)]).toEqual([400, ["deadline"]]);

    const old = await asOf("2019-06-01T00:00:00Z", () => listingOf(recruiter, "org-time", { deadline: "2020-01-31" }));
    const current = (await call("GET", `/api/listings/${old}`, { token: recruiter })).json;
    const renamed = await call("PATCH", `/api/listings/${old}`, {
      token: recruiter,
      body: { title: { vi: "Tin cũ đã hết hạn" }, version: current.version },
    });
    expect(renamed.status, renamed.text).toBe(200);
    const closed = await call("PATCH", `/api/listings/${old}`, {
      token: recruiter,
      body: { status: "closed", version: renamed.json.version },
    });
    expect(closed.status).toBe(200);
  });

  it("treats today as open until midnight in Vietnam, whatever the server's zone", async () => {
    // 17:30 UTC on 31 Jan is already 00:30 on 1 Feb in Vietnam: a 31 Jan deadline has passed there.
    const late = await asOf("2026-01-31T17:30:00Z", () =>
      call("POST", "/api/listings", { token: recruiter, body: body({ deadline: "2026-01-31" }) }),
    );
    expect([late.status, fieldsOf(late)]).toEqual([400, ["deadline"]]);
    const sameDay = await asOf("2026-01-31T16:59:00Z", () =>
      call("POST", "/api/listings", { token: recruiter, body: body({ deadline: "2026-01-31" }) }),
    );
    expect(sameDay.status).toBe(201);
  });

  it("opens a round only with a ranking deadline ahead, and runs it early only when the owner confirms", async () => {
    const listingId = await listingOf(recruiter, "org-time");
    const round = (preferencesDeadline: string) => ({
      universityId: "uni-time",
      title: "Đợt kiểm thử thời hạn",
      listings: [{ listingId, capacity: 1 }],
      preferencesDeadline,
    });
    const past = await call("POST", "/api/placement-rounds", { token: staff, body: round("2025-06-01T00:00:00.000Z") });
    expect([past.status, fieldsOf(past)]).toEqual([400, ["preferencesDeadline"]]);

    const opened = await call("POST", "/api/placement-rounds", {
      token: staff,
      body: round("2099-01-01T00:00:00.000Z"),
    });
    expect(opened.status).toBe(201);
    const run = (body?: unknown) =>
      call("POST", `/api/placement-rounds/${opened.json.id}/run`, { token: staff, ...(body ? { body } : {}) });
    const early = await run();
    expect([early.status, fieldsOf(early)]).toEqual([400, ["confirmEarly"]]);
    expect((await call("GET", `/api/placement-rounds/${opened.json.id}`, { token: staff })).json.status).toBe("open");
    const confirmed = await run({ confirmEarly: true });
    expect([confirmed.status, confirmed.json.status]).toEqual([200, "placed"]);
  });
});
