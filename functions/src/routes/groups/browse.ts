import type { HonoBase } from "hono/hono-base";
import type { Schema } from "hono/types";
import type { AppEnv } from "../../http/env";
import { listingDetailRoutes } from "../listing-detail";
import { recommendationRoutes } from "../recommendations";
import { searchRoutes } from "../search";

/**
 * The public reads of the catalogue: listing detail, search and recommendations (routes/groups.ts `browse`). Every
 * read here goes through the lite data path (db/lite.ts), so its function's bundle carries no ElectroDB (issue 14,
 * infra/bundle-contents.test.ts). One `.route()` line per module.
 */
export const mount = <S extends Schema, B extends string>(api: HonoBase<AppEnv, S, B>) =>
  api
    .route("/listings", listingDetailRoutes)
    .route("/recommendations", recommendationRoutes)
    .route("/search", searchRoutes);
