import type { HonoBase } from "hono/hono-base";
import type { Schema } from "hono/types";
import type { AppEnv } from "../../http/env";
import { applicationRoutes } from "../applications";
import { bookingRoutes } from "../bookings";
import { interviewRoutes } from "../interviews";
import { applicationMessageRoutes, messageRoutes } from "../messages";
import { offerRoutes } from "../offers";

/** Applications with their interviews, offers and messages, and bookings (routes/groups.ts). One `.route()` line per module. */
export const mount = <S extends Schema, B extends string>(api: HonoBase<AppEnv, S, B>) =>
  api
    .route("/applications", applicationRoutes)
    .route("/applications", applicationMessageRoutes)
    .route("/applications", interviewRoutes)
    .route("/applications", offerRoutes)
    .route("/messages", messageRoutes)
    .route("/bookings", bookingRoutes);
