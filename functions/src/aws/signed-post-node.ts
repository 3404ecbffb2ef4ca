import { createHash, createHmac } from "node:crypto";
import type * as Http from "node:http";
import type * as Https from "node:https";
// Named apart from the bundles' banner, which declares `createRequire` at the top of every deployed file.
import { createRequire as requireFrom } from "node:module";

/**
 * node:http and node:https, loaded when the first request of their protocol is sent, and as CommonJS modules: an ES
 * import of node:http makes Node 22 build its module namespace, which reads http's lazy WebSocket getters and so
 * loads undici (fetch, web streams, ~13–18 ms) in every function at import, whether it uses fetch or not
 * (docs/decisions.md, "node:http loaded as CommonJS"). A deployed function only ever sends https; DynamoDB Local
 * is http. `process.getBuiltinModule` (Node ≥ 22.3) returns the CommonJS exports; `require` stands in before it.
 */
const builtin = <T>(id: "node:http" | "node:https"): T =>
  (process.getBuiltinModule?.(id) ?? requireFrom(import.meta.url)(id)) as T;

export interface SigningKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** What a signed POST answered: the parts of fetch's Response that aws/signed-json.ts reads. */
export interface PostAnswer {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

const sha256Hex = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/** SigV4's canonical URI of a non-S3 service: each path segment URI-encoded twice (RFC 3986). */
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const canonicalPath = (pathname: string) =>
  pathname
    .split("/")
    .map((segment) => rfc3986(rfc3986(decodeURIComponent(segment))))
    .join("/");

/**
 * Signs a POST with AWS Signature Version 4 (header form) by node:crypto: the signed headers are `host`,
 * `x-amz-date`, every `x-amz-*` header given (the target, the session token) and `content-type`; the payload by its
 * SHA-256. The signing key is derived once per day and service. The stand-in servers of the tests recompute every
 * signature with the SDK's own signer (@smithy/signature-v4, functions/test/cognito-local.ts).
 */
export function sigV4Signer(keys: SigningKeys, region: string, service: string) {
  let keyDate = "";
  let signingKey: Buffer = Buffer.alloc(0);
  return function sign(
    url: URL,
    headers: Record<string, string>,
    body: string,
    now = new Date(),
  ): Record<string, string> {
    const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, "");
    const date = amzDate.slice(0, 8);
    if (date !== keyDate) {
      signingKey = hmac(hmac(hmac(hmac(`AWS4${keys.secretAccessKey}`, date), region), service), "aws4_request");
      keyDate = date;
    }
    const all: Record<string, string> = { ...headers, host: url.host, "x-amz-date": amzDate };
    if (keys.sessionToken) all["x-amz-security-token"] = keys.sessionToken;
    const names = Object.keys(all)
      .map((name) => name.toLowerCase())
      .sort();
    const lower = Object.fromEntries(Object.entries(all).map(([name, value]) => [name.toLowerCase(), value]));
    const signedHeaders = names.join(";");
    const canonicalRequest = [
      "POST",
      canonicalPath(url.pathname),
      "",
      ...names.map((name) => `${name}:${String(lower[name]).trim().replace(/\s+/g, " ")}`),
      "",
      signedHeaders,
      sha256Hex(body),
    ].join("\n");
    const scope = `${date}/${region}/${service}/aws4_request`;
    const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
    const signature = createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex");
    return {
      ...lower,
      authorization: `AWS4-HMAC-SHA256 Credential=${keys.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    };
  };
}

// One keep-alive pool per process and protocol, as the SDK's node-http-handler keeps (maxSockets 50).
let http: { agent: Http.Agent; request: typeof Http.request } | undefined;
let https: { agent: Https.Agent; request: typeof Https.request } | undefined;

function protocolOf(url: URL) {
  if (url.protocol === "https:") {
    if (!https) {
      const { Agent, request } = builtin<typeof Https>("node:https");
      https = { agent: new Agent({ keepAlive: true, maxSockets: 50 }), request };
    }
    return https;
  }
  if (!http) {
    const { Agent, request } = builtin<typeof Http>("node:http");
    http = { agent: new Agent({ keepAlive: true, maxSockets: 50 }), request };
  }
  return http;
}

/**
 * POSTs `body` with `headers` by node:http(s) over a keep-alive agent; resolves with the whole answer. A request cut
 * by `signal` rejects with the signal's reason (AbortSignal.timeout's TimeoutError), as fetch does; a refused or
 * dropped connection with Node's error (`code` ECONNREFUSED, ECONNRESET…).
 */
export function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<PostAnswer> {
  const { agent, request: send } = protocolOf(url);
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const request = send(
      url,
      { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          signal.removeEventListener("abort", onAbort);
          const text = Buffer.concat(chunks).toString("utf8");
          const status = response.statusCode ?? 0;
          resolve({
            status,
            ok: status >= 200 && status < 300,
            headers: {
              get: (name) => {
                const value = response.headers[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
              },
            },
            text: async () => text,
            json: async () => JSON.parse(text) as unknown,
          });
        });
      },
    );
    const onAbort = () => {
      request.destroy();
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    request.on("error", (error) => {
      signal.removeEventListener("abort", onAbort);
      reject(error);
    });
    request.end(body);
  });
}
