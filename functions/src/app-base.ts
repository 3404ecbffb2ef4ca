import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
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

/** The middleware chain every KetNoi app puts in front of its routes (whatever route groups it mounts). */
function middlewareChain(app: () => Hono) {
  const { WEB_ORIGIN, MAX_BODY_BYTES } = config();
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", `Dữ liệu gửi lên vượt quá ${MAX_BODY_BYTES} byte.`);
    },
  });
  return (
    new Hono<AppEnv>()
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
      .use(
        cors({ origin: WEB_ORIGIN, allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"], maxAge: 600 }),
      )
      // Who is asking comes first: an anonymous caller of a private route gets 401 before its body is looked at.
      .use(authenticate)
      .use(signInFirst(app))
      // GET/HEAD bodies are never read, so they are not limited (checking would buffer every request).
      .use((c, next) => (readsBody(c.req.method) ? limitBody(c, next) : next()))
      .use(requireJson)
      // Separate from authenticate: who must have used a second factor is its own rule (auth/mfa.ts).
      .use(requireMfa)
      .use(idempotency)
      .use(normaliseText)
  );
}

/** The chain's type: what a route group's `mount` receives. */
export type AppBase = ReturnType<typeof middlewareChain>;

/**
 * What only the whole app (app.ts: the local server, the tests, the docs function) mounts beside the groups. Passed
 * in rather than imported here (issue 14), so a group function's bundle leaves out the OpenAPI generator and the
 * development identity provider it never serves: API Gateway sends the documents' paths to the docs function
 * (infra/api.ts), and DEV_AUTH is off in every deployed stage.
 */
export interface WholeAppExtras {
  /** The routes serving /api/openapi.json and /api/docs (routes/docs.ts `docsRoutes`) … */
  docsRoutes: (documented: Hono | (() => Hono)) => Hono;
  /** … for which app: this one ("self") or a builder of the whole app. */
  documents: "self" | (() => Hono);
  /** The development identity provider (routes/dev-auth.ts), mounted when DEV_AUTH is on. */
  devAuthRoutes: Hono;
}

/**
 * Builds an app: the one middleware chain, the routes `mount` adds to it under /api, the error shape and the 404.
 * Issue 14: this module imports no route group, so a Lambda entry that mounts one group (lambdas/*.ts) bundles only
 * that group's routes; app.ts's `createApp` mounts them all, with `extras`.
 */
export function buildApp<Api extends { route: Hono<AppEnv>["route"] }>(
  mount: (base: AppBase) => Api,
  extras?: WholeAppExtras,
): { app: Hono; api: Api } {
  let app: Hono | undefined;
  const api = mount(middlewareChain(() => app!));
  if (extras && config().DEV_AUTH) api.route("/dev-auth", extras.devAuthRoutes);
  app = new Hono().route("/api", api as unknown as Hono);
  if (extras) app.route("/api", extras.docsRoutes(extras.documents === "self" ? app : extras.documents));
  app.notFound((c) => c.json(new AppError("not_found", "Không có địa chỉ này.").toBody(), 404));
  app.onError((error, c) => {
    const appError = toErrorResponse(error);
    return c.json(appError.toBody(), appError.status);
  });
  return { app, api };
}
