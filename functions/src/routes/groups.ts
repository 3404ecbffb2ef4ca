/**
 * The API's route groups (issue 14). Each group is one file under routes/groups/ exporting `mount`, a chain of
 * `.route()` calls; app.ts mounts every group behind the one middleware chain, so there is one OpenAPI document
 * and one authorization.
 *
 * Where to add things:
 * - a route module in a group: ONE line, `.route("/prefix", xRoutes)` (with its import), in that group's file under
 *   routes/groups/. A first path segment no group had yet also goes into that group's `prefixes` below:
 *   routes/groups.test.ts fails naming any documented path whose segment no group claims;
 * - a new group: a file under routes/groups/, an entry here, its `mount` in app.ts's chain, its Lambda entry
 *   functions/src/lambdas/<group>.ts and its name in infra/api.ts `groupFunctions`, and one route of it in
 *   infra/bundle-routes.test.ts (which drives each built Lambda bundle, one route per group).
 *
 * Deployed, each group is a function of its own (issue 14, docs/decisions.md "Cold start"): its entry builds the
 * app with app-base.ts's `buildApp` and this group's `mount` only, so its bundle holds its routes and no other's.
 *
 * Measured and not taken (docs/decisions.md, "Cold start"): loading each group with a dynamic import inside the one
 * bundle. esbuild then wraps the groups' modules for lazy initialisation, which kept the import time the same
 * (compiling the file dominates, not running the routes' top level) and made the bundle ~100 kB larger (less tree
 * shaking).
 */
export const routeGroups = {
  health: { prefixes: ["/health"] },
  // The public reads, over the lite data path (no ElectroDB in the function): listing detail by its route (GET
  // /listings/{id}; the rest of /listings is the catalog's), search and recommendations by their prefixes.
  browse: { prefixes: ["/search", "/recommendations"], gets: ["/listings/{id}"] },
  catalog: { prefixes: ["/listings"] },
  work: { prefixes: ["/applications", "/bookings", "/messages"] },
  // Placement rounds: a few rounds a year, the deferred-acceptance engine and its checks (~90 kB of the work function
  // when it served them, issue 14). An organisation's view of its rounds stays with the organisations group.
  placement: { prefixes: ["/placement-rounds"] },
  organisations: { prefixes: ["/organisations", "/invitations"] },
  account: { prefixes: ["/me", "/students", "/notifications", "/saved-searches", "/mail"] },
  insights: { prefixes: ["/dashboard", "/targets", "/audit"] },
  files: { prefixes: ["/files"] },
} as const satisfies Record<string, { prefixes: readonly `/${string}`[]; gets?: readonly `/${string}`[] }>;

export type RouteGroupName = keyof typeof routeGroups;

/**
 * Groups served by a Lambda function of their own, not by the API function: `files` carries the S3 client and
 * pdf-lib (~600 kB), which every other route's cold start would pay for (files-lambda.ts, infra/api.ts).
 */
export const ownFunctionGroups = ["files"] as const satisfies readonly RouteGroupName[];

/** What the docs function (lambda.ts) mounts to generate the one OpenAPI document: every group but files. */
export const apiFunctionGroups = (Object.keys(routeGroups) as RouteGroupName[]).filter(
  (group) => !(ownFunctionGroups as readonly RouteGroupName[]).includes(group),
);

/**
 * The group serving `method path` (/api/<segment>/…), or undefined for the documents and unknown paths. A group's
 * `gets` (API Gateway syntax, `{id}` matching one segment) claim those GET routes before any group's prefix does.
 */
export function routeGroupOf(path: string, method = "GET"): RouteGroupName | undefined {
  const segments = path.split("/").slice(2);
  if (method === "GET" || method === "HEAD") {
    for (const [name, group] of Object.entries(routeGroups) as [RouteGroupName, { gets?: readonly string[] }][]) {
      const claimed = group.gets?.some((pattern) => {
        const parts = pattern.split("/").slice(1);
        return parts.length === segments.length && parts.every((p, i) => /^\{.+\}$/.test(p) || p === segments[i]);
      });
      if (claimed) return name;
    }
  }
  const segment = `/${segments[0] ?? ""}`;
  const entry = Object.entries(routeGroups).find(([, group]) =>
    (group.prefixes as readonly string[]).includes(segment),
  );
  return entry?.[0] as RouteGroupName | undefined;
}
