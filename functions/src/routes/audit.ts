import { AuditListSchema, AuditQuerySchema } from "@ketnoi/core";
import { Hono } from "hono";
import { auditMonth, listAudit } from "../data/audit";
import { openCursor, sealCursor } from "../http/cursor";
import type { AppEnv } from "../http/env";
import { enforce } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

/** The audit log of dashboard views, exports and target changes (platform admins). Mounted at /api/audit. */
export const auditRoutes = new Hono<AppEnv>().get(
  "/",
  route({
    tags: ["Dashboard"],
    summary: "Who viewed or exported which dashboard numbers, or changed a target, and when (one month, newest first)",
    auth: true,
    ok: { 200: { description: "Audit entries", schema: AuditListSchema } },
    errors: [400],
  }),
  validate("query", AuditQuerySchema),
  async (c) => {
    enforce(c, "audit:read");
    const { month, limit, cursor } = c.req.valid("query");
    const page = await listAudit(month ?? auditMonth(new Date()), { limit, cursor: openCursor("audit", cursor) });
    return c.json({ ...page, cursor: sealCursor("audit", page.cursor) });
  },
);
