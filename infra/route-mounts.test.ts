import { createApp } from "@ketnoi/functions/app";
import { buildApp } from "@ketnoi/functions/app-base";
import { loadConfig, setConfig } from "@ketnoi/functions/config";
import { type RouteGroupName, routeGroupOf } from "@ketnoi/functions/routes/groups";
import { mount as account } from "@ketnoi/functions/routes/groups/account";
import { mount as browse } from "@ketnoi/functions/routes/groups/browse";
import { mount as catalog } from "@ketnoi/functions/routes/groups/catalog";
import { mount as files } from "@ketnoi/functions/routes/groups/files";
import { mount as health } from "@ketnoi/functions/routes/groups/health";
import { mount as insights } from "@ketnoi/functions/routes/groups/insights";
import { mount as organisations } from "@ketnoi/functions/routes/groups/organisations";
import { mount as placement } from "@ketnoi/functions/routes/groups/placement";
import { mount as work } from "@ketnoi/functions/routes/groups/work";
import type { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRoutes, documentationRoutes } from "./routes";

/**
 * Outside review (route split by method): every route API Gateway sends to a group's function must be one that
 * function's bundle mounts, and every route the whole app serves must be in the gateway's table. routes.test.ts
 * compares the table with the whole app's document and api.test.ts compares it with routeGroupOf, but neither builds
 * each group's app the way its Lambda entry does (lambdas/<group>.ts: `buildApp(mount)`), so a route the gateway
 * sends to a function that does not mount it (404 in deploy, 200 locally) went unseen.
 */

// What each deployed function builds: the group functions and files `buildApp(<group>.mount)`, the docs function
// (lambda.ts) the whole app but files.
const mounts: Record<RouteGroupName, Parameters<typeof buildApp>[0]> = {
  account: account as never,
  browse: browse as never,
  catalog: catalog as never,
  files: files as never,
  health: health as never,
  insights: insights as never,
  organisations: organisations as never,
  placement: placement as never,
  work: work as never,
};

/** `METHOD /api/a/{}/b`: Hono's `:name` (with an optional `{regex}`) and the gateway's `{name}` both as `{}`. */
const shape = (method: string, path: string) =>
  `${method} ${path.replace(/:[A-Za-z0-9_]+(\{[^}]*\})?/g, "{}").replace(/\{[A-Za-z0-9_]+\}/g, "{}")}`;

/** The method routes an app registers (middleware is registered for ALL methods, not a method). */
const served = (app: Hono) =>
  new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => shape(r.method, r.path.replace(/\/$/, ""))));

beforeAll(() => {
  // As deployed: no development sign-in.
  setConfig(
    loadConfig({
      STAGE: "prod",
      TABLE_NAME: "ketnoi-route-mounts-test",
      AUTH_ISSUER: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool",
      AUTH_AUDIENCE: "client",
      AUTH_JWKS_URL: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool/.well-known/jwks.json",
      DEV_AUTH: "false",
      SERVER_SECRET: "a-deploy-secret-of-at-least-32-characters",
    }),
  );
});

describe("the gateway's route table against what each function mounts", () => {
  it("sends every route to a function whose app registers it", () => {
    const byGroup = new Map(
      (Object.keys(mounts) as RouteGroupName[]).map((group) => [group, served(buildApp(mounts[group]).app)]),
    );
    const missing: string[] = [];
    for (const route of apiRoutes) {
      if (documentationRoutes.includes(route)) continue;
      const group = routeGroupOf(route.path, route.method);
      const key = shape(route.method, route.path);
      if (!group || !byGroup.get(group)!.has(key)) missing.push(`${key} -> ${group ?? "docs"}`);
    }
    // Not vacuous: each group registers routes, and the table has them.
    for (const [group, keys] of byGroup) expect(keys.size, group).toBeGreaterThan(0);
    expect(byGroup.get("browse")).toContain("GET /api/listings/{}");
    expect(byGroup.get("catalog")).not.toContain("GET /api/listings/{}");
    expect(apiRoutes.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it("routes every method route the whole app registers (none answers locally and 404s deployed)", () => {
    const routed = new Set(apiRoutes.map((r) => shape(r.method, r.path)));
    const unrouted = [...served(createApp() as unknown as Hono)].filter(
      (key) => !key.startsWith("HEAD ") && !key.startsWith("OPTIONS ") && !routed.has(key),
    );
    expect(unrouted).toEqual([]);
  });

  it("sends a concrete request to the function that answers it: the group whose route matches first in the whole app", async () => {
    // The whole app tries routes in mount order; routeGroupOf must pick the group whose handler would run.
    const whole = createApp() as unknown as Hono;
    const conflicts: string[] = [];
    for (const route of apiRoutes) {
      if (documentationRoutes.includes(route)) continue;
      const group = routeGroupOf(route.path, route.method)!;
      const own = served(buildApp(mounts[group]).app);
      // Another group registering the same shape would answer it locally first, or second, differently.
      for (const other of Object.keys(mounts) as RouteGroupName[]) {
        if (other === group) continue;
        if (served(buildApp(mounts[other]).app).has(shape(route.method, route.path)) && own.size > 0) {
          conflicts.push(`${shape(route.method, route.path)}: ${group} and ${other}`);
        }
      }
    }
    expect(whole.routes.length).toBeGreaterThan(0);
    expect(conflicts).toEqual([]);
  });
});
