import { ErrorBodySchema, errorCodesOf } from "@ketnoi/core";
import { describeRoute, resolver } from "hono-openapi";
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
/** A status's description (and 429's Retry-After header), as every operation and component documents it. */
export const errorHead = (status: number) => ({
  description: errorDescription(status),
  ...(status === 429 ? { headers: { "Retry-After": retryAfterHeader } } : {}),
});

const retryAfterHeader = {
  description: "Seconds to wait before trying again.",
  schema: { type: "integer" as const, minimum: 1 },
};

/** What each error status means; the codes after it come from core's `errorCatalogue`, so a new code shows here. */
const statusTitles: Record<number, string> = {
  400: "Invalid input",
  401: "Not signed in, invalid token, or the account was erased or disabled",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict (see docs/api.md)",
  410: "Gone",
  413: "Body too large",
  415: "Body is not JSON",
  422: "Unacceptable upload",
  429: "Too many requests: from the route's own limit or the edge's per-address limit (docs/api.md)",
  500: "Unexpected error; nothing about it is sent",
  503: "A backing service is unavailable; try again later",
};
const errorDescription = (status: number) => {
  const codes = errorCodesOf(status);
  const title = statusTitles[status] ?? "Error";
  return codes.length ? `${title} (${codes.join(", ")})` : title;
};

/** Security requirement for routes that need a signed-in user. */
export const bearer = [{ bearerAuth: [] }];

type OkResponses = Parameters<typeof responses>[0];

/** What a route's documentation says beyond the standard: its tags, summary, success bodies and own errors. */
export interface RouteDoc {
  tags: string[];
  summary: string;
  description?: string;
  /** Needs a signed-in user: `security: bearer`, 401, and 403 (the policy's refusals; `mfa_required`). */
  auth?: boolean;
  /** Reads a JSON body: 400 (validation, unreadable JSON), 413 (too large) and 415 (not JSON). */
  body?: boolean;
  ok: OkResponses;
  /** The route's own error statuses (404, 409, 422…; 400 for a route that validates only its path or query). */
  errors?: number[];
}

/** The statuses every route of a kind may answer, as the middleware chain (app.ts) produces them. */
export const standardErrors = (doc: Pick<RouteDoc, "auth" | "body">) => [
  ...(doc.body ? [400, 413, 415] : []),
  ...(doc.auth ? [401, 403] : []),
  // Every route reads DynamoDB (or the search index, or the file store): any may find it unavailable.
  503,
];

/**
 * A route's OpenAPI operation with the standard responses added (`standardErrors`): routes list only their own.
 * Descriptions of each status come from the error catalogue (`errorResponse`).
 * @example .post("/", route({ tags: ["Listings"], summary: "Create", auth: true, body: true, ok: { 201: … }, errors: [404] }), …)
 */
export function route({ auth, body, ok, errors = [], ...doc }: RouteDoc) {
  const statuses = [...new Set([...standardErrors({ auth, body }), ...errors])].sort((a, b) => a - b);
  return describeRoute({ ...doc, ...(auth ? { security: bearer } : {}), responses: responses(ok, statuses) });
}
