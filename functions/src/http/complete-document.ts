import { ErrorBodySchema } from "@ketnoi/core";
import { toJsonSchema } from "@valibot/to-json-schema";
import { errorHead } from "./openapi";

// Only what generates the document imports this module (routes/docs.ts): the JSON Schema converter stays out of
// every deployed function, which imports http/openapi.ts for `route` and never generates the document (issue 14).

/** The error response of a status with plain JSON Schema, for the components added after generation. */
const errorComponent = (status: number) => ({
  ...errorHead(status),
  content: { "application/json": { schema: errorBodyJsonSchema() } },
});

const errorBodyJsonSchema = () => {
  const { $schema: _dialect, ...schema } = toJsonSchema(ErrorBodySchema);
  return schema;
};

type Operation = { security?: unknown[]; responses?: Record<string, unknown> };
const httpMethods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/**
 * What every operation shares, added in one place after generation: public operations say `security: []`
 * (no token needed) instead of nothing; every operation may answer 429 with Retry-After (CloudFront's web ACL
 * limits each address on every path, infra/edge.ts) and 500; the API's address.
 */
export function completeDocument<T extends object>(document: T): T {
  const doc = document as {
    servers?: { url: string; description?: string }[];
    paths?: Record<string, Record<string, unknown> | undefined>;
    components?: { responses?: Record<string, unknown> };
  };
  doc.servers = [{ url: "/", description: "The web app's own origin: CloudFront serves the API under /api/" }];
  doc.components = {
    ...doc.components,
    responses: {
      ...doc.components?.responses,
      TooManyRequests: errorComponent(429),
      InternalError: errorComponent(500),
    },
  };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const [method, value] of Object.entries(item ?? {})) {
      if (!httpMethods.has(method)) continue;
      const operation = value as Operation;
      operation.security ??= [];
      operation.responses = {
        ...operation.responses,
        "429": { $ref: "#/components/responses/TooManyRequests" },
        "500": { $ref: "#/components/responses/InternalError" },
      };
    }
  }
  return document;
}
