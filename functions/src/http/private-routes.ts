import type { Hono, MiddlewareHandler } from "hono";
import { findTargetHandler } from "hono/utils/handler";
import { uniqueSymbol } from "hono-openapi";
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
 * The public/private table of the routes, straight from what each route declares with `describeRoute` (hono-openapi
 * keeps it on the middleware): no schema is converted, so an anonymous cold start's first request does not
 * generate the whole OpenAPI document (issue 14). routes/documented-routes.ts reads the same table from the
 * generated document (kept out of here, so no deployed function carries the generator), and private-routes.test.ts
 * holds the two equal.
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
