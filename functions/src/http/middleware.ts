import { type Action, authorize, type Principal, type Resource } from "@ketnoi/core";
import type { Context, MiddlewareHandler } from "hono";
import { accountLock } from "../auth/account-lock";
import { principalFromToken } from "../auth/verify";
import { clientAddress } from "./client-address";
import type { AppEnv } from "./env";
import { AppError } from "./errors";

/** Reads the bearer token, if any, into `c.var.principal`. A present but invalid token is a 401. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization");
  if (!header) {
    c.set("principal", null);
    return next();
  }
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header);
  if (!match) throw new AppError("unauthenticated", "Thiếu hoặc sai định dạng mã đăng nhập (Bearer).");
  const principal = await principalFromToken(match[1]!);
  // A valid signature is not enough: an erased or disabled account's tokens are refused on every route.
  const lock = await accountLock(principal.userId);
  if (lock) {
    throw new AppError(
      "account_erased",
      lock === "erased"
        ? "Tài khoản này đã bị xóa; mã đăng nhập không còn dùng được."
        : "Tài khoản này đã bị khóa; mã đăng nhập không còn dùng được.",
    );
  }
  c.set("principal", principal);
  return next();
};

/** The signed-in principal, or a 401. */
export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get("principal");
  if (!principal) throw new AppError("unauthenticated");
  return principal;
}

/** Asks the policy; throws its reason (401 or 403, with the catalogue's message) when it says no. */
export function enforce(c: Context<AppEnv>, action: Action, resource: Resource = {}): Principal {
  const principal = c.get("principal");
  const decision = authorize(principal, action, resource);
  if (!decision.allowed) {
    throw new AppError(decision.reason);
  }
  return principal!;
}

const bodyMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Whether the API reads the body of a request with this method; other bodies are never read (nor buffered). */
export const readsBody = (method: string) => bodyMethods.has(method);

/** Write requests with a body must send JSON (415 otherwise), so that no other body format reaches a handler. */
export const requireJson: MiddlewareHandler = async (c, next) => {
  if (!bodyMethods.has(c.req.method)) return next();
  const length = c.req.header("content-length");
  // Over real HTTP/1.1 a request has a body only if it says so (Content-Length or Transfer-Encoding): the Node
  // adapter gives every DELETE a (empty) body stream, so a body-less DELETE from a Node client was refused with 415.
  // Without the Node socket's headers (in-process requests, Lambda) the Request's own body decides; reading
  // `raw.body` makes the Node adapter build a whole Request: only done for methods that carry one.
  const incoming = (c.env as { incoming?: { headers?: Record<string, unknown> } } | undefined)?.incoming;
  const hasBody =
    length !== undefined
      ? length !== "0"
      : incoming?.headers
        ? incoming.headers["transfer-encoding"] !== undefined
        : c.req.raw.body !== null;
  if (hasBody) {
    const type = c.req.header("content-type") ?? "";
    // RFC 8058: a mail client's one-click unsubscribe posts a form (`List-Unsubscribe=One-Click`), never JSON.
    const oneClick =
      c.req.path === "/api/mail/unsubscribe" &&
      /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type);
    if (!oneClick && !/^application\/json(\s*;|$)/i.test(type)) {
      throw new AppError("unsupported_media_type");
    }
  }
  return next();
};

/**
 * A fixed-window rate limit per client address (`clientAddress`: never a header the client sets), kept in memory (per Lambda instance in deploy, where API
 * Gateway throttling is the outer guard).
 */
export function rateLimit(options: {
  windowMs: number;
  max: number;
  /** Whom the limit counts: the client address unless given (e.g. the signed-in sender, for messages). */
  key?: (c: Context<AppEnv>) => string;
}): MiddlewareHandler<AppEnv> {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return async (c, next) => {
    const now = Date.now();
    const key = options.key?.(c) ?? clientAddress(c);
    const entry = hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (hits.size > 10_000) hits.clear();
      hits.set(key, { count: 1, resetAt: now + options.windowMs });
    } else if (++entry.count > options.max) {
      c.header("Retry-After", String(Math.ceil((entry.resetAt - now) / 1000)));
      throw new AppError("rate_limited");
    }
    return next();
  };
}
