import { AuditListSchema, AuditQuerySchema } from "@ketnoi/core";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { auditMonth, listAudit } from "../data/audit";
import { openCursor, sealCursor } from "../http/cursor";
import type { AppEnv } from "../http/env";
import { enforce } from "../http/middleware";
import { bearer, responses } from "../http/openapi";
import { validate } from "../http/validate";

/** The audit log of dashboard views, exports and target changes (platform admins). Mounted at /api/audit. */
export const auditRoutes = new Hono<AppEnv>().get(
  "/",
  describeRoute({
    tags: ["Dashboard"],
    summary: "Who viewed or exported which dashboard numbers, or changed a target, and when (one month, newest first)",
    security: bearer,
    responses: responses({ 200: { description: "Audit entries", schema: AuditListSchema } }, [400, 401, 403, 503]),
  }),
  validate("query", AuditQuerySchema),
  async (c) => {
    enforce(c, "audit:read");
    const { month, limit, cursor } = c.req.valid("query");
    const page = await listAudit(month ?? auditMonth(new Date()), { limit, cursor: openCursor("audit", cursor) });
    return c.json({ ...page, cursor: sealCursor("audit", page.cursor) });
  },
);
