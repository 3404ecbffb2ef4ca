import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { loadConfig, setConfig } from "../config";
import { type DynamoLocal, startDynamoLocal } from "../local/dynamodb-local";
import { freePort } from "../local/ports";
import { ensureTable } from "../local/tables";

/**
 * A database that is slow but healthy must not look unavailable. The routes bench at district scale got 503s from
 * dashboard, apply and candidates after a few seconds while DynamoDB Local was answering every command: the SDK's
 * socket pool held 50 connections, and a command waiting in that pool for a free socket ran down the 1-second
 * *connection* timeout (@smithy/node-http-handler starts it when the request is created, not when it gets a
 * socket), failed as a TimeoutError and became "database unavailable". Here DynamoDB Local sits behind a proxy that
 * delays every answer by 300 ms, and 300 requests arrive at once: six waves through 50 sockets, so most commands
 * would wait well over a second for a socket.
 */
const delayMs = 300;
let dynamo: DynamoLocal;
let proxy: Server;

/** Forwards every request to DynamoDB Local and holds each answer `delayMs` before sending it back. */
function delayingProxy(target: URL): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          const body: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => body.push(chunk));
          answer.on("end", () =>
            setTimeout(() => {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(body));
            }, delayMs),
          );
        },
      );
      upstream.on("error", () => res.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
}

beforeAll(async () => {
  dynamo = await startDynamoLocal({ port: await freePort(), inMemory: true });
  await ensureTable(dynamo.endpoint, "pool");
  proxy = delayingProxy(new URL(dynamo.endpoint));
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  setConfig(
    loadConfig({
      STAGE: "test",
      TABLE_NAME: "pool",
      DYNAMODB_ENDPOINT: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      AUTH_ISSUER: "http://127.0.0.1/api/dev-auth",
      AUTH_AUDIENCE: "ketnoi-web",
      DEV_AUTH: "true",
    }),
  );
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  await dynamo?.stop();
});

describe("a slow but healthy database under many concurrent requests", () => {
  it("answers every request, none of them 503 database_unavailable", async () => {
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => call("GET", `/api/listings/no-such-listing-${i}`)),
    );
    const statuses: Record<number, number> = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    // Every GetItem was answered (after the proxy's delay): the listing does not exist, so 404, never a 503.
    expect(statuses).toEqual({ 404: 300 });
  }, 120_000);
});
