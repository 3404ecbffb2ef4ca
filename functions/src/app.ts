import type { Hono } from "hono";
import type { HonoBase } from "hono/hono-base";
import { buildApp } from "./app-base";
import type { AppEnv } from "./http/env";
import { devAuthRoutes } from "./routes/dev-auth";
import { docsRoutes } from "./routes/docs";
import { type RouteGroupName, routeGroups } from "./routes/groups";
import { mount as mountAccount } from "./routes/groups/account";
import { mount as mountBrowse } from "./routes/groups/browse";
import { mount as mountCatalog } from "./routes/groups/catalog";
import { mount as mountFiles } from "./routes/groups/files";
import { mount as mountHealth } from "./routes/groups/health";
import { mount as mountInsights } from "./routes/groups/insights";
import { mount as mountOrganisations } from "./routes/groups/organisations";
import { mount as mountPlacement } from "./routes/groups/placement";
import { mount as mountWork } from "./routes/groups/work";

/**
 * Builds KetNoi's HTTP API. The same app is served by @hono/node-server locally and, one route group per function,
 * by hono/aws-lambda in deploy (lambdas/*.ts build theirs with app-base.ts's `buildApp` and one group's `mount`).
 * `groups`: the route groups it serves (routes/groups.ts), all by default (the local server, the tests, the one
 * OpenAPI document). Whatever the groups, the middleware chain is app-base.ts's, so every function authorizes alike.
 * @example const app = createApp(); const res = await app.request("/api/health");
 */
export function createApp(groups: readonly RouteGroupName[] = allRouteGroups) {
  // A group left out is not mounted (its paths answer 404); the chain keeps its types for the web's `hc` client.
  const only = <F>(group: RouteGroupName, mount: F): F =>
    groups.includes(group) ? mount : (((api: unknown) => api) as F);
  // One OpenAPI document for the whole API, whichever groups this app serves (built on the first request for it).
  const whole = allRouteGroups.every((group) => groups.includes(group));
  const { app, api } = buildApp(
    (base) =>
      only(
        "files",
        mountFiles,
      )(
        only(
          "insights",
          mountInsights,
        )(
          only(
            "account",
            mountAccount,
          )(
            only(
              "organisations",
              mountOrganisations,
            )(
              only(
                "work",
                mountWork,
              )(
                only(
                  "placement",
                  mountPlacement,
                )(only("catalog", mountCatalog)(only("browse", mountBrowse)(only("health", mountHealth)(base)))),
              ),
            ),
          ),
        ),
      ),
    { docsRoutes, documents: whole ? "self" : wholeApp, devAuthRoutes },
  );
  return app as unknown as Hono<AppEnv, RoutesOf<typeof api>>;
}

/** The whole API, for the document of an app that serves only some groups (typed, so the recursion is not inferred). */
const wholeApp = (): Hono => createApp() as unknown as Hono;

const allRouteGroups = Object.keys(routeGroups) as RouteGroupName[];

// Chained `.use()/.route()` calls return HonoBase, not Hono: matching on Hono made AppType empty for `hc`.
type RoutesOf<T> = T extends HonoBase<AppEnv, infer S, string> ? PrefixSchema<S> : never;
type PrefixSchema<S> = { [K in keyof S as K extends string ? `/api${K}` : never]: S[K] };

/** The API's route types, for the web app's typed `hc` client. */
export type AppType = ReturnType<typeof createApp>;
