import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call, userWithToken } from "../../test/helpers";
import { apply, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";

// Found from outside: after the province rejected a verified organisation, its published listing was still found
// by anonymous search, its detail answered 200 and a student could still apply (201); and a recruiter's own,
// unverified "university" booked 15 of a lab visit's 20 seats for "a class". The lifecycle is now decided in one
// place (packages/core/src/policy.ts `organisationStanding`, `actsAsSchool`).

const session = { id: "s1", date: "2099-05-10", startTime: "09:00", place: "Phòng lab", seats: 20 };
let province: string;
let student: string;

beforeAll(async () => {
  province = await userWithToken("ol-province", "province");
  student = await studentWithProfile("ol-student");
});

const decide = (orgId: string, decision: string, reason?: string) =>
  call("POST", `/api/organisations/${orgId}/verification`, {
    token: province,
    body: { decision, ...(reason ? { reason } : {}) },
  });

describe.each(["rejected", "suspended"])("an organisation %s after verification", (decision) => {
  const orgId = `ol-${decision}`;
  let recruiter: string;
  let listingId: string;
  let otherListing: string;
  let visitListing: string;

  beforeAll(async () => {
    await verifiedOrganisation(orgId);
    recruiter = await memberOf(`ol-rec-${decision}`, orgId);
    listingId = await listingOf(recruiter, orgId, { title: { vi: `Kỹ sư nhúng ${decision}` } } as never);
    otherListing = await listingOf(recruiter, orgId);
    visitListing = await listingOf(recruiter, orgId, { type: "visit", sessions: [session] });
    expect((await apply(student, listingId)).status).toBe(201);
    await effectsSettled(); // the stream consumer has indexed the listings
    // Found by search while verified (so that its absence below means something).
    const before = await call("GET", `/api/search?limit=50&q=${encodeURIComponent(`nhung ${decision}`)}`);
    expect(before.json.items.map((l: { id: string }) => l.id)).toContain(listingId);
    const decided = await decide(orgId, decision, "Giấy phép kinh doanh không hợp lệ");
    expect(decided.status, decided.text).toBe(200);
    expect(decided.json.verification).toBe(decision);
    await effectsSettled(); // the decision's notices follow from the stored change
  });

  it("leaves the public: detail 410 organisation_inactive, gone from the feed and from search", async () => {
    for (const token of [undefined, student]) {
      const detail = await call("GET", `/api/listings/${listingId}`, token ? { token } : {});
      expect([detail.status, detail.json.error.code]).toEqual([410, "organisation_inactive"]);
    }
    const feed = await call("GET", "/api/listings?limit=100");
    expect(feed.json.items.map((l: { orgId: string }) => l.orgId)).not.toContain(orgId);
    const search = await call("GET", `/api/search?limit=50&q=${encodeURIComponent(`nhung ${decision}`)}`);
    expect(search.status).toBe(200);
    expect(search.json.items.map((l: { orgId: string }) => l.orgId)).not.toContain(orgId);
    const org = await call("GET", `/api/organisations/${orgId}`);
    expect(org.status).toBe(404);
    const recommended = await call("GET", "/api/recommendations?limit=50", { token: student });
    expect(recommended.status).toBe(200);
    expect(recommended.json.items.map((r: { listing: { orgId: string } }) => r.listing.orgId)).not.toContain(orgId);
  });

  it("tells its members the decision and the reason (an organisation_verification notice)", async () => {
    const notices = await call("GET", "/api/notifications", { token: recruiter });
    expect(notices.status).toBe(200);
    const decisionNotices = notices.json.items.filter((n: { kind: string }) => n.kind === "organisation_verification");
    expect(decisionNotices).toHaveLength(1);
    expect(decisionNotices[0].body.vi).toContain("Giấy phép kinh doanh không hợp lệ");
    expect(decisionNotices[0].link).toBe(`/to-chuc/${orgId}`);
    // The student with an open application is told too, but never gets the members' notice.
    const studentNotices = await call("GET", "/api/notifications", { token: student });
    expect(studentNotices.json.items.map((n: { kind: string }) => n.kind)).not.toContain("organisation_verification");
  });

  it("is still visible to its members, with the reason", async () => {
    const detail = await call("GET", `/api/listings/${listingId}`, { token: recruiter });
    expect(detail.status).toBe(200);
    expect(detail.json.orgStanding).toEqual({ verification: decision, reason: "Giấy phép kinh doanh không hợp lệ" });
    const org = await call("GET", `/api/organisations/${orgId}`, { token: recruiter });
    expect(org.json).toMatchObject({ verification: decision, verificationReason: "Giấy phép kinh doanh không hợp lệ" });
  });

  it("refuses new applications and bookings with organisation_inactive", async () => {
    const other = await studentWithProfile(`ol-late-${decision}`);
    const applied = await apply(other, otherListing);
    expect([applied.status, applied.json.error.code]).toEqual([410, "organisation_inactive"]);
    const booked = await call("POST", `/api/listings/${visitListing}/sessions/s1/bookings`, { token: other, body: {} });
    expect([booked.status, booked.json.error.code]).toEqual([410, "organisation_inactive"]);
  });

  it("tells the students with open applications, in-app", async () => {
    const notices = await call("GET", "/api/notifications", { token: student });
    const told = notices.json.items.filter((n: { title: { en: string } }) =>
      n.title.en.includes(`Organisation ${orgId}`),
    );
    expect(told).toHaveLength(1);
    expect(told[0].body.vi).toContain("Giấy phép kinh doanh không hợp lệ");
  });
});

describe("only a verified university or institute acts as a school", () => {
  let visitListing: string;
  beforeAll(async () => {
    await verifiedOrganisation("ol-host");
    visitListing = await listingOf(await memberOf("ol-host-rec", "ol-host"), "ol-host", {
      type: "visit",
      sessions: [session],
    });
  });

  it("a recruiter's self-made, pending 'university' cannot book class seats", async () => {
    const recruiter = await userWithToken("ol-fake-rec", "recruiter");
    const created = await call("POST", "/api/organisations", {
      token: recruiter,
      body: {
        kind: "university",
        name: { vi: "Đại học Tự Xưng" },
        sectors: [],
        communeId: "p-tran-bien",
        address: "1",
      },
    });
    expect(created.status).toBe(201);
    const booked = await call("POST", `/api/listings/${visitListing}/sessions/s1/bookings`, {
      token: recruiter,
      body: { classBooking: { orgId: created.json.id, seats: 15, classLabel: "Lớp tự xưng" } },
    });
    expect([booked.status, booked.json.error.code]).toEqual([403, "organisation_unverified"]);
  });

  it("an unverified or suspended university's staff cannot open school rounds or see its dashboard", async () => {
    await verifiedOrganisation("ol-school", "university");
    const staff = await memberOf("ol-school-staff", "ol-school", "staff");
    const round = () =>
      call("POST", "/api/placement-rounds", {
        token: staff,
        body: {
          universityId: "ol-school",
          title: "Đợt thử",
          listings: [{ listingId: visitListing, capacity: 1 }],
          preferencesDeadline: new Date(Date.now() + 86_400_000).toISOString(),
        },
      });
    const dashboard = () => call("GET", "/api/dashboard?scope=university&universityId=ol-school", { token: staff });
    expect((await dashboard()).status).toBe(200);
    expect((await decide("ol-school", "suspended", "Đang thanh tra")).status).toBe(200);
    expect((await round()).status).toBe(403);
    expect((await dashboard()).status).toBe(403);
  });
});
