import { beforeAll, describe, expect, it } from "vitest";
import { config } from "../../src/config";
import { freshIp } from "../marketplace";
import { apiRoutes, fillPath, type Probe, send } from "./probe";
import { buildWorld, orgA, userIds, type World } from "./world";

const routes = await apiRoutes();

/** hono/secure-headers' defaults plus the API's CSP, which every response must carry, success or error. */
const secureHeaders: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "SAMEORIGIN",
  "strict-transport-security": "max-age=15552000; includeSubDomains",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

function expectSecureHeaders(res: Probe, context: string) {
  for (const [name, value] of Object.entries(secureHeaders))
    expect(res.headers.get(name), `${context}: ${name}`).toBe(value);
  expect(res.headers.get("x-powered-by"), context).toBeNull();
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

describe("secure headers", () => {
  it("are on a response of every route, for every kind of caller", async () => {
    const tokens = [undefined, world.tokens.student, world.tokens.ownerA, world.tokens.admin];
    for (const [i, route] of routes.entries()) {
      const path = fillPath(route.path, {
        id: route.path.startsWith("/api/organisations") ? orgA : world.publishedListing,
        userId: userIds.staffA,
        sessionId: "s1",
      });
      const token = tokens[i % tokens.length];
      const hasBody = route.body !== undefined;
      const res = await send(route.method, path, {
        ...(token ? { token } : {}),
        ...(hasBody ? { body: "{}" } : {}),
        headers: { "x-forwarded-for": freshIp(), ...(hasBody ? { "content-type": "application/json" } : {}) },
      });
      expectSecureHeaders(res, `${route.key} → ${res.status}`);
    }
  });

  it("are on every kind of error: 400, 401, 404, 413, 415 and a preflight", async () => {
    const cases: [string, string, Parameters<typeof send>[2]][] = [
      ["GET", "/api/listings?limit=0", {}],
      ["GET", "/api/me", {}],
      ["GET", "/api/me", { headers: { authorization: "Bearer forged.token.here" } }],
      ["GET", "/api/no-such-route", {}],
      [
        "POST",
        "/api/organisations",
        { body: JSON.stringify("x".repeat(100_000)), headers: { "content-type": "application/json" } },
      ],
      ["POST", "/api/organisations", { body: "kind=enterprise", headers: { "content-type": "text/plain" } }],
      [
        "OPTIONS",
        "/api/listings",
        { headers: { origin: config().WEB_ORIGIN, "access-control-request-method": "POST" } },
      ],
    ];
    for (const [method, path, options] of cases) {
      const res = await send(method, path, options);
      expectSecureHeaders(res, `${method} ${path} → ${res.status}`);
    }
  });
});

describe("CORS", () => {
  const preflight = (origin: string) =>
    send("OPTIONS", "/api/listings", {
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type,idempotency-key",
      },
    });

  it("lets the configured web origin send its bearer token, JSON and idempotency keys", async () => {
    const res = await preflight(config().WEB_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(config().WEB_ORIGIN);
    const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase().split(",");
    expect(allowed).toEqual(expect.arrayContaining(["authorization", "content-type", "idempotency-key"]));
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("gives any other origin no Access-Control-Allow-Origin, on preflights and on requests", async () => {
    for (const origin of ["https://evil.example", "http://127.0.0.1:5174", "null", config().WEB_ORIGIN.toUpperCase()]) {
      const pre = await preflight(origin);
      expect(pre.headers.get("access-control-allow-origin"), origin).toBeNull();
      const get = await send("GET", "/api/listings", { headers: { origin } });
      expect(get.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });

  it("never allows credentials from any origin or a wildcard", async () => {
    const res = await preflight("https://evil.example");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect((await preflight(config().WEB_ORIGIN)).headers.get("access-control-allow-origin")).not.toBe("*");
  });
});
