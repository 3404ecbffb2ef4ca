import { Hono } from "hono";
import type { AppBase } from "../app-base";
import { spec } from "./docs";
import type { RouteGroupName } from "./groups";
import { mount as mountAccount } from "./groups/account";
import { mount as mountBrowse } from "./groups/browse";
import { mount as mountCatalog } from "./groups/catalog";
import { mount as mountFiles } from "./groups/files";
import { mount as mountHealth } from "./groups/health";
import { mount as mountInsights } from "./groups/insights";
import { mount as mountOrganisations } from "./groups/organisations";
import { mount as mountPlacement } from "./groups/placement";
import { mount as mountWork } from "./groups/work";

// Keyed by group, so that a group added to routes/groups.ts and not here fails the type check.
const mounts = {
  health: mountHealth,
  browse: mountBrowse,
  catalog: mountCatalog,
  placement: mountPlacement,
  work: mountWork,
  organisations: mountOrganisations,
  account: mountAccount,
  insights: mountInsights,
  files: mountFiles,
} satisfies Record<RouteGroupName, unknown>;

/**
 * The OpenAPI document of the deployed API, built without configuration: every route group mounted under /api with
 * no middleware chain (it documents nothing) and no development sign-in (the deployed app never mounts it).
 * infra/routes.ts derives API Gateway's routes and their security from it at synth; infra/routes.test.ts checks it
 * equals what the deployed app serves at /api/openapi.json.
 */
export function deployedApiDocument(): ReturnType<typeof spec> {
  const api = Object.values(mounts).reduce(
    (base, mount) => mount(base) as unknown as AppBase,
    new Hono() as unknown as AppBase,
  );
  return spec(new Hono().route("/api", api as unknown as Hono));
}
