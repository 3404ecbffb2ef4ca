import type { HonoBase } from "hono/hono-base";
import type { Schema } from "hono/types";
import type { AppEnv } from "../../http/env";
import { placementRoutes } from "../placement";

/** Placement rounds: creation, preferences, rankings, the run, responses and re-offers (routes/groups.ts). */
export const mount = <S extends Schema, B extends string>(api: HonoBase<AppEnv, S, B>) =>
  api.route("/placement-rounds", placementRoutes);
