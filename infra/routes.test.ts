import { createApp } from "@ketnoi/functions/app";
import { loadConfig, setConfig } from "@ketnoi/functions/config";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRoutes } from "./routes";

type OpenApi = { paths: Record<string, Record<string, { security?: unknown[] }>> };
let app: ReturnType<typeof createApp>;
let openApi: OpenApi;

beforeAll(async () => {
  // Configured as deployed (no development sign-in), so the document lists exactly what production serves.
  setConfig(
    loadConfig({
      STAGE: "prod",
      TABLE_NAME: "ketnoi-routes-test",
      AUTH_ISSUER: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool",
      AUTH_AUDIENCE: "client",
      AUTH_JWKS_URL: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool/.well-known/jwks.json",
      DEV_AUTH: "false",
      SERVER_SECRET: "a-deploy-secret-of-at-least-32-characters",
    }),
  );
  app = createApp();
  const res = await app.request("/api/openapi.json");
  expect(res.status).toBe(200);
  openApi = (await res.json()) as OpenApi;
});

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
/** The two documentation routes describe the others and are left out of the document itself. */
const documentationRoutes = ["GET /api/openapi.json", "GET /api/docs"];

describe("the API Gateway route table", () => {
  it("lists every operation of the app's OpenAPI document, and nothing else but the documentation routes", () => {
    const documented = Object.entries(openApi.paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => key(m, path)),
    );
    expect(documented.length).toBeGreaterThan(0);
    const routed = apiRoutes.map((r) => key(r.method, r.path));
    expect(routed.filter((r) => !documentationRoutes.includes(r)).sort()).toEqual(documented.sort());
    expect(routed).toEqual(expect.arrayContaining(documentationRoutes));
    expect(new Set(routed).size).toBe(routed.length);
  });

  it("makes a route private exactly when the app documents it as needing a bearer token", () => {
    for (const route of apiRoutes.filter((r) => !documentationRoutes.includes(key(r.method, r.path)))) {
      const operation = openApi.paths[route.path]![route.method.toLowerCase()]!;
      expect(route.access, key(route.method, route.path)).toBe(operation.security?.length ? "private" : "public");
    }
  });

  it("keeps the public pages public: health, documentation, the listing feed, search and the organisation directory", () => {
    const publicRoutes = apiRoutes.filter((r) => r.access === "public").map((r) => key(r.method, r.path));
    expect(publicRoutes.sort()).toEqual(
      [
        "GET /api/health",
        "GET /api/openapi.json",
        "GET /api/docs",
        "GET /api/listings",
        "GET /api/listings/{id}",
        "GET /api/organisations",
        "GET /api/organisations/{id}",
        "GET /api/search",
        // A mail's unsubscribe link (RFC 8058): its signed token is the authority, mail clients post without a session.
        "GET /api/mail/unsubscribe",
        "POST /api/mail/unsubscribe",
      ].sort(),
    );
    const oneClickUnsubscribe = (r: { method: string; path: string }) =>
      key(r.method, r.path) === "POST /api/mail/unsubscribe";
    expect(
      apiRoutes.filter((r) => r.method !== "GET" && !oneClickUnsubscribe(r)).every((r) => r.access === "private"),
    ).toBe(true);
  });

  it("never routes the development sign-in, which the deployed app does not even mount", async () => {
    expect(apiRoutes.some((r) => r.path.startsWith("/api/dev-auth"))).toBe(false);
    expect((await app.request("/api/dev-auth/accounts")).status).toBe(404);
  });

  it("serves the documentation routes it lists", async () => {
    for (const path of ["/api/openapi.json", "/api/docs"]) expect((await app.request(path)).status).toBe(200);
  });
});
