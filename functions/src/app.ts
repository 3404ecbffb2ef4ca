import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import type { HonoBase } from "hono/hono-base";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { requireMfa } from "./auth/mfa";
import { config } from "./config";
import { dbCallScope } from "./http/db-calls";
import type { AppEnv } from "./http/env";
import { AppError, isDatabaseUnavailable } from "./http/errors";
import { idempotency } from "./http/idempotency";
import { authenticate, readsBody, requireJson } from "./http/middleware";
import { normaliseText } from "./http/normalise";
import { requireOrigin } from "./http/origin-verify";
import { signInFirst } from "./http/private-routes";
import { accessLog } from "./observability/access-log";
import { errorField, logger } from "./observability/logger";
import { devAuthRoutes } from "./routes/dev-auth";
import { docsRoutes } from "./routes/docs";
import { type RouteGroupName, routeGroups } from "./routes/groups";
import { mount as mountAccount } from "./routes/groups/account";
import { mount as mountCatalog } from "./routes/groups/catalog";
import { mount as mountFiles } from "./routes/groups/files";
import { mount as mountHealth } from "./routes/groups/health";
import { mount as mountInsights } from "./routes/groups/insights";
import { mount as mountOrganisations } from "./routes/groups/organisations";
import { mount as mountWork } from "./routes/groups/work";

/** Maps any thrown error to the one JSON error shape; unexpected errors are logged, never sent. */
function toErrorResponse(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 400) return new AppError("invalid_json");
    if (error.status === 413) return new AppError("payload_too_large");
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError("database_unavailable");
  }
  logger.error("unhandled", { error: errorField(error) });
  return new AppError("internal_error");
}

/**
 * Builds KetNoi's HTTP API. The same app is served by @hono/node-server locally and by hono/aws-lambda in deploy.
 * `groups`: the route groups it serves (routes/groups.ts), all by default (the local server, the tests, the one
 * OpenAPI document); the files function serves only `files` (files-lambda.ts). Whatever the groups, the middleware
 * chain is this one, so both functions authorize alike.
 * @example const app = createApp(); const res = await app.request("/api/health");
 */
export function createApp(groups: readonly RouteGroupName[] = allRouteGroups) {
  const { WEB_ORIGIN, MAX_BODY_BYTES, DEV_AUTH } = config();
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", `Dữ liệu gửi lên vượt quá ${MAX_BODY_BYTES} byte.`);
    },
  });
  const base = new Hono<AppEnv>()
    // Outermost: it sees the final status of every request, refusals included.
    .use(accessLog)
    .use(requireOrigin)
    // First, so that authentication and idempotency reads are counted with the route's own.
    .use(dbCallScope)
    .use(
      // The API serves JSON and one self-contained docs page: nothing may load from elsewhere or frame it.
      secureHeaders({
        contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ["'none'"] },
      }),
    )
    .use(cors({ origin: WEB_ORIGIN, allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"], maxAge: 600 }))
    // Who is asking comes first: an anonymous caller of a private route gets 401 before its body is looked at.
    .use(authenticate)
    .use(signInFirst(() => app))
    // GET/HEAD bodies are never read, so they are not limited (checking would buffer every request).
    .use((c, next) => (readsBody(c.req.method) ? limitBody(c, next) : next()))
    .use(requireJson)
    // Separate from authenticate: who must have used a second factor is its own rule (auth/mfa.ts).
    .use(requireMfa)
    .use(idempotency)
    .use(normaliseText);
  // The route groups (routes/groups.ts): a route module is one `.route()` line in its group's file.
  // A group left out is not mounted (its paths answer 404); the chain keeps its types for the web's `hc` client.
  const only = <F>(group: RouteGroupName, mount: F): F =>
    groups.includes(group) ? mount : (((api: unknown) => api) as F);
  const api = only(
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
        )(only("work", mountWork)(only("catalog", mountCatalog)(only("health", mountHealth)(base)))),
      ),
    ),
  );
  if (DEV_AUTH) api.route("/dev-auth", devAuthRoutes);

  const app: Hono = new Hono().route("/api", api);
  // One OpenAPI document for the whole API, whichever groups this app serves (built on the first request for it).
  const whole = allRouteGroups.every((group) => groups.includes(group));
  app.route("/api", docsRoutes(whole ? app : () => createApp() as unknown as Hono));
  app.notFound((c) => {
    const notFound = new AppError("not_found", "Không có địa chỉ này.");
    return c.json(notFound.toBody(), notFound.status);
  });
  app.onError((error, c) => {
    const appError = toErrorResponse(error);
    return c.json(appError.toBody(), appError.status);
  });
  return app as unknown as Hono<AppEnv, RoutesOf<typeof api>>;
}

const allRouteGroups = Object.keys(routeGroups) as RouteGroupName[];

// Chained `.use()/.route()` calls return HonoBase, not Hono: matching on Hono made AppType empty for `hc`.
type RoutesOf<T> = T extends HonoBase<AppEnv, infer S, string> ? PrefixSchema<S> : never;
type PrefixSchema<S> = { [K in keyof S as K extends string ? `/api${K}` : never]: S[K] };

/** The API's route types, for the web app's typed `hc` client. */
export type AppType = ReturnType<typeof createApp>;
