import type { HonoBase } from "hono/hono-base";
import type { Schema } from "hono/types";
import type { AppEnv } from "../../http/env";
import { listingApplicationRoutes } from "../listing-applications";
import { listingBookingRoutes } from "../listing-bookings";
import { listingInterviewRoutes } from "../listing-interviews";
import { listingRoutes } from "../listings";
import { listingCandidateRoutes } from "../matching";

/**
 * Listings (the feed, writes) and what hangs under them: applications, bookings, candidates, interviews
 * (routes/groups.ts). Listing detail, search and recommendations are the `browse` group's. One `.route()` line per
 * module.
 */
export const mount = <S extends Schema, B extends string>(api: HonoBase<AppEnv, S, B>) =>
  api
    .route("/listings", listingRoutes)
    .route("/listings", listingApplicationRoutes)
    .route("/listings", listingBookingRoutes)
    .route("/listings", listingCandidateRoutes)
    .route("/listings", listingInterviewRoutes);
