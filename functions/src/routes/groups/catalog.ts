import type { HonoBase } from "hono/hono-base";
import type { Schema } from "hono/types";
import type { AppEnv } from "../../http/env";
import { listingApplicationRoutes } from "../applications";
import { listingBookingRoutes } from "../bookings";
import { listingInterviewRoutes } from "../interviews";
import { listingRoutes } from "../listings";
import { listingCandidateRoutes, recommendationRoutes } from "../matching";
import { searchRoutes } from "../search";

/** Listings, search and recommendations: the public hot path (routes/groups.ts). One `.route()` line per module. */
export const mount = <S extends Schema, B extends string>(api: HonoBase<AppEnv, S, B>) =>
  api
    .route("/listings", listingRoutes)
    .route("/listings", listingApplicationRoutes)
    .route("/listings", listingBookingRoutes)
    .route("/listings", listingCandidateRoutes)
    .route("/listings", listingInterviewRoutes)
    .route("/recommendations", recommendationRoutes)
    .route("/search", searchRoutes);
