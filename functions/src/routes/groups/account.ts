import type { HonoBase } from "hono/hono-base";
import type { Schema } from "hono/types";
import type { AppEnv } from "../../http/env";
import { mailPreferenceRoutes, mailRoutes } from "../mail";
import { meRoutes } from "../me";
import { notificationRoutes } from "../notifications";
import { privacyRoutes } from "../privacy";
import { savedSearchRoutes } from "../saved-searches";
import { studentRoutes } from "../students";

/** The signed-in person's own things (routes/groups.ts). One `.route()` line per module. */
export const mount = <S extends Schema, B extends string>(api: HonoBase<AppEnv, S, B>) =>
  api
    .route("/me", meRoutes)
    .route("/me/mail-preferences", mailPreferenceRoutes)
    .route("/mail", mailRoutes)
    .route("/saved-searches", savedSearchRoutes)
    .route("/students", studentRoutes)
    .route("/students", privacyRoutes)
    .route("/notifications", notificationRoutes);
