import type { Role } from "@ketnoi/core";
import { createApp } from "../src/app";
// The tests serve every route group, the files routes included (files/backend.ts).
import "../src/files/live";
import { signDevToken } from "../src/auth/dev-idp";
import { db } from "../src/db/service";

let app: ReturnType<typeof createApp> | undefined;

/**
 * In-process requests arrive as from the socket of a trusted proxy (the test configuration trusts 127.0.0.1), so
 * a test's `X-Forwarded-For` names its client, as a real proxy's would; rate-limit.test.ts checks that without a
 * trusted proxy the header is ignored.
 */
export const harnessBindings = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };

let remoteBase: string | undefined;
/**
 * Sends every `call` (and the hardening suites' `send`) over HTTP to a running API instead of the in-process app,
 * so the probes (scripts/probe/) attack a real platform with the same worlds and tables the tests use.
 * @example useRemoteApi("http://127.0.0.1:8787")
 */
export function useRemoteApi(baseUrl: string | undefined): void {
  remoteBase = baseUrl;
}

/** One request to the API: in process (tests) or over HTTP (`useRemoteApi`). */
export async function requestApi(path: string, init: RequestInit): Promise<Response> {
  if (remoteBase) return fetch(`${remoteBase}${path}`, { ...init, redirect: "manual" });
  app ??= createApp();
  return app.request(path, init, harnessBindings);
}

/** Sends a request to the in-process app, as JSON with an optional bearer token. */
export async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await requestApi(path, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response bodies by path.
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** Creates a user of the given role (and optional organisation membership) and returns a signed token. */
export async function userWithToken(
  userId: string,
  role: Role,
  membership?: { orgId: string; role: "owner" | "staff" },
) {
  const now = new Date().toISOString();
  const user = { userId, email: `${userId}@example.vn`, displayName: userId, role, demo: true, createdAt: now };
  await db().entities.user.put(user).go();
  if (membership)
    await db()
      .entities.membership.put({ ...membership, userId, createdAt: now })
      .go();
  return signDevToken(user);
}
