import type { Hono } from "hono";
import { generateSpecs } from "hono-openapi";
import { completeDocument } from "../http/complete-document";
import { documentRoutes } from "./docs-page";

type OpenApiDocument = Awaited<ReturnType<typeof generateSpecs>>;
let cachedSpec: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document, generated once from the routes' core schemas. */
export async function spec(app: Hono): Promise<OpenApiDocument> {
  if (cachedSpec) return cachedSpec;
  const doc = await generateSpecs(app, {
    documentation: {
      openapi: "3.1.0",
      info: {
        title: "KetNoi API",
        version: "0.1.0",
        description:
          "Đồng Nai's university–province talent bridge. Errors share one shape: { error: { code, message, details? } }. " +
          "Every write accepts an `Idempotency-Key` header so that retries have one effect (see docs/api.md).",
      },
      components: {
        securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
        parameters: { IdempotencyKey: idempotencyKeyParameter },
      },
    },
    exclude: ["/api/openapi.json", "/api/docs"],
  });
  for (const item of Object.values(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(item ?? {}) as [string, { parameters?: unknown[] }][]) {
      if (!writeMethods.has(method)) continue;
      operation.parameters = [...(operation.parameters ?? []), { $ref: "#/components/parameters/IdempotencyKey" }];
    }
  }
  cachedSpec = completeDocument(doc);
  return cachedSpec;
}

const writeMethods = new Set(["post", "put", "patch", "delete"]);
/** The header of functions/src/http/idempotency.ts, documented once and referenced by every write. */
const idempotencyKeyParameter = {
  name: "Idempotency-Key",
  in: "header" as const,
  required: false,
  description:
    "8–128 printable ASCII characters, new for each intended write. A retry with the same key and body within 24 h " +
    "gets the first response again (header `Idempotent-Replayed: true`); another body → 409 `idempotency_key_reused`; " +
    "while the first still runs → 409 `idempotency_in_progress`.",
  schema: { type: "string" as const, minLength: 8, maxLength: 128, pattern: "^[\\x21-\\x7e]+$" },
};

/**
 * GET /api/openapi.json and GET /api/docs, a self-contained human-readable page of the same document. `documented`:
 * the app to describe, or how to build it when the serving app mounts only some route groups (lambda.ts), so the
 * document stays the whole API's.
 */
export function docsRoutes(documented: Hono | (() => Hono)): Hono {
  let described: Hono | undefined;
  const app = () => (described ??= typeof documented === "function" ? documented() : documented);
  return documentRoutes({ document: () => spec(app()) });
}
