import { createHash } from "node:crypto";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { call, userWithToken } from "../../test/helpers";
import { apply, freshIp, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { db } from "../db/service";
import type { AppEnv } from "./env";
import { AppError } from "./errors";
import { idempotency } from "./idempotency";

const orgBody = (name: string) => ({
  kind: "enterprise",
  name: { vi: name },
  sectors: ["software"],
  communeId: "p-long-binh",
  address: "KCN Amata, Biên Hòa",
});

const profileInput = {
  fullName: "Sinh viên Xóa",
  universityId: "lhu",
  major: "se",
  year: 2,
  skills: [],
  languages: [],
  reachableCommunes: [],
  preferredSectors: [],
  consents: { shareWithAppliedOrgs: false, recommendToRecruiters: false, provinceStatistics: false },
};

let recruiter: string;
let student: string;
let listingId: string;

beforeAll(async () => {
  await verifiedOrganisation("idem-org");
  recruiter = await memberOf("idem-rec", "idem-org");
  student = await studentWithProfile("idem-student");
  listingId = await listingOf(recruiter, "idem-org", { positions: 5 });
});

const key = (name: string) => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
const withKey = (k: string, ip = freshIp()) => ({ "idempotency-key": k, "x-forwarded-for": ip });

/** Sends the same request `n` times at once. */
function tenAtOnce(send: () => ReturnType<typeof call>, n = 10) {
  return Promise.all(Array.from({ length: n }, send));
}

/** All responses are the first one: same status and body; all but one say they were replayed. */
function expectOneEffectOneAnswer(responses: Awaited<ReturnType<typeof call>>[], status: number) {
  expect(responses.map((r) => r.status)).toEqual(responses.map(() => status));
  expect(new Set(responses.map((r) => r.text)).size).toBe(1);
  expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(responses.length - 1);
}

async function ownedOrganisations(userId: string) {
  const { data } = await db().entities.membership.query.byUser({ userId }).go({ pages: "all" });
  return data.length;
}

describe("Idempotency-Key on writes", () => {
  it("creates one organisation from ten simultaneous retries, each answered with the same response", async () => {
    const owner = await userWithToken("idem-creator", "recruiter");
    const k = key("org");
    const responses = await tenAtOnce(() =>
      call("POST", "/api/organisations", { token: owner, body: orgBody("Công ty Một Lần"), headers: withKey(k) }),
    );
    expectOneEffectOneAnswer(responses, 201);
    expect(await ownedOrganisations("idem-creator")).toBe(1);

    // A late retry, after the first finished, gets the stored response too.
    const late = await call("POST", "/api/organisations", {
      token: owner,
      body: orgBody("Công ty Một Lần"),
      headers: withKey(k),
    });
    expect([late.status, late.text, late.headers.get("idempotent-replayed")]).toEqual([
      201,
      responses[0]!.text,
      "true",
    ]);
    expect(await ownedOrganisations("idem-creator")).toBe(1);
  });

  it("submits one application from ten simultaneous retries", async () => {
    const k = key("apply");
    const responses = await tenAtOnce(() =>
      call("POST", `/api/listings/${listingId}/applications`, { token: student, body: {}, headers: withKey(k) }),
    );
    expectOneEffectOneAnswer(responses, 201);
    const { data } = await db().entities.application.query.byListing({ listingId }).go({ pages: "all" });
    expect(data.filter((a) => a.studentId === "idem-student")).toHaveLength(1);
  });

  it("moves an application once from ten simultaneous retries of a transition", async () => {
    const otherListing = await listingOf(recruiter, "idem-org");
    const applied = await apply(student, otherListing);
    const k = key("move");
    const responses = await tenAtOnce(() =>
      call("POST", `/api/applications/${applied.json.id}/transitions`, {
        token: recruiter,
        body: { to: "reviewing", version: applied.json.version },
        headers: withKey(k),
      }),
    );
    expectOneEffectOneAnswer(responses, 200);
    const now = await call("GET", `/api/applications/${applied.json.id}`, { token: recruiter });
    expect(now.json.status).toBe("reviewing");
    expect(now.json.version).toBe(applied.json.version + 1);
  });

  it("treats different keys as different requests", async () => {
    const owner = await userWithToken("idem-twice", "recruiter");
    for (const name of ["Công ty A", "Công ty A"]) {
      const res = await call("POST", "/api/organisations", {
        token: owner,
        body: orgBody(name),
        headers: withKey(key("k")),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get("idempotent-replayed")).toBeNull();
    }
    expect(await ownedOrganisations("idem-twice")).toBe(2);
  });

  it("keeps each caller's keys apart: another user's same key and body is a new request", async () => {
    const [first, second] = await Promise.all([
      userWithToken("idem-user-1", "recruiter"),
      userWithToken("idem-user-2", "recruiter"),
    ]);
    const k = key("shared");
    const a = await call("POST", "/api/organisations", {
      token: first,
      body: orgBody("Chung khóa"),
      headers: withKey(k),
    });
    const b = await call("POST", "/api/organisations", {
      token: second,
      body: orgBody("Chung khóa"),
      headers: withKey(k),
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.json.id).not.toBe(a.json.id);
    expect(b.headers.get("idempotent-replayed")).toBeNull();
  });

  it("refuses the key with another body: 409 idempotency_key_reused, and nothing happens", async () => {
    const owner = await userWithToken("idem-reuse", "recruiter");
    const k = key("reuse");
    expect(
      (await call("POST", "/api/organisations", { token: owner, body: orgBody("Một"), headers: withKey(k) })).status,
    ).toBe(201);
    const other = await call("POST", "/api/organisations", { token: owner, body: orgBody("Hai"), headers: withKey(k) });
    expect([other.status, other.json.error.code]).toEqual([409, "idempotency_key_reused"]);
    expect(await ownedOrganisations("idem-reuse")).toBe(1);
  });

  it("replays a stored error and an empty 204 as they were", async () => {
    const k = key("error");
    const first = await call("PATCH", "/api/listings/no-such-listing", {
      token: recruiter,
      body: { version: 1 },
      headers: withKey(k),
    });
    const again = await call("PATCH", "/api/listings/no-such-listing", {
      token: recruiter,
      body: { version: 1 },
      headers: withKey(k),
    });
    expect([first.status, again.status, again.text]).toEqual([404, 404, first.text]);
    expect(again.headers.get("content-type")).toMatch(/^application\/json/);

    const saved = await call("POST", "/api/saved-searches", {
      token: student,
      body: { name: "AI", criteria: { q: "ai" } },
    });
    const d = key("delete");
    const path = `/api/saved-searches/${saved.json.id}`;
    const deleted = await call("DELETE", path, { token: student, headers: withKey(d) });
    const repeated = await call("DELETE", path, { token: student, headers: withKey(d) });
    expect([deleted.status, repeated.status, repeated.text]).toEqual([204, 204, ""]);
    expect(repeated.headers.get("idempotent-replayed")).toBe("true");
  });

  it("is erased with the account: the stored profile goes, and a retried erasure answers 401 account_erased", async () => {
    const token = await studentWithProfile("idem-erased");
    const body = { confirm: "XOA TAI KHOAN" };
    const profile = await call("GET", "/api/students/me", { token });
    const saved = await call("PUT", "/api/students/me", {
      token,
      body: { ...profileInput, version: profile.json.version },
      headers: withKey(key("profile")),
    });
    expect(saved.status).toBe(200);
    const k = key("erase");
    expect((await call("DELETE", "/api/students/me", { token, body, headers: withKey(k) })).status).toBe(200);
    const retried = await call("DELETE", "/api/students/me", { token, body, headers: withKey(k) });
    expect([retried.status, retried.json.error.code]).toEqual([401, "account_erased"]);
    // The locked token is refused before idempotency stores anything: nothing about the person remains.
    const { data } = await db().entities.idempotency.query.byUser({ userId: "idem-erased" }).go();
    expect(data).toEqual([]);
  });

  it("rejects malformed keys with 400 and ignores keys on reads", async () => {
    for (const bad of ["short", "x".repeat(129), "has space in it", "clé-ünïcode-key"]) {
      const res = await call("POST", "/api/organisations", {
        token: recruiter,
        body: orgBody("X"),
        headers: { "idempotency-key": bad },
      });
      expect([res.status, res.json.error.details[0].path]).toEqual([400, "Idempotency-Key"]);
    }
    const read = await call("GET", "/api/me", { token: recruiter, headers: { "idempotency-key": "not checked" } });
    expect(read.status).toBe(200);
  });
});

describe("the OpenAPI document", () => {
  it("declares Idempotency-Key once on every write, however often it is fetched", async () => {
    await call("GET", "/api/openapi.json");
    const doc = (await call("GET", "/api/openapi.json")).json;
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: "Idempotency-Key", in: "header" });
    const writes = Object.values(doc.paths as Record<string, Record<string, { parameters?: { $ref?: string }[] }>>)
      .flatMap((item) => Object.entries(item))
      .filter(([method]) => ["post", "put", "patch", "delete"].includes(method));
    expect(writes.length).toBeGreaterThan(20);
    for (const [, operation] of writes) {
      expect((operation.parameters ?? []).filter((p) => p.$ref?.endsWith("/IdempotencyKey"))).toHaveLength(1);
    }
  });
});

describe("an Idempotency-Key whose first request has not finished", () => {
  const requestIdOf = (userId: string, k: string, method: string, path: string) =>
    createHash("sha256")
      .update(JSON.stringify([userId, k, method, path]))
      .digest("hex");
  const bodyHashOf = (body: unknown) => createHash("sha256").update(JSON.stringify(body)).digest("hex");

  async function reservation(k: string, body: unknown, leaseUntil: number, userId = "idem-rec") {
    const now = Date.now();
    await db()
      .entities.idempotency.put({
        requestId: requestIdOf(userId, k, "POST", "/api/organisations"),
        userId,
        method: "POST",
        path: "/api/organisations",
        bodyHash: bodyHashOf(body),
        state: "in_progress",
        holder: "another-instance",
        leaseUntil,
        createdAt: new Date(now).toISOString(),
        expiresAt: Math.floor(now / 1000) + 3600,
      })
      .go();
  }

  it("waits for it, then answers 409 idempotency_in_progress", async () => {
    const k = key("running");
    await reservation(k, orgBody("Đang chạy"), Date.now() + 60_000);
    const started = Date.now();
    const res = await call("POST", "/api/organisations", {
      token: recruiter,
      body: orgBody("Đang chạy"),
      headers: withKey(k),
    });
    expect([res.status, res.json.error.code]).toEqual([409, "idempotency_in_progress"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
  });

  it("takes over a reservation whose holder died (its lease ran out), and runs the request", async () => {
    const k = key("abandoned");
    await reservation(k, orgBody("Bỏ dở"), Date.now() - 1);
    const res = await call("POST", "/api/organisations", {
      token: recruiter,
      body: orgBody("Bỏ dở"),
      headers: withKey(k),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
  });

  it("forgets a key after 24 hours even where DynamoDB Local keeps the item", async () => {
    const owner = await userWithToken("idem-expired", "recruiter");
    const k = key("expired");
    expect(
      (await call("POST", "/api/organisations", { token: owner, body: orgBody("Cũ"), headers: withKey(k) })).status,
    ).toBe(201);
    const requestId = requestIdOf("idem-expired", k, "POST", "/api/organisations");
    await db()
      .entities.idempotency.patch({ requestId })
      .set({ expiresAt: Math.floor(Date.now() / 1000) - 1 })
      .go();
    const again = await call("POST", "/api/organisations", { token: owner, body: orgBody("Cũ"), headers: withKey(k) });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(await ownedOrganisations("idem-expired")).toBe(2);
  });
});

describe("after a server error", () => {
  it("releases the key, so the client's retry runs the request again", async () => {
    let calls = 0;
    const app = new Hono<AppEnv>()
      .use(async (c, next) => {
        c.set("principal", { userId: "idem-5xx", role: "student", memberships: [] });
        await next();
      })
      .use(idempotency)
      .post("/flaky", (c) => {
        calls += 1;
        if (calls === 1) throw new Error("the first attempt fails");
        return c.json({ calls }, 201);
      });
    app.onError((error, c) =>
      error instanceof AppError ? c.json(error.toBody(), error.status) : c.json({ error: "internal" }, 500),
    );
    const send = () =>
      app.request("/flaky", { method: "POST", headers: { "idempotency-key": "flaky-key-1" }, body: "{}" });
    expect((await send()).status).toBe(500);
    const retry = await send();
    expect([retry.status, await retry.json()]).toEqual([201, { calls: 2 }]);
    const replay = await send();
    expect([replay.status, replay.headers.get("idempotent-replayed"), calls]).toEqual([201, "true", 2]);
  });
});
