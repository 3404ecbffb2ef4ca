import { deployedApiDocument } from "@ketnoi/functions/routes/document";

/**
 * Who may call a route at the gateway. `public`: anyone (the app still reads a bearer token when one is sent,
 * e.g. to show a draft to its organisation). `private`: API Gateway rejects requests without a valid Cognito
 * token before the function runs, and the app verifies the token again.
 */
export type RouteAccess = "public" | "private";

export interface ApiRoute {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** API Gateway path syntax (`{id}`), as in the OpenAPI document. */
  readonly path: string;
  readonly access: RouteAccess;
}

type OpenApiPaths = Record<string, Record<string, unknown> | undefined>;
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * The routes of an OpenAPI document: every operation, private exactly when it names a security requirement (the
 * app's `route({ auth })` documents `bearerAuth` on the routes that need a token).
 */
export function routesOf(paths: OpenApiPaths): ApiRoute[] {
  return Object.entries(paths).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item?.[method.toLowerCase()] as { security?: unknown[] } | undefined;
      if (!operation) return [];
      return [{ method, path, access: operation.security?.length ? "private" : "public" } satisfies ApiRoute];
    }),
  );
}

/** The documents themselves, which the document leaves out of its own paths (functions/src/routes/docs.ts). */
export const documentationRoutes: readonly ApiRoute[] = [
  { method: "GET", path: "/api/openapi.json", access: "public" },
  { method: "GET", path: "/api/docs", access: "public" },
];

/**
 * Every route API Gateway sends to a function; anything else gets the gateway's 404. Generated at synth from the
 * deployed app's OpenAPI document (issue 18: written once, in the route's `route({ auth })`), so a new route is
 * routed, and a private one behind the Cognito authorizer, without a line here. The development sign-in
 * (/api/dev-auth/*) is absent: the deployed app does not mount it.
 */
export const apiRoutes: readonly ApiRoute[] = [
  ...documentationRoutes,
  ...routesOf((await deployedApiDocument()).paths as OpenApiPaths),
];
