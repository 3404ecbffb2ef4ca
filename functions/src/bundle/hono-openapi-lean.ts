import { sValidator } from "@hono/standard-validator";
import type { MiddlewareHandler, ValidationTargets } from "hono";
import type { describeRoute as DescribeRoute, validator as Validator } from "hono-openapi";

/**
 * Stands in for `hono-openapi` in the deployed bundles only (infra/function.ts `bundleAliases`). A deployed function
 * never generates the OpenAPI document (the docs function serves it as built by `npm run openapi`); of hono-openapi
 * it runs only what the routes declare at import and the request validation. The real package brings its schema
 * converters with it (@standard-community/standard-json and standard-openapi, quansync, @valibot/to-json-schema:
 * ~21 kB minified in every group function, issue 14), which no request uses.
 *
 * Each export does at run time what hono-openapi 1.3.3's does (node_modules/hono-openapi/dist/index.js), less the
 * conversion: `validator` is the same `sValidator` of @hono/standard-validator with the same arguments (so the same
 * validation, the same hook, the same `c.req.valid` values), `describeRoute` keeps the route's declaration under
 * `uniqueSymbol` (signInFirst reads `security` there, http/private-routes.ts), and `resolver` keeps the schema's
 * vendor and validate without its converters. The tests, the local server and `npm run openapi` run the real
 * package; infra/bundle-routes.test.ts drives the built bundles (a refused body, a transformed query, an anonymous
 * private route) against the sources' answers, and hono-openapi-lean.test.ts holds every route group's public/private
 * table equal with the stand-in and with the real package.
 */
export const uniqueSymbol: unique symbol = Symbol("openapi");

interface StandardSchema {
  "~standard": { vendor: string; validate: (value: unknown) => unknown };
}

/** The schema's vendor and validate, as hono-openapi's `resolver` keeps them; no JSON Schema converter. */
export function resolver(schema: StandardSchema) {
  return { vendor: schema["~standard"].vendor, validate: schema["~standard"].validate };
}

export const validator = ((
  target: keyof ValidationTargets,
  schema: Parameters<typeof sValidator>[1],
  hook?: Parameters<typeof sValidator>[2],
  options?: unknown,
) => {
  const middleware = sValidator(target, schema, hook);
  Object.defineProperty(middleware, "name", { value: "validator", configurable: true });
  return Object.assign(middleware, { [uniqueSymbol]: { target, ...resolver(schema), options } });
}) as unknown as typeof Validator;

export const describeRoute: typeof DescribeRoute = (spec) => {
  const middleware: MiddlewareHandler = async (_c, next) => {
    await next();
  };
  Object.defineProperty(middleware, "name", { value: "describeRoute", configurable: true });
  return Object.assign(middleware, { [uniqueSymbol]: { spec } });
};
