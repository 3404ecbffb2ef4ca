import type { HonoBase } from "hono/hono-base";
import type { Schema } from "hono/types";
import type { AppEnv } from "../../http/env";
import { enrolmentRoutes } from "../enrolments";
import { invitationRoutes, memberRoutes } from "../members";
import { organisationPlacementRoutes } from "../organisation-placement";
import { organisationRoutes } from "../organisations";

/** Organisations, their members, enrolments and invitations (routes/groups.ts). One `.route()` line per module. */
export const mount = <S extends Schema, B extends string>(api: HonoBase<AppEnv, S, B>) =>
  api
    .route("/organisations", organisationRoutes)
    .route("/organisations", memberRoutes)
    .route("/organisations", organisationPlacementRoutes)
    .route("/organisations", enrolmentRoutes)
    .route("/invitations", invitationRoutes);
