import type { Hono, MiddlewareHandler } from "hono";
import { spec } from "../routes/docs";
import type { AppEnv } from "./env";
import { AppError } from "./errors";

interface DocumentedRoute {
  method: string;
  pattern: RegExp;
  /** Static segments: where a static and a parameterised route both match, the static one is the route. */
  staticSegments: number;
  private: boolean;
}

/** The documented routes, read from the app's own OpenAPI document (`security` = needs a bearer token). */
async function documentedRoutes(app: Hono): Promise<DocumentedRoute[]> {
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
 * Anonymous callers of a private route get 401 before anything else looks at the request — body validation,
 * look-ups, rate limits — as API Gateway's authorizer does in deploy. "Private" is what the OpenAPI document says
 * (`security`), the same list infra/routes.ts gives the gateway, so one declaration decides both.
 */
export function signInFirst(appOf: () => Hono): MiddlewareHandler<AppEnv> {
  let routes: Promise<DocumentedRoute[]> | undefined;
  return async (c, next) => {
    if (c.get("principal")) return next();
    routes ??= documentedRoutes(appOf());
    const method = c.req.method === "HEAD" ? "GET" : c.req.method;
    const matches = (await routes).filter((r) => r.method === method && r.pattern.test(c.req.path));
    const route = matches.sort((a, b) => b.staticSegments - a.staticSegments)[0];
    if (route?.private) throw new AppError("unauthenticated", 401, "Bạn cần đăng nhập để làm việc này.");
    return next();
  };
}
