import { type PostAnswer, post, sigV4Signer } from "./signed-post-node";

export type Json = Record<string, unknown>;

/**
 * An error an AWS service answered, shaped as the SDK's ServiceException: `name` the service's error code, the
 * message, and `$metadata` with the HTTP status, so callers (http/errors.ts, data/guard.ts, auth/account-lock.ts)
 * classify it exactly as the SDK's.
 */
export class AwsServiceError extends Error {
  readonly $fault: "client" | "server";
  readonly $metadata: { httpStatusCode: number; requestId?: string; attempts: number };

  constructor(name: string, message: string, status: number, requestId: string | undefined) {
    super(message);
    this.name = name;
    this.$fault = status >= 500 ? "server" : "client";
    this.$metadata = { httpStatusCode: status, requestId, attempts: 1 };
  }
}

/** What a failed answer says: the error's name as the SDK's JSON protocols read it, its message and the body. */
export async function errorAnswer(response: PostAnswer, service: string) {
  const text = await response.text();
  let body: Json = {};
  try {
    body = JSON.parse(text) as Json;
  } catch {
    // A proxy's or load balancer's HTML page: named by its status below.
  }
  // The SDK's loadRestJsonErrorCode + sanitizeErrorCode: the header, else `code`, else `__type`; the part after a
  // namespace (`com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException`), before a `:` (a URL suffix)
  // and before a `,`.
  const raw = response.headers.get("x-amzn-errortype") ?? body.code ?? body.__type;
  const code = typeof raw === "string" ? (raw.split(",")[0]?.split(":")[0] ?? "") : "";
  const name =
    code.slice(code.lastIndexOf("#") + 1) ||
    (response.status === 503 ? "ServiceUnavailable" : response.status >= 500 ? "InternalServerError" : "UnknownError");
  const message = String(body.message ?? body.Message ?? `${service} answered ${response.status}`);
  return { name, message, body, requestId: response.headers.get("x-amzn-requestid") ?? undefined };
}

/** Error names the SDK retries (its throttling and transient errors). */
const retryableNames = new Set([
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "TooManyRequestsException",
  "TransactionInProgressException",
  "InternalServerError",
  "ServiceUnavailable",
  "TimeoutError",
]);
const throttlingNames = new Set([...retryableNames].filter((name) => /Throttl|Exceeded|TooMany/.test(name)));
// The SDK's TRANSIENT_ERROR_CODES and NODEJS_NETWORK_ERROR_CODES (@smithy/service-error-classification).
const retryableCodes = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Whether the SDK's standard retry strategy would try again after this error (its cause chain included). */
export function isRetryable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const err = e as { name?: string; code?: string; cause?: unknown; $metadata?: { httpStatusCode?: number } };
    if (err.name && retryableNames.has(err.name)) return true;
    if (err.code && retryableCodes.has(err.code)) return true;
    if ((err.$metadata?.httpStatusCode ?? 0) >= 500) return true;
    e = err.cause;
  }
  return false;
}

/** The SDK's standard retry delay: full jitter over 100 ms × 2^attempt, 500 ms for throttling, at most 20 s. */
export const retryDelay = (error: unknown, attempt: number) =>
  Math.random() *
  Math.min(
    20_000,
    ((error as { name?: string }).name && throttlingNames.has((error as Error).name) ? 500 : 100) * 2 ** attempt,
  );

export interface SignedJsonOptions {
  /** The SigV4 signing name: "dynamodb", "cognito-idp". */
  service: string;
  region: string;
  /** Where to POST: the service's regional endpoint, or a local stand-in. */
  url: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** The JSON protocol's version: 1.0 for DynamoDB, 1.1 for Cognito. */
  jsonVersion: "1.0" | "1.1";
  /** The `X-Amz-Target` before the operation's name: "DynamoDB_20120810", "AWSCognitoIdentityProviderService". */
  targetPrefix: string;
  /** How long one attempt may take before it fails as TimeoutError. */
  requestTimeoutMs: number;
  /** Attempts per call, the first included (2, as db/client.ts's `maxAttempts`). */
  maxAttempts?: number;
  /** The error a failed answer becomes (errorAnswer read into the caller's error class). */
  error: (response: PostAnswer) => Promise<Error>;
}

/**
 * One operation of an AWS JSON-protocol service (`X-Amz-Target: <prefix>.<Operation>`,
 * `application/x-amz-json-1.x`) as a SigV4-signed POST instead of the SDK's client and @smithy (~180–200 kB each,
 * issue 14): `maxAttempts` attempts for throttling, 5xx, timeouts and dropped connections with the SDK's jittered
 * backoff; each attempt cut after `requestTimeoutMs` as `TimeoutError`. Signed by node:crypto and sent by node:http(s)
 * over a keep-alive agent (aws/signed-post-node.ts), not aws4fetch and the global fetch: Node loads fetch (undici, its
 * WASM HTTP parser, web streams) and WebCrypto on first use, which put ~35–90 ms into every function's first request
 * (docs/benchmarks.md "Where the first request's time went"). db/transport-fetch.ts (DynamoDB) and
 * auth/cognito-admin.ts (Cognito's admin operations) call through it.
 */
export function signedJsonCaller(options: SignedJsonOptions): (operation: string, payload: string) => Promise<Json> {
  const sign = sigV4Signer(
    {
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      ...(options.sessionToken ? { sessionToken: options.sessionToken } : {}),
    },
    options.region,
    options.service,
  );
  const url = new URL(options.url);
  const maxAttempts = options.maxAttempts ?? 2;
  const contentType = `application/x-amz-json-${options.jsonVersion}`;

  return async function call(operation, payload) {
    for (let attempt = 1; ; attempt++) {
      try {
        const headers = sign(
          url,
          { "content-type": contentType, "x-amz-target": `${options.targetPrefix}.${operation}` },
          payload,
        );
        const response = await post(url, headers, payload, AbortSignal.timeout(options.requestTimeoutMs));
        if (!response.ok) throw await options.error(response);
        return (await response.json()) as Json;
      } catch (error) {
        if (attempt >= maxAttempts || !isRetryable(error)) {
          if (error instanceof AwsServiceError) error.$metadata.attempts = attempt;
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, retryDelay(error, attempt)));
      }
    }
  };
}
