import type { Context } from "hono";
import { config } from "../config";

/** What the two runtimes put in `c.env`: API Gateway's event context (Lambda) or the Node socket (local server). */
interface Bindings {
  requestContext?: { http?: { sourceIp?: string } };
  incoming?: { socket?: { remoteAddress?: string } };
  server?: { incoming?: { socket?: { remoteAddress?: string } } };
}

/**
 * The address of the client that sent the request, for rate limits: API Gateway's `requestContext.http.sourceIp`
 * in deploy, the socket's peer locally. `X-Forwarded-For` is read only when that peer is a configured trusted proxy
 * (TRUSTED_PROXIES), and then from the right: the first address not itself a trusted proxy, since everything to its
 * left was written by the client and can be anything.
 * @example clientAddress(c) // "203.0.113.7"
 */
export function clientAddress(c: Context): string {
  const env = (c.env ?? {}) as Bindings;
  const peer =
    env.requestContext?.http?.sourceIp ??
    env.incoming?.socket?.remoteAddress ??
    env.server?.incoming?.socket?.remoteAddress ??
    "unknown";
  const trusted = config().TRUSTED_PROXIES;
  if (!trusted.includes(peer)) return peer;
  const forwarded = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!trusted.includes(forwarded[i]!)) return forwarded[i]!;
  }
  return peer;
}
