import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { freshIp } from "../marketplace";
import {
  bodyArbitrary,
  type FuzzBody,
  nastyStrings,
  pathArbitrary,
  pollutingBodies,
  queryArbitrary,
  rawBodies,
  rawSegments,
} from "./fuzz-inputs";
import { type ApiRoute, apiRoutes, fillPath, type Probe, send } from "./probe";
import { buildWorld, orgA, orgB, userIds, type World } from "./world";

// Property: whatever a client sends to any documented route, the API answers without a 5xx, every error is the
// JSON error shape without internals, and nothing reaches Object.prototype.
const routes = await apiRoutes();
const numRuns = 25;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
const leaks = /\bat \S+ \(|node_modules|\/work\/|file:\/\/|\.[jt]s:\d+:\d+|\bError: /;

let world: World;
let ids: string[];
let tokens: (string | undefined)[];
let issuedCursor: string;

beforeAll(async () => {
  world = await buildWorld();
  const { tokens: t, ...resources } = world;
  ids = [...Object.values(resources), ...Object.values(userIds), orgA, orgB, "s1", "s2"];
  issuedCursor = (await send("GET", "/api/listings?limit=1&type=internship")).json.cursor;
  tokens = [undefined, t.student, t.ownerA, t.admin, t.staffA, t.memberB, t.province, "not.a.jwt", "a.b"];
});

interface FuzzRequest {
  path: string;
  token?: string | undefined;
  body?: FuzzBody | undefined;
  headers?: Record<string, string>;
}

/** Sends one request and checks the property; the message names the request so a failure can be replayed. */
async function expectSafe(method: string, request: FuzzRequest): Promise<Probe> {
  const headers: Record<string, string> = { "x-forwarded-for": freshIp(), ...request.headers };
  if (request.body?.contentType) headers["content-type"] = request.body.contentType;
  const res = await send(method, request.path, {
    ...(request.token ? { token: request.token } : {}),
    ...(request.body ? { body: request.body.body } : {}),
    headers,
  });
  const body = request.body?.body;
  const shown = typeof body === "string" ? body.slice(0, 300) : body ? `bytes[${[...body.slice(0, 24)]}]` : "";
  const context = `${method} ${request.path.slice(0, 300)} ${shown} → ${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, context).toBeLessThan(500);
  // A HEAD response carries the GET's headers without its body.
  if (res.status >= 400 && method !== "HEAD") {
    expect(res.headers.get("content-type"), context).toMatch(/^application\/json/);
    expect(typeof res.json?.error?.code, context).toBe("string");
    expect(typeof res.json?.error?.message, context).toBe("string");
    expect(res.text, context).not.toMatch(leaks);
  }
  expect(({} as Record<string, unknown>).polluted, context).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(), context).toBe(prototypeKeys);
  return res;
}

const methodsWithBody = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function requestArbitrary(route: ApiRoute): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      path: pathArbitrary(route, ids),
      query: queryArbitrary(route, ids),
      // Mostly valid tokens, so that requests get past authentication to validation, policy and handlers.
      token: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(undefined, "not.a.jwt", "a.b") },
        { weight: 4, arbitrary: fc.constantFrom(...tokens.filter((t) => t && t.length > 20)) },
      ),
      body: methodsWithBody.has(route.method)
        ? fc.option(bodyArbitrary(route.body, ids), { nil: undefined })
        : fc.constant(undefined),
      idempotencyKey: fc.option(fc.oneof(fc.uuid(), fc.string({ maxLength: 200, unit: "binary-ascii" })), {
        nil: undefined,
      }),
    })
    .map(({ path, query, token, body, idempotencyKey }) => ({
      path: fillPath(route.path, path.values, path.raw) + query,
      token,
      body,
      headers:
        idempotencyKey === undefined
          ? ({} as Record<string, string>)
          : { "idempotency-key": idempotencyKey.replace(/[^\x20-\x7e]/g, "") },
    }));
}

/** The fixed nasty cases of a route: every raw body, pollution attempt, malformed segment and odd header. */
function fixedCases(route: ApiRoute): FuzzRequest[] {
  const realPath = fillPath(route.path, {
    id: route.path.startsWith("/api/organisations") ? orgA : world.publishedListing,
    userId: userIds.staffA,
    sessionId: "s1",
  });
  const cases: FuzzRequest[] = [];
  if (methodsWithBody.has(route.method)) {
    for (const body of rawBodies) cases.push({ path: realPath, body: { body, contentType: "application/json" } });
    for (const body of pollutingBodies) cases.push({ path: realPath, body: { body, contentType: "application/json" } });
    cases.push({
      path: realPath,
      body: { body: JSON.stringify("x".repeat(100_000)), contentType: "application/json" },
    });
    cases.push({ path: realPath, body: { body: "", contentType: "application/json" } });
    cases.push({ path: realPath, body: { body: "{}", contentType: "text/plain" } });
  }
  for (const segment of rawSegments) {
    const values = Object.fromEntries(route.pathParams.map((p) => [p, segment]));
    if (route.pathParams.length > 0) cases.push({ path: fillPath(route.path, values, true) });
  }
  if (route.pathParams.length > 0) {
    for (const text of nastyStrings) {
      cases.push({ path: fillPath(route.path, Object.fromEntries(route.pathParams.map((p) => [p, text]))) });
    }
  }
  for (const query of ["?%", "?limit=-1&limit=1e308", "?__proto__[polluted]=yes&constructor[prototype][polluted]=yes"])
    cases.push({ path: realPath + query });
  if (route.query.some((q) => q.name === "cursor")) {
    // Cursors are opaque to clients, but they decode to a DynamoDB key: forged ones must be a 400.
    const forged = [
      '{"pk":"x","sk":"y"}',
      "123",
      "null",
      "[]",
      '"key"',
      '{"pk":{"S":"x"}}',
      '{"__proto__":{"polluted":1}}',
    ];
    const cursors = [...forged.map((key) => Buffer.from(key).toString("base64url")), issuedCursor];
    // A cursor issued for one listing type is also replayed for another.
    const extra = route.path === "/api/listings" ? "&type=job" : "";
    for (const cursor of cursors)
      cases.push({ path: `${realPath}?cursor=${cursor}${extra}`, token: world.tokens.admin });
  }
  cases.push({ path: realPath, headers: { authorization: "Bearer " } });
  cases.push({ path: realPath, headers: { authorization: "Basic dXNlcjpwYXNz" } });
  cases.push({ path: realPath, headers: { authorization: `Bearer ${"A".repeat(10_000)}` } });
  return cases.map((c, i) => ({
    ...c,
    token: c.headers?.authorization ? undefined : "token" in c ? c.token : tokens[i % tokens.length],
  }));
}

describe("every documented route survives hostile input", () => {
  it("has routes to fuzz", () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
  });

  for (const route of routes) {
    it(`${route.key}: random and nasty params, query and bodies never yield a 5xx or a leak`, async () => {
      for (const request of fixedCases(route)) await expectSafe(route.method, request);
      await fc.assert(
        fc.asyncProperty(requestArbitrary(route), async (request) => {
          await expectSafe(route.method, request);
        }),
        { numRuns },
      );
    });
  }

  it("random paths and methods under /api get a JSON 404, never a 5xx", async () => {
    const segment = fc.oneof(
      fc.constantFrom(...rawSegments, "api", "listings", "organisations", "__proto__", "constructor"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }).map(encodeURIComponent),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"),
        fc.array(segment, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...tokens),
        async (method, segments, token) => {
          const res = await expectSafe(method, { path: `/api/${segments.join("/")}`, token });
          if (res.status === 404 && method !== "HEAD") expect(res.json.error.code).toBe("not_found");
        },
      ),
      { numRuns: 150 },
    );
  });
});
