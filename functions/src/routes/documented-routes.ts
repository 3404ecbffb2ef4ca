import type { Hono } from "hono";
import type { DocumentedRoute } from "../http/private-routes";
import { spec } from "./docs";

/**
 * The documented routes, read from the app's own OpenAPI document (`security` = needs a bearer token). Generating
 * the document converts every schema (tens of ms on a cold Lambda), so signInFirst reads `declaredRoutes`
 * (http/private-routes.ts) instead, and private-routes.test.ts holds the two equal. A module of its own, imported by
 * the tests only: http/private-routes.ts is in every deployed function, and this one brings the document's
 * generator (routes/docs.ts, hono-openapi's converters) with it.
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
