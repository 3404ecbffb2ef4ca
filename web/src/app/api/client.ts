import type { AppType } from "@ketnoi/functions";
import type { devAuthRoutes } from "@ketnoi/functions/routes/dev-auth";
import { hc } from "hono/client";

/** An API failure the UI can explain: the server's stable `code` and its message (or a network failure). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** For `validation_failed`: each problem's field path (e.g. `name.vi`) and the server's message. */
    readonly details?: ReadonlyArray<{ path: string; message: string }>,
    /** Other codes' facts (e.g. `capacity_full`: `{ seatsLeft }`), for messages that state them. */
    readonly facts?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

let tokenSource: () => string | null = () => null;
let onUnauthenticated: () => void = () => {};

/**
 * Lets the session store supply the bearer token and hear about rejected tokens, without the client importing
 * the store (which itself calls the client).
 */
export function connectSession(source: { token: () => string | null; onUnauthenticated: () => void }) {
  tokenSource = source.token;
  onUnauthenticated = source.onUnauthenticated;
}

/**
 * The typed API client. Requests go to the same origin: Vite proxies `/api` locally, CloudFront in deploy.
 * @example const res = await api.listings.$get({ query: { limit: "12" } });
 */
export const api = hc<AppType>("/", {
  headers: (): Record<string, string> => {
    const token = tokenSource();
    return token ? { Authorization: `Bearer ${token}` } : {};
  },
}).api;

/**
 * The development identity provider. Typed on its own because the API mounts it only when DEV_AUTH is on,
 * so it is not part of AppType. It never needs a token.
 */
export const devAuthApi = hc<typeof devAuthRoutes>("/api/dev-auth");

interface JsonResponse<T> {
  ok: boolean;
  status: number;
  json(): Promise<T>;
}

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

async function errorFrom(res: Response | JsonResponse<unknown>): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (isErrorBody(body)) {
    const details = Array.isArray(body.error.details)
      ? body.error.details.filter(
          (d): d is { path: string; message: string } => typeof d?.path === "string" && typeof d?.message === "string",
        )
      : undefined;
    const facts =
      body.error.details && typeof body.error.details === "object" && !Array.isArray(body.error.details)
        ? (body.error.details as Record<string, unknown>)
        : undefined;
    return new ApiError(body.error.code, body.error.message, res.status, details, facts);
  }
  // A proxy or gateway answered instead of the API (e.g. the API is down): not the API's error shape.
  return new ApiError("http_error", `HTTP ${res.status}`, res.status);
}

/**
 * Sends a request built with `api` and returns its JSON body; any failure becomes an `ApiError`.
 * @example const page = await request(() => api.listings.$get({ query: {} }));
 */
export async function request<T>(send: () => Promise<JsonResponse<T>>): Promise<T> {
  let res: JsonResponse<T>;
  try {
    res = await send();
  } catch (error) {
    throw new ApiError("network", error instanceof Error ? error.message : String(error), 0);
  }
  if (!res.ok) {
    const error = await errorFrom(res);
    if (error.code === "unauthenticated") onUnauthenticated();
    throw error;
  }
  // 204 No Content (e.g. marking a notification read) has no body to parse.
  if (res.status === 204) return undefined as T;
  return res.json();
}

/** Any thrown value as an ApiError, so views handle one error type. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError("client_error", error instanceof Error ? error.message : String(error), 0);
}
