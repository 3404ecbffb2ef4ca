import { beforeAll, describe, expect, it } from "vitest";
import { call, userWithToken } from "../../test/helpers";
import { db } from "../db/service";

const orgBody = {
  kind: "enterprise",
  name: { vi: "Công ty TNHH Vi mạch Long Thành", en: "Long Thanh Microchip Co." },
  sectors: ["semiconductors"],
  communeId: "x-long-thanh",
  address: "Lô B2, KCN Long Thành",
  industrialParkId: "long-thanh",
};

const listingBody = (orgId: string) => ({
  orgId,
  type: "internship",
  title: { vi: "Thực tập sinh lập trình nhúng", en: "Embedded programming intern" },
  description: { vi: "Tham gia phát triển firmware cho cảm biến công nghiệp." },
  requiredSkills: ["embedded-c", "cpp"],
  preferredSkills: ["iot"],
  majors: ["electronics"],
  years: [3, 4],
  communeId: "x-long-thanh",
  industrialParkId: "long-thanh",
  workMode: "onsite",
  deadline: "2027-03-31",
  positions: 3,
  paid: true,
});

let recruiter: string;
let admin: string;
let student: string;
let otherRecruiter: string;

beforeAll(async () => {
  recruiter = await userWithToken("rec-a", "recruiter");
  admin = await userWithToken("admin-1", "admin");
  student = await userWithToken("stu-a", "student");
  otherRecruiter = await userWithToken("rec-b", "recruiter", { orgId: "other-org", role: "owner" });
});

async function countListings(orgId: string) {
  const { data } = await db().entities.listing.query.byOrg({ orgId }).go({ pages: "all" });
  return data.length;
}

describe("system routes", () => {
  it("reports a healthy API and database", async () => {
    const res = await call("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "ok", database: "ok" });
  });

  it("publishes an OpenAPI 3.1 document listing every route", async () => {
    const res = await call("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const paths = Object.keys(res.json.paths);
    for (const path of [
      "/api/health",
      "/api/me",
      "/api/organisations",
      "/api/organisations/{id}",
      "/api/organisations/{id}/verification",
      "/api/listings",
      "/api/listings/{id}",
      "/api/students/me",
      "/api/dev-auth/token",
      "/api/dev-auth/accounts",
    ]) {
      expect(paths).toContain(path);
    }
    expect(res.json.paths["/api/listings"].post.requestBody.content["application/json"].schema).toBeDefined();
    // PATCH takes null to clear an optional field, never a required one.
    const patch = res.json.paths["/api/listings/{id}"].patch.requestBody.content["application/json"].schema;
    expect(JSON.stringify(patch.properties.stipendVnd)).toContain('"null"');
    expect(JSON.stringify(patch.properties.title)).not.toContain('"null"');
    const docs = await call("GET", "/api/docs");
    expect(docs.text).toContain("/api/listings/{id}");
  });

  it("answers unknown paths with the JSON error shape and sets secure headers", async () => {
    const res = await call("GET", "/api/nope");
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("allows CORS only from the configured web origin", async () => {
    const allowed = await call("GET", "/api/health", { headers: { origin: "http://127.0.0.1:5173" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:5173");
    const other = await call("GET", "/api/health", { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });
});

describe("organisation and listing lifecycle", () => {
  let orgId: string;

  it("lets a recruiter register an organisation, which starts unverified and cannot publish", async () => {
    const created = await call("POST", "/api/organisations", { token: recruiter, body: orgBody });
    expect(created.status).toBe(201);
    expect(created.json.verification).toBe("pending");
    orgId = created.json.id;

    // Re-sign so the token's principal picks up the new owner membership.
    recruiter = await userWithToken("rec-a", "recruiter");
    const me = await call("GET", "/api/me", { token: recruiter });
    expect(me.json.memberships).toEqual([{ orgId, role: "owner" }]);

    const listing = await call("POST", "/api/listings", { token: recruiter, body: listingBody(orgId) });
    expect(listing.status).toBe(201);
    expect(listing.json.status).toBe("draft");
    const publish = await call("PATCH", `/api/listings/${listing.json.id}`, {
      token: recruiter,
      body: { status: "published", version: 1 },
    });
    expect(publish.status).toBe(403);
    expect(publish.json.error.code).toBe("organisation_unverified");
  });

  it("hides an unverified organisation from the public and from other organisations", async () => {
    expect((await call("GET", `/api/organisations/${orgId}`)).status).toBe(404);
    expect((await call("GET", `/api/organisations/${orgId}`, { token: otherRecruiter })).status).toBe(404);
    expect((await call("GET", `/api/organisations/${orgId}`, { token: recruiter })).status).toBe(200);
  });

  it("puts it in the admin's verification queue, which students cannot read", async () => {
    const queue = await call("GET", "/api/organisations?verification=pending", { token: admin });
    expect(queue.json.items.map((o: { id: string }) => o.id)).toContain(orgId);
    expect((await call("GET", "/api/organisations?verification=pending", { token: student })).status).toBe(403);
  });

  it("publishes after verification, and the listing shows in the feed with the verified badge", async () => {
    const verify = await call("POST", `/api/organisations/${orgId}/verification`, {
      token: admin,
      body: { decision: "verified" },
    });
    expect(verify.status).toBe(200);
    expect(verify.json.verification).toBe("verified");

    const created = await call("POST", "/api/listings", { token: recruiter, body: listingBody(orgId) });
    const published = await call("PATCH", `/api/listings/${created.json.id}`, {
      token: recruiter,
      body: { status: "published", version: 1 },
    });
    expect(published.status).toBe(200);
    expect(published.json.publishedAt).toBeDefined();

    const feed = await call("GET", "/api/listings?type=internship");
    expect(feed.status).toBe(200);
    const item = feed.json.items.find((l: { id: string }) => l.id === created.json.id);
    expect(item).toMatchObject({ orgVerified: true, orgName: orgBody.name.vi });
    // The labels of its skills come with it, so the feed's cards never download the taxonomy.
    expect(item.skillLabels).toEqual({
      "embedded-c": { vi: "Lập trình nhúng", en: "Embedded programming" },
      cpp: { vi: "C/C++", en: "C/C++" },
      iot: { vi: "Internet vạn vật (IoT)", en: "Internet of Things" },
    });
    expect((await call("GET", `/api/listings/${created.json.id}`)).json.skillLabels).toEqual(item.skillLabels);
  });

  it("refuses listing edits from another organisation's member and from students", async () => {
    const created = await call("POST", "/api/listings", { token: recruiter, body: listingBody(orgId) });
    const path = `/api/listings/${created.json.id}`;
    expect((await call("PATCH", path, { token: otherRecruiter, body: { positions: 9, version: 1 } })).status).toBe(403);
    expect((await call("PATCH", path, { token: student, body: { positions: 9, version: 1 } })).status).toBe(403);
    expect((await call("PATCH", path, { body: { positions: 9, version: 1 } })).status).toBe(401);
    expect((await call("POST", "/api/listings", { token: otherRecruiter, body: listingBody(orgId) })).status).toBe(403);
  });

  it("rejects a stale version with 409 and lets exactly one of many concurrent editors win", async () => {
    const created = await call("POST", "/api/listings", { token: recruiter, body: listingBody(orgId) });
    const path = `/api/listings/${created.json.id}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call("PATCH", path, { token: recruiter, body: { positions: i + 1, version: 1 } }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    expect(results.find((r) => r.status === 409)!.json.error.code).toBe("version_conflict");
    const after = await call("GET", path, { token: recruiter });
    expect(after.json.version).toBe(2);
  });

  it("clears an optional field sent as null, and leaves absent fields as they were", async () => {
    const created = await call("POST", "/api/listings", { token: recruiter, body: listingBody(orgId) });
    const path = `/api/listings/${created.json.id}`;
    const set = await call("PATCH", path, { token: recruiter, body: { stipendVnd: 5_000_000, version: 1 } });
    expect(set.json).toMatchObject({ stipendVnd: 5_000_000, industrialParkId: "long-thanh", version: 2 });

    const cleared = await call("PATCH", path, {
      token: recruiter,
      body: { stipendVnd: null, industrialParkId: null, version: 2 },
    });
    expect(cleared.status).toBe(200);
    const after = await call("GET", path, { token: recruiter });
    expect(after.json).not.toHaveProperty("stipendVnd");
    expect(after.json).not.toHaveProperty("industrialParkId");
    expect(after.json).toMatchObject({ positions: 3, paid: true, communeId: "x-long-thanh", version: 3 });
  });

  it("refuses null on a required field with 400 naming it, and a stale clear with 409, changing nothing", async () => {
    const created = await call("POST", "/api/listings", { token: recruiter, body: listingBody(orgId) });
    const path = `/api/listings/${created.json.id}`;
    const required = await call("PATCH", path, {
      token: recruiter,
      body: { title: null, communeId: null, stipendVnd: null, version: 1 },
    });
    expect(required.status).toBe(400);
    expect(required.json.error.code).toBe("validation_failed");
    expect(required.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["communeId", "title"]);

    await call("PATCH", path, { token: recruiter, body: { positions: 5, version: 1 } });
    const stale = await call("PATCH", path, {
      token: recruiter,
      body: { industrialParkId: null, positions: null, version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("version_conflict");
    const after = await call("GET", path, { token: recruiter });
    expect(after.json).toMatchObject({ industrialParkId: "long-thanh", positions: 5, version: 2 });
  });

  it("clears an organisation's optional profile field sent as null", async () => {
    const before = await call("GET", `/api/organisations/${orgId}`, { token: recruiter });
    const withSite = await call("PATCH", `/api/organisations/${orgId}`, {
      token: recruiter,
      body: { website: "https://vimach-longthanh.vn", version: before.json.version },
    });
    expect(withSite.json.website).toBe("https://vimach-longthanh.vn");
    const cleared = await call("PATCH", `/api/organisations/${orgId}`, {
      token: recruiter,
      body: { website: null, name: null, version: withSite.json.version },
    });
    expect(cleared.status).toBe(400);
    expect(cleared.json.error.details.map((d: { path: string }) => d.path)).toEqual(["name"]);
    const ok = await call("PATCH", `/api/organisations/${orgId}`, {
      token: recruiter,
      body: { website: null, version: withSite.json.version },
    });
    expect(ok.status).toBe(200);
    const after = await call("GET", `/api/organisations/${orgId}`, { token: recruiter });
    expect(after.json).not.toHaveProperty("website");
    expect(after.json).toMatchObject({ address: orgBody.address, version: withSite.json.version + 1 });
  });

  it("refuses an impossible status move", async () => {
    const created = await call("POST", "/api/listings", { token: recruiter, body: listingBody(orgId) });
    const res = await call("PATCH", `/api/listings/${created.json.id}`, {
      token: recruiter,
      body: { status: "closed", version: 1 },
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("invalid_transition");
  });

  it("keeps drafts out of the public feed and hidden from the public", async () => {
    const created = await call("POST", "/api/listings", { token: recruiter, body: listingBody(orgId) });
    expect((await call("GET", `/api/listings/${created.json.id}`)).status).toBe(404);
    const feed = await call("GET", "/api/listings?limit=100");
    expect(feed.json.items.some((l: { id: string }) => l.id === created.json.id)).toBe(false);
  });

  it("rejects bad input with a JSON 4xx and writes nothing", async () => {
    const before = await countListings(orgId);
    const cases = [
      { rawBody: "{not json", headers: { "content-type": "application/json" }, status: 400, code: "invalid_json" },
      { body: { ...listingBody(orgId), hacked: true }, status: 400, code: "validation_failed" },
      // Labels are the API's output, never written by a client.
      { body: { ...listingBody(orgId), skillLabels: {} }, status: 400, code: "validation_failed" },
      { body: { ...listingBody(orgId), positions: "three" }, status: 400, code: "validation_failed" },
      { body: { ...listingBody(orgId), requiredSkills: ["not-a-skill"] }, status: 400, code: "validation_failed" },
      {
        rawBody: JSON.stringify(listingBody(orgId)),
        headers: { "content-type": "text/plain" },
        status: 415,
        code: "unsupported_media_type",
      },
      {
        body: { ...listingBody(orgId), description: { vi: "x".repeat(20_000) } },
        status: 413,
        code: "payload_too_large",
      },
    ];
    for (const testCase of cases) {
      const res = await call("POST", "/api/listings", { token: recruiter, ...testCase });
      expect(res.status, JSON.stringify(res.json)).toBe(testCase.status);
      expect(res.json.error.code).toBe(testCase.code);
      expect(res.text).not.toMatch(/at .*\.ts:\d+/);
    }
    const invalidId = await call("GET", "/api/listings/NOT_AN_ID!");
    expect(invalidId.status).toBe(400);
    expect(await countListings(orgId)).toBe(before);
  });

  it("gives validation details naming the bad field", async () => {
    const res = await call("POST", "/api/listings", { token: recruiter, body: { ...listingBody(orgId), years: [9] } });
    expect(res.json.error.details.some((d: { path: string }) => d.path.startsWith("years"))).toBe(true);
  });
});

describe("student profile", () => {
  const profile = {
    fullName: "Nguyễn Thị Lan",
    universityId: "lhu",
    major: "it",
    year: 3,
    skills: [{ id: "python", level: 3 }],
    languages: [{ code: "en", level: "intermediate" }],
    reachableCommunes: ["p-tran-bien"],
    preferredSectors: ["software"],
    consents: { shareWithAppliedOrgs: true, recommendToRecruiters: false, provinceStatistics: true },
  };

  it("creates the profile with a timestamp per consent, and keeps a timestamp until that consent changes", async () => {
    const created = await call("PUT", "/api/students/me", { token: student, body: profile });
    expect(created.status).toBe(200);
    expect(created.json.version).toBe(1);
    const firstAt = created.json.consents.shareWithAppliedOrgs.at;

    await new Promise((r) => setTimeout(r, 5));
    const updated = await call("PUT", "/api/students/me", {
      token: student,
      body: { ...profile, consents: { ...profile.consents, recommendToRecruiters: true }, version: 1 },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.version).toBe(2);
    expect(updated.json.consents.shareWithAppliedOrgs.at).toBe(firstAt);
    expect(updated.json.consents.recommendToRecruiters).toMatchObject({ granted: true });
    expect(updated.json.consents.recommendToRecruiters.at > firstAt).toBe(true);

    const stale = await call("PUT", "/api/students/me", { token: student, body: { ...profile, version: 1 } });
    expect(stale.status).toBe(409);
  });

  it("is private: a recruiter cannot write a student profile and anonymous users get 401", async () => {
    expect((await call("PUT", "/api/students/me", { token: recruiter, body: profile })).status).toBe(403);
    expect((await call("GET", "/api/students/me")).status).toBe(401);
  });
});

describe("notifications", () => {
  it("lists a user's notifications newest first and marks one read, but not someone else's", async () => {
    const { notify } = await import("../data/notifications");
    const owner = await userWithToken("sv-notify", "student");
    await notify("sv-notify", {
      kind: "application_status",
      title: { vi: "Hồ sơ được xem", en: "Application reviewed" },
    });
    await notify("sv-notify", {
      kind: "application_status",
      title: { vi: "Được mời phỏng vấn", en: "Interview invite" },
    });
    const list = await call("GET", "/api/notifications", { token: owner });
    expect(list.json.unread).toBe(2);
    expect(list.json.items[0].title.vi).toBe("Được mời phỏng vấn");
    const id = list.json.items[0].id;
    expect((await call("POST", `/api/notifications/${id}/read`, { token: student })).status).toBe(404);
    expect((await call("POST", `/api/notifications/${id}/read`, { token: owner })).status).toBe(204);
    expect((await call("GET", "/api/notifications", { token: owner })).json.unread).toBe(1);
  });
});

describe("an organisation's own listings", () => {
  it("lists drafts to members only; other users get 404, anonymous callers 401", async () => {
    const owner = await userWithToken("rec-own", "recruiter", { orgId: "own-org", role: "owner" });
    const { createListing } = await import("../data/listings");
    const { createOrganisation } = await import("../data/organisations");
    await createOrganisation(orgBody as never, "rec-own-2", "own-org");
    const draft = await createListing(listingBody("own-org") as never);
    const mine = await call("GET", "/api/organisations/own-org/listings", { token: owner });
    expect(mine.status).toBe(200);
    expect(mine.json.items.map((l: { id: string }) => l.id)).toContain(draft.id);
    expect((await call("GET", "/api/organisations/own-org/listings", { token: otherRecruiter })).status).toBe(404);
    expect((await call("GET", "/api/organisations/own-org/listings")).status).toBe(401);
  });
});

describe("first sign-in", () => {
  it("creates the user's record from the token's e-mail and name, once", async () => {
    const { signDevToken } = await import("../auth/dev-idp");
    const token = await signDevToken({
      userId: "cognito-sub-1",
      email: "mai.tran@student.lhu.edu.vn",
      displayName: "Trần Thị Mai",
      role: "student",
    });
    const results = await Promise.all([call("GET", "/api/me", { token }), call("GET", "/api/me", { token })]);
    for (const me of results) {
      expect(me.json).toMatchObject({
        id: "cognito-sub-1",
        email: "mai.tran@student.lhu.edu.vn",
        displayName: "Trần Thị Mai",
      });
    }
    const { data } = await db().entities.user.get({ userId: "cognito-sub-1" }).go();
    expect(data?.email).toBe("mai.tran@student.lhu.edu.vn");
  });
});
