import type { Hono } from "hono";
import { Hono as HonoApp } from "hono";
import { generateSpecs } from "hono-openapi";
import { completeDocument } from "../http/openapi";

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

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[ch]};`);

/**
 * GET /api/openapi.json and GET /api/docs, a self-contained human-readable page of the same document. `documented`:
 * the app to describe, or how to build it when the serving app mounts only some route groups (lambda.ts), so the
 * document stays the whole API's.
 */
export function docsRoutes(documented: Hono | (() => Hono)): HonoApp {
  let described: Hono | undefined;
  const app = () => (described ??= typeof documented === "function" ? documented() : documented);
  return new HonoApp()
    .get("/openapi.json", async (c) => c.json(await spec(app())))
    .get("/docs", async (c) => {
      const doc = await spec(app());
      const rows = Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.entries(item ?? {}).map(([method, op]) => {
          const operation = op as {
            summary?: string;
            tags?: string[];
            security?: unknown[];
            responses?: Record<string, unknown>;
          };
          const codes = Object.keys(operation.responses ?? {}).join(", ");
          return `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(operation.summary ?? "")}</td><td>${operation.security?.length ? "🔒" : ""}</td><td>${codes}</td></tr>`;
        }),
      );
      return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>KetNoi API</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:1rem auto;max-width:70rem;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}code{font-size:.9em}</style></head>
<body><main><h1>KetNoi API</h1><p>${escapeHtml(doc.info.description ?? "")}</p><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${doc.openapi}). 🔒 = needs <code>Authorization: Bearer &lt;token&gt;</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Summary</th><th>Auth</th><th>Responses</th></tr></thead><tbody>${rows.join("")}</tbody></table></main></body></html>`);
    });
}
