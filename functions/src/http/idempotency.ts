import { createHash, randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { ContentfulStatusCode, StatusCode } from "hono/utils/http-status";
import { guard } from "../data/guard";
import type { IdempotencyEntity } from "../db/entities/idempotency";
import { liteEntity } from "../db/lite";
import { idempotencyModel } from "../db/models/idempotency";
import { errorField, logger } from "../observability/logger";
import type { AppEnv } from "./env";
import { AppError } from "./errors";

/** How long a key is remembered: a client retrying later than this makes a new request. */
export const idempotencyTtlSeconds = 24 * 60 * 60;
/** After this, an in-progress reservation is presumed abandoned (a crashed instance; the API Lambda times out at 15 s). */
const leaseMs = 30_000;
/** How long a duplicate waits for the first request to finish before answering 409 `idempotency_in_progress`. */
const waitMs = 3_000;

const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const keyFormat = /^[\x21-\x7e]{8,128}$/;

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Stored {
  bodyHash: string;
  state: "in_progress" | "done";
  leaseUntil: number;
  expiresAt: number;
  status?: number | undefined;
  contentType?: string | undefined;
  responseBody?: string | undefined;
}

// Every function's middleware runs this, so it reads and writes through the lite data path (db/lite.ts): the same
// items ElectroDB's idempotency entity stores, without ElectroDB in the bundle (issue 14).
const records = liteEntity<IdempotencyEntity>(idempotencyModel);
/** Whether a record no longer counts: past its 24 hours, or a reservation whose holder died. */
const lapsed = (record: Stored, now: number) =>
  record.expiresAt * 1000 <= now || (record.state === "in_progress" && record.leaseUntil <= now);

/**
 * Makes retried writes have one effect. A POST, PUT, PATCH or DELETE carrying `Idempotency-Key` (8–128 printable
 * ASCII characters) is remembered for 24 hours per (caller, key, method, path): the first request reserves the
 * key with a conditional put, runs, and stores its response; a repeat with the same body gets that response
 * again with `Idempotent-Replayed: true`. A repeat with another body is 409 `idempotency_key_reused`; one that
 * arrives while the first is still running waits up to 3 s for it, then 409 `idempotency_in_progress`. A 5xx or
 * 429 is not stored (the reservation is released), so the client can simply retry. Runs after `authenticate`.
 * @example app.use(authenticate).use(idempotency)
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (key === undefined || !writeMethods.has(c.req.method)) return next();
  if (!keyFormat.test(key)) {
    throw new AppError("validation_failed", "Dữ liệu gửi lên không hợp lệ.", [
      { path: "Idempotency-Key", message: "Khóa phải dài 8–128 ký tự ASCII in được, không có khoảng trắng." },
    ]);
  }
  // Reading the body here caches it for the route's validator.
  const bodyHash = sha256(new Uint8Array(await c.req.arrayBuffer()));
  const url = new URL(c.req.url);
  const userId = c.get("principal")?.userId ?? "anon";
  const path = url.pathname + url.search;
  const requestId = sha256(JSON.stringify([userId, key, c.req.method, path]));
  const holder: string = randomUUID();

  for (let attempt = 0; ; attempt++) {
    // The full path is in requestId's hash; the stored copy is for people reading the table, so it is capped to
    // keep the item far below DynamoDB's 400 KB limit whatever URL a client sends.
    if (await reserve({ requestId, userId, method: c.req.method, path: path.slice(0, 512), bodyHash, holder })) break;
    const stored = await awaitFirst(requestId, bodyHash);
    if (stored) {
      const headers = {
        ...(stored.contentType ? { "Content-Type": stored.contentType } : {}),
        "Idempotent-Replayed": "true",
      };
      if (stored.status === 204 || !stored.responseBody) return c.body(null, stored.status as StatusCode, headers);
      return c.body(stored.responseBody, stored.status as ContentfulStatusCode, headers);
    }
    // The first request's reservation lapsed or was released meanwhile: take the key over (a few times at most).
    if (attempt >= 2) throw inProgress();
  }

  try {
    await next();
  } catch (error) {
    await release(requestId, holder);
    throw error;
  }
  const res = c.res;
  if (res.status >= 500 || res.status === 429) {
    await release(requestId, holder);
    return;
  }
  const responseBody = res.status === 204 ? "" : await res.clone().text();
  const contentType = res.headers.get("content-type");
  try {
    await guard(() =>
      records.patch(
        { requestId },
        { state: "done", status: res.status, responseBody, ...(contentType ? { contentType } : {}) },
        { expression: "#holder = :holder", names: { "#holder": "holder" }, values: { ":holder": holder } },
      ),
    );
  } catch (error) {
    // The reservation is gone: erasure deleted the caller's records (its own request's included), or it lapsed
    // and a retry took it over. Either way there is nothing left to complete.
    if (error instanceof AppError && error.code === "version_conflict") return;
    // The write happened but its response is not stored: a retry within the lease gets 409, after it runs again.
    logger.error("idempotency: response not stored", { error: errorField(error) });
  }
};

/** Claims the key for this request; false when another request holds it or has answered it. */
async function reserve(record: {
  requestId: string;
  userId: string;
  method: string;
  path: string;
  bodyHash: string;
  holder: string;
}): Promise<boolean> {
  const now = Date.now();
  try {
    await guard(() =>
      records.put(
        {
          ...record,
          state: "in_progress",
          leaseUntil: now + leaseMs,
          createdAt: new Date(now).toISOString(),
          expiresAt: Math.floor(now / 1000) + idempotencyTtlSeconds,
        },
        {
          // Free, expired, or held by a reservation whose lease ran out.
          expression:
            "attribute_not_exists(#requestId) OR #expiresAt <= :nowSeconds OR (#state = :inProgress AND #leaseUntil <= :now)",
          names: {
            "#requestId": "requestId",
            "#expiresAt": "expiresAt",
            "#state": "state",
            "#leaseUntil": "leaseUntil",
          },
          values: { ":nowSeconds": Math.floor(now / 1000), ":inProgress": "in_progress", ":now": now },
        },
      ),
    );
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "version_conflict") return false;
    throw error;
  }
}

/**
 * Waits for the request holding the key to finish, and returns its stored response; undefined when the key is
 * free again (released after a 5xx, or lapsed). A different body under the same key is refused at once.
 */
async function awaitFirst(requestId: string, bodyHash: string): Promise<Stored | undefined> {
  const deadline = Date.now() + waitMs;
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    const data = await guard(() => records.get({ requestId }, { consistent: true }));
    if (!data || lapsed(data, Date.now())) return undefined;
    if (data.bodyHash !== bodyHash) {
      throw new AppError("idempotency_key_reused");
    }
    if (data.state === "done") return data;
    if (Date.now() + delay > deadline) throw inProgress();
    await sleep(delay);
  }
}

const inProgress = () => new AppError("idempotency_in_progress");

/** Frees the key after a failure, so that the client's retry runs the request again. */
async function release(requestId: string, holder: string): Promise<void> {
  try {
    await records.delete(
      { requestId },
      { expression: "#holder = :holder", names: { "#holder": "holder" }, values: { ":holder": holder } },
    );
  } catch {
    // Left in place, the reservation lapses with its lease.
  }
}
