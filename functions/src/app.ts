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
import { applicationRoutes, listingApplicationRoutes } from "./routes/applications";
import { auditRoutes } from "./routes/audit";
import { bookingRoutes, listingBookingRoutes } from "./routes/bookings";
import { dashboardRoutes } from "./routes/dashboard";
import { devAuthRoutes } from "./routes/dev-auth";
import { docsRoutes } from "./routes/docs";
import { enrolmentRoutes } from "./routes/enrolments";
import { healthRoutes } from "./routes/health";
import { interviewRoutes, listingInterviewRoutes } from "./routes/interviews";
import { listingRoutes } from "./routes/listings";
import { listingCandidateRoutes, recommendationRoutes } from "./routes/matching";
import { meRoutes } from "./routes/me";
import { invitationRoutes, memberRoutes } from "./routes/members";
import { notificationRoutes } from "./routes/notifications";
import { offerRoutes } from "./routes/offers";
import { organisationRoutes } from "./routes/organisations";
import { organisationPlacementRoutes, placementRoutes } from "./routes/placement";
import { privacyRoutes } from "./routes/privacy";
import { savedSearchRoutes } from "./routes/saved-searches";
import { searchRoutes } from "./routes/search";
import { studentRoutes } from "./routes/students";
import { targetRoutes } from "./routes/targets";

/** Maps any thrown error to the one JSON error shape; unexpected errors are logged, never sent. */
function toErrorResponse(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 400) return new AppError("invalid_json", 400, "Nội dung JSON không đọc được.");
    if (error.status === 413) return new AppError("payload_too_large", 413, "Dữ liệu gửi lên quá lớn.");
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      "database_unavailable",
      503,
      "Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau.",
    );
  }
  logger.error("unhandled", { error: errorField(error) });
  return new AppError("internal_error", 500, "Đã có lỗi xảy ra; vui lòng thử lại.");
}

/**
 * Builds KetNoi's HTTP API. The same app is served by @hono/node-server locally and by hono/aws-lambda in deploy.
 * @example const app = createApp(); const res = await app.request("/api/health");
 */
export function createApp() {
  const { WEB_ORIGIN, MAX_BODY_BYTES, DEV_AUTH } = config();
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", 413, `Dữ liệu gửi lên vượt quá ${MAX_BODY_BYTES} byte.`);
    },
  });
  const api = new Hono<AppEnv>()
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
    .use(normaliseText)
    .route("/health", healthRoutes)
    .route("/me", meRoutes)
    .route("/organisations", organisationRoutes)
    .route("/organisations", memberRoutes)
    .route("/organisations", organisationPlacementRoutes)
    .route("/organisations", enrolmentRoutes)
    .route("/invitations", invitationRoutes)
    .route("/listings", listingRoutes)
    .route("/listings", listingApplicationRoutes)
    .route("/listings", listingBookingRoutes)
    .route("/listings", listingCandidateRoutes)
    .route("/recommendations", recommendationRoutes)
    .route("/placement-rounds", placementRoutes)
    .route("/applications", applicationRoutes)
    .route("/applications", interviewRoutes)
    .route("/listings", listingInterviewRoutes)
    .route("/applications", offerRoutes)
    .route("/bookings", bookingRoutes)
    .route("/search", searchRoutes)
    .route("/saved-searches", savedSearchRoutes)
    .route("/students", studentRoutes)
    .route("/students", privacyRoutes)
    .route("/notifications", notificationRoutes)
    .route("/dashboard", dashboardRoutes)
    .route("/targets", targetRoutes)
    .route("/audit", auditRoutes);
  if (DEV_AUTH) api.route("/dev-auth", devAuthRoutes);

  const app: Hono = new Hono().route("/api", api);
  app.route("/api", docsRoutes(app));
  app.notFound((c) => c.json(new AppError("not_found", 404, "Không có địa chỉ này.").toBody(), 404));
  app.onError((error, c) => {
    const appError = toErrorResponse(error);
    return c.json(appError.toBody(), appError.status);
  });
  return app as unknown as Hono<AppEnv, RoutesOf<typeof api>>;
}

// Chained `.use()/.route()` calls return HonoBase, not Hono: matching on Hono made AppType empty for `hc`.
type RoutesOf<T> = T extends HonoBase<AppEnv, infer S, string> ? PrefixSchema<S> : never;
type PrefixSchema<S> = { [K in keyof S as K extends string ? `/api${K}` : never]: S[K] };

/** The API's route types, for the web app's typed `hc` client. */
export type AppType = ReturnType<typeof createApp>;
