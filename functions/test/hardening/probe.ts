import { requestApi } from "../helpers";

/** One operation of the OpenAPI document: what the fuzzer and the authorization matrix iterate over. */
export interface ApiRoute {
  /** `METHOD /api/path/{param}`, the key of the authorization table. */
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
  /** Whether the document marks the route as needing a bearer token. */
  secured: boolean;
}

/** The subset of JSON Schema that hono-openapi emits for KetNoi's valibot schemas. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
}

/** A response as the tests read it: status, headers, raw text and the parsed JSON (undefined when not JSON). */
export interface Probe {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response bodies by path.
  json: any;
}

/**
 * Sends a request to the in-process app. Unlike `call()` in functions/test/helpers.ts it sends raw bytes as they
 * are (invalid UTF-8 included) and any headers, so the fuzzer controls the whole request.
 */
export async function send(
  method: string,
  path: string,
  options: { token?: string; body?: string | Uint8Array; headers?: Record<string, string> } = {},
): Promise<Probe> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await requestApi(path, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: options.body as RequestInit["body"] }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Sends a JSON body (the common case). */
export function sendJson(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
  return send(method, path, {
    ...(options.token ? { token: options.token } : {}),
    ...(options.body === undefined
      ? {}
      : { body: JSON.stringify(options.body), headers: { "content-type": "application/json" } }),
  });
}

interface OpenApiOperation {
  security?: unknown[];
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** Every operation the API documents, read from its own OpenAPI document so that new routes are covered. */
export async function apiRoutes(): Promise<ApiRoute[]> {
  const doc = (await send("GET", "/api/openapi.json")).json as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([verb, op]) => {
      const method = verb.toUpperCase();
      const parameters = op.parameters ?? [];
      return {
        key: `${method} ${path}`,
        method,
        path,
        pathParams: parameters.filter((p) => p.in === "path").map((p) => p.name),
        query: parameters
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, required: !!p.required, schema: p.schema })),
        ...(op.requestBody ? { body: op.requestBody.content["application/json"]!.schema } : {}),
        secured: !!op.security?.length,
      };
    }),
  );
}

/**
 * Puts values into an OpenAPI path. Values are percent-encoded unless `raw` (the fuzzer's malformed escapes).
 * @example fillPath("/api/listings/{id}", { id: "l-1" }) // "/api/listings/l-1"
 */
export function fillPath(path: string, values: Record<string, string>, raw = false): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name] ?? "x";
    return raw ? value : encodeSegment(value);
  });
}

/** encodeURIComponent, except that a lone surrogate becomes the (invalid UTF-8) bytes a sloppy client would send. */
function encodeSegment(value: string): string {
  return [...value].map((ch) => (/^[\uD800-\uDFFF]$/.test(ch) ? "%ED%A0%80" : encodeURIComponent(ch))).join("");
}
