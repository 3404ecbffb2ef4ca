import { ErrorBodySchema } from "@ketnoi/core";
import { toJsonSchema } from "@valibot/to-json-schema";
import { resolver } from "hono-openapi";
import type { GenericSchema } from "valibot";

/** OpenAPI response entries: the success body and the error shape every route shares. */
export function responses(ok: Record<number, { description: string; schema?: GenericSchema }>, errors: number[] = []) {
  const entries: Record<
    string,
    {
      description: string;
      headers?: Record<string, { description: string; schema: { type: "integer"; minimum: number } }>;
      content?: Record<string, { schema: ReturnType<typeof resolver> }>;
    }
  > = {};
  for (const [status, { description, schema }] of Object.entries(ok)) {
    entries[status] = schema
      ? { description, content: { "application/json": { schema: resolver(schema) } } }
      : { description };
  }
  for (const status of errors) entries[String(status)] = errorResponse(status);
  return entries;
}

/** The error response of a status, as every operation documents it (429 with its Retry-After header). */
const errorResponse = (status: number) => ({
  ...errorHead(status),
  content: { "application/json": { schema: resolver(ErrorBodySchema) } },
});
/** The same, with plain JSON Schema, for the components added after generation (no resolver runs there). */
const errorComponent = (status: number) => ({
  ...errorHead(status),
  content: { "application/json": { schema: errorBodyJsonSchema } },
});
const errorHead = (status: number) => ({
  description: errorDescriptions[status] ?? "Error",
  ...(status === 429 ? { headers: { "Retry-After": retryAfterHeader } } : {}),
});

const { $schema: _dialect, ...errorBodyJsonSchema } = toJsonSchema(ErrorBodySchema);

const retryAfterHeader = {
  description: "Seconds to wait before trying again.",
  schema: { type: "integer" as const, minimum: 1 },
};

const errorDescriptions: Record<number, string> = {
  400: "Invalid input (validation_failed, invalid_json)",
  401: "Not signed in or invalid token (unauthenticated), or the account was erased or disabled (account_erased)",
  403: "Not allowed (forbidden, organisation_unverified, role_mismatch; mfa_required: a staff, recruiter, province or admin token without a second factor)",
  404: "Not found (not_found)",
  409: "Conflict (version_conflict, already_exists, invalid_transition, capacity_full, listing_closed, deadline_passed…; see docs/api.md)",
  413: "Body too large (payload_too_large)",
  415: "Body is not JSON (unsupported_media_type)",
  429: "Too many requests (rate_limited): from the route's own limit or the edge's per-address limit (docs/api.md)",
  500: "Unexpected error (internal_error); nothing about it is sent",
  503: "Database unavailable (database_unavailable)",
};

/** Security requirement for routes that need a signed-in user. */
export const bearer = [{ bearerAuth: [] }];

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
