import { Hono } from "hono";

/** What the pages read of an OpenAPI document. */
export interface OpenApiDocument {
  openapi: string;
  info: { description?: string };
  paths: Record<string, Record<string, unknown> | undefined>;
}

/** Where the document comes from: generated from the app (routes/docs.ts) or as built (routes/deployed-document.ts). */
export interface DocumentSource {
  document: () => Promise<OpenApiDocument>;
  /** The document's JSON, gzip-compressed once at build time: sent as is to a client that accepts gzip. */
  gzipped?: () => Uint8Array;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[ch]};`);

/** Whether an Accept-Encoding header admits gzip (a `q=0` refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? "").split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** The docs page: every operation in a table, self-contained (the API's CSP allows no other source). */
export function docsPage(doc: OpenApiDocument): string {
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
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>KetNoi API</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:1rem auto;max-width:70rem;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}code{font-size:.9em}</style></head>
<body><main><h1>KetNoi API</h1><p>${escapeHtml(doc.info.description ?? "")}</p><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${doc.openapi}). 🔒 = needs <code>Authorization: Bearer &lt;token&gt;</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Summary</th><th>Auth</th><th>Responses</th></tr></thead><tbody>${rows.join("")}</tbody></table></main></body></html>`;
}

/**
 * GET /openapi.json and GET /docs, a self-contained human-readable page of the same document. Without the generator
 * (hono-openapi) or any route group, so the deployed docs function (lambda.ts) carries only these and the chain.
 */
export function documentRoutes(source: DocumentSource): Hono {
  return new Hono()
    .get("/openapi.json", async (c) => {
      if (source.gzipped && acceptsGzip(c.req.header("accept-encoding"))) {
        c.header("vary", "accept-encoding");
        return c.body(source.gzipped() as Uint8Array<ArrayBuffer>, 200, {
          "content-type": "application/json",
          "content-encoding": "gzip",
        });
      }
      if (source.gzipped) c.header("vary", "accept-encoding");
      return c.json(await source.document());
    })
    .get("/docs", async (c) => c.html(docsPage(await source.document())));
}
