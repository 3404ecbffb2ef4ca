import { ErrorBodySchema } from "@ketnoi/core";
import { resolver } from "hono-openapi";
import type { GenericSchema } from "valibot";

/** OpenAPI response entries: the success body and the error shape every route shares. */
export function responses(ok: Record<number, { description: string; schema?: GenericSchema }>, errors: number[] = []) {
  const entries: Record<
    string,
    { description: string; content?: Record<string, { schema: ReturnType<typeof resolver> }> }
  > = {};
  for (const [status, { description, schema }] of Object.entries(ok)) {
    entries[status] = schema
      ? { description, content: { "application/json": { schema: resolver(schema) } } }
      : { description };
  }
  for (const status of errors) {
    entries[String(status)] = {
      description: errorDescriptions[status] ?? "Error",
      content: { "application/json": { schema: resolver(ErrorBodySchema) } },
    };
  }
  return entries;
}

const errorDescriptions: Record<number, string> = {
  400: "Invalid input (validation_failed, invalid_json)",
  401: "Not signed in or invalid token (unauthenticated), or the account was erased or disabled (account_erased)",
  403: "Not allowed (forbidden, organisation_unverified, role_mismatch)",
  404: "Not found (not_found)",
  409: "Conflict (version_conflict, already_exists, invalid_transition, capacity_full, listing_closed, deadline_passed…; see docs/api.md)",
  413: "Body too large (payload_too_large)",
  415: "Body is not JSON (unsupported_media_type)",
  429: "Too many requests (rate_limited)",
  503: "Database unavailable (database_unavailable)",
};

/** Security requirement for routes that need a signed-in user. */
export const bearer = [{ bearerAuth: [] }];
