import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import type { Context, MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "../http/env";
import { inLambda, logger } from "./logger";

/** The CloudWatch namespace of the API's metrics (infra/monitoring.ts draws them on the dashboard). */
export const metricsNamespace = "KetNoi";

/**
 * Business metrics, in Embedded Metric Format: CloudWatch reads them from the log line, no API call. Outside
 * Lambda nothing is published (the buffer is dropped), so local runs and tests print no metric lines.
 */
export const metrics = new Metrics({
  namespace: metricsNamespace,
  serviceName: "api",
  defaultDimensions: { stage: process.env.STAGE ?? "local" },
});

type Event = "ApplicationSubmitted" | "OfferMade" | "BookingCreated" | "PlacementRoundRun";

/** Which successful request is which business event: by method and route pattern (and, for offers, the move). */
function businessEvent(c: Context, method: string, route: string): Event | undefined {
  if (method !== "POST" || c.res.status >= 300) return undefined;
  if (route === "/api/listings/:id/applications") return "ApplicationSubmitted";
  if (route === "/api/listings/:id/sessions/:sessionId/bookings") return "BookingCreated";
  if (route === "/api/placement-rounds/:id/run") return "PlacementRoundRun";
  if (route === "/api/applications/:id/transitions") {
    // The validated body, as the route's validator stored it; only its `to` is read.
    const body = (c.req.valid as (target: "json") => { to?: string } | undefined)("json");
    if (body?.to === "offered") return "OfferMade";
  }
  return undefined;
}

/** Lambda's and API Gateway's request ids, when the app runs behind hono/aws-lambda. */
function requestIds(c: Context): { requestId?: string; apiRequestId?: string } {
  const env = c.env as
    | { lambdaContext?: { awsRequestId?: string }; event?: { requestContext?: { requestId?: string } } }
    | undefined;
  return {
    ...(env?.lambdaContext?.awsRequestId ? { requestId: env.lambdaContext.awsRequestId } : {}),
    ...(env?.event?.requestContext?.requestId ? { apiRequestId: env.event.requestContext.requestId } : {}),
  };
}

/**
 * One access-log line per request (method, route pattern — never the raw path or query —, status, latency, the
 * caller's role) and the metrics: 4xx/5xx counts and the business events. Runs outermost, so it sees the final
 * status, error responses included.
 */
export const accessLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  const method = c.req.method;
  const matched = routePath(c, -1);
  const route = matched.endsWith("*") ? "(no route)" : matched;
  const status = c.res.status;
  logger.info("request", {
    ...requestIds(c),
    method,
    route,
    status,
    latencyMs: Math.round(performance.now() - started),
    role: c.get("principal")?.role ?? "anonymous",
  });
  const counted = [
    ...(status >= 500 ? ["Http5xx"] : status >= 400 ? ["Http4xx"] : []),
    ...[businessEvent(c, method, route)].filter((event) => event !== undefined),
  ];
  // Publishing an empty buffer would log a warning on every successful read.
  if (counted.length === 0) return;
  for (const name of counted) metrics.addMetric(name, MetricUnit.Count, 1);
  if (inLambda) metrics.publishStoredMetrics();
  else metrics.clearMetrics();
};
