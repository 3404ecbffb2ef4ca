import {
  TargetHistoryQuerySchema,
  TargetHistorySchema,
  TargetInputSchema,
  TargetListQuerySchema,
  TargetListSchema,
  TargetSchema,
} from "@ketnoi/core";
import { Hono } from "hono";
import { recordAudit } from "../data/audit";
import { listTargets, saveTarget, targetHistory } from "../data/targets";
import type { AppEnv } from "../http/env";
import { enforce } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

/** Workforce targets per year and field (chỉ tiêu), versioned. Mounted at /api/targets. */
export const targetRoutes = new Hono<AppEnv>()
  .get(
    "/",
    route({
      tags: ["Dashboard"],
      summary: "The year's targets (province officers, admins, school staff)",
      auth: true,
      ok: { 200: { description: "Targets", schema: TargetListSchema } },
      errors: [400],
    }),
    validate("query", TargetListQuerySchema),
    async (c) => {
      enforce(c, "target:read");
      const { year } = c.req.valid("query");
      return c.json({ year, items: await listTargets(year) });
    },
  )
  .put(
    "/",
    route({
      tags: ["Dashboard"],
      summary: "Create (no `version`) or change (with the `version` read) a target; every version is kept",
      description: "Province officers and admins. 409 `already_exists` or `version_conflict`.",
      auth: true,
      body: true,
      ok: { 200: { description: "The saved target", schema: TargetSchema } },
      errors: [409],
    }),
    validate("json", TargetInputSchema),
    async (c) => {
      const principal = enforce(c, "target:write");
      const input = c.req.valid("json");
      const saved = await saveTarget(input, principal.userId);
      await recordAudit(principal, {
        action: "target.save",
        scope: "targets",
        filters: { year: input.year, field: input.field, universityId: input.universityId, version: saved.version },
      });
      return c.json(saved);
    },
  )
  .get(
    "/history",
    route({
      tags: ["Dashboard"],
      summary: "A target's versions, newest first: who set which counts, when",
      auth: true,
      ok: { 200: { description: "Versions", schema: TargetHistorySchema } },
      errors: [400],
    }),
    validate("query", TargetHistoryQuerySchema),
    async (c) => {
      enforce(c, "target:read");
      const { year, field, universityId } = c.req.valid("query");
      return c.json({ items: await targetHistory(year, field, universityId) });
    },
  );
