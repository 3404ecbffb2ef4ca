import type { Hono, MiddlewareHandler } from "hono";
import { findTargetHandler } from "hono/utils/handler";
import { uniqueSymbol } from "hono-openapi";
import { spec } from "../routes/docs";
import type { AppEnv } from "./env";
import { AppError } from "./errors";

export interface DocumentedRoute {
  method: string;
  pattern: RegExp;
  /** Static segments: where a static and a parameterised route both match, the static one is the route. */
  staticSegments: number;
  private: boolean;
}

/**
 * The documented routes, read from the app's own OpenAPI document (`security` = needs a bearer token). Generating
 * the document converts every schema (tens of ms on a cold Lambda); `declaredRoutes` gives the same table from the
 * routes' `describeRoute` declarations, and private-routes.test.ts holds the two equal.
 */
export async function documentedRoutes(app: Hono): Promise<DocumentedRoute[]> {
  const doc = await spec(app);
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {}).map(([method, op]) => ({
      method: method.toUpperCase(),
      pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, "[^/]+")}$`),
      staticSegments: path.split("/").filter((segment) => segment && !segment.startsWith("{")).length,
      private: !!(op as { security?: unknown[] }).security?.length,
    })),
  );
}

/**
 * The same table as `documentedRoutes`, straight from what each route declares with `describeRoute` (hono-openapi
 * keeps it on the middleware): no schema is converted, so an anonymous cold start's first request does not
 * generate the whole OpenAPI document (issue 14).
 */
export function declaredRoutes(app: Hono): DocumentedRoute[] {
  return app.routes.flatMap((route) => {
    const handler = findTargetHandler(route.handler) as {
      [uniqueSymbol]?: { spec?: { security?: unknown[]; hide?: unknown } };
    };
    const declared = handler[uniqueSymbol];
    if (!declared?.spec || declared.spec.hide === true) return [];
    const segments = route.path.split("/").filter(Boolean);
    const pattern = route.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/:\w+(\{[^}]*\})?/g, "[^/]+");
    return [
      {
        method: route.method,
        pattern: new RegExp(`^${pattern}$`),
        staticSegments: segments.filter((segment) => !segment.startsWith(":")).length,
        private: !!declared.spec.security?.length,
      },
    ];
  });
}

/**
 * Anonymous callers of a private route get 401 before anything else looks at the request — body validation,
 * look-ups, rate limits — as API Gateway's authorizer does in deploy. "Private" is what the OpenAPI document says
 * (`security`), the same list infra/routes.ts gives the gateway, so one declaration decides both.
 */
export function signInFirst(appOf: () => Hono): MiddlewareHandler<AppEnv> {
  let routes: DocumentedRoute[] | undefined;
  return async (c, next) => {
    if (c.get("principal")) return next();
    routes ??= declaredRoutes(appOf());
    const method = c.req.method === "HEAD" ? "GET" : c.req.method;
    const matches = routes.filter((r) => r.method === method && r.pattern.test(c.req.path));
    const route = matches.sort((a, b) => b.staticSegments - a.staticSegments)[0];
    if (route?.private) throw new AppError("unauthenticated");
    return next();
  };
}
