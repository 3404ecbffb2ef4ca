import type { HonoBase } from "hono/hono-base";
import type { Schema } from "hono/types";
import type { AppEnv } from "../../http/env";
import { auditRoutes } from "../audit";
import { dashboardRoutes } from "../dashboard";
import { targetRoutes } from "../targets";

/** Dashboard, targets and the audit log: staff tools, with the XLSX export (routes/groups.ts). */
export const mount = <S extends Schema, B extends string>(api: HonoBase<AppEnv, S, B>) =>
  api.route("/dashboard", dashboardRoutes).route("/targets", targetRoutes).route("/audit", auditRoutes);
