import type { Principal } from "@ketnoi/core";

/** Hono environment shared by every route: the caller, if signed in. */
export interface AppEnv {
  Variables: { principal: Principal | null };
}
