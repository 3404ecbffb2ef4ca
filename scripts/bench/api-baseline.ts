/**
 * The server process of the `api` bench (scripts/bench/api.ts starts it as a child, so that autocannon's own work
 * never shares an event loop with the servers it loads). It starts DynamoDB Local in memory, creates the table,
 * seeds the demo data, serves the real API (the Hono app of `npm start`) and, beside it, a bare `node:http`
 * baseline; prints one JSON line of `BenchServers` on stdout when both answer; and stops everything on SIGTERM,
 * SIGINT or when its stdin closes (the bench process died).
 *
 * The baseline answers the two measured URLs with the same data work as the routes: the same data-layer calls
 * (`getListing`, `getListings`, `withOrganisation`, so the same GetItem and BatchGetItem requests through the same DynamoDB
 * client, in this same process) and the same search index (this process's one MiniSearch instance). It leaves out
 * only what the framework adds: routing, the middleware chain (secure headers, CORS, body limit, JSON check,
 * authentication, idempotency), valibot validation and the Request/Response adaptation of @hono/node-server.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type SearchCriteria, type SearchSort, todayInVietnam } from "@ketnoi/core";
import { seatsTakenOf } from "@ketnoi/functions/data/bookings";
import { getListing, getListings, publicListings, withOrganisation } from "@ketnoi/functions/data/listings";
import { openCursor, sealCursor } from "@ketnoi/functions/http/cursor";
import { AppError } from "@ketnoi/functions/http/errors";
import { useLocalConfig } from "@ketnoi/functions/local/config";
import { startDynamoLocal } from "@ketnoi/functions/local/dynamodb-local";
import { freePort } from "@ketnoi/functions/local/ports";
import { serveApi } from "@ketnoi/functions/local/server";
import { ensureTable } from "@ketnoi/functions/local/tables";
import { configureSearch, searchIndex } from "@ketnoi/functions/search/live";
import { memorySnapshotStore } from "@ketnoi/functions/search/snapshot-store";
import { seedDemoData } from "@ketnoi/functions/seed/seed";
import { serveBenchChild } from "./harness";

/** What the server process prints once both servers answer. */
export interface BenchServers {
  apiUrl: string;
  baselineUrl: string;
  /** Milliseconds to start DynamoDB Local, and to create the table and seed it. */
  dynamoStartMs: number;
  seedMs: number;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const notFound = new AppError("not_found", "Không tìm thấy tin.");

/** GET /api/listings/:id as the route answers an anonymous caller: drafts are not found. */
async function listingDetail(res: ServerResponse, id: string): Promise<void> {
  const listing = await getListing(id);
  if (!listing || listing.status === "draft") return sendJson(res, notFound.status, notFound.toBody());
  const [full] = await withOrganisation([listing]);
  // As the route: a visit says how many seats each session has left.
  if (listing.type === "visit" && listing.sessions?.length) {
    return sendJson(res, 200, { ...full!, seatsTaken: await seatsTakenOf(listing.id) });
  }
  sendJson(res, 200, full);
}

/** GET /api/search: the query string read as the schema reads it (trusted, not validated), then the route's work. */
async function search(res: ServerResponse, query: URLSearchParams): Promise<void> {
  const flag = (name: string) => (query.has(name) ? query.get(name) === "true" : undefined);
  const criteria = {
    q: query.get("q")?.trim(),
    type: query.get("type") ?? undefined,
    sector: query.get("sector") ?? undefined,
    skill: query.get("skill") ?? undefined,
    commune: query.get("commune") ?? undefined,
    industrialPark: query.get("industrialPark") ?? undefined,
    sort: (query.get("sort") ?? undefined) as SearchSort | undefined,
    paid: flag("paid"),
    deadlineAhead: flag("deadlineAhead") ?? true,
    verifiedOnly: flag("verifiedOnly") ?? false,
  } as SearchCriteria;
  const index = await searchIndex();
  const page = index.page(criteria, {
    limit: Number(query.get("limit") ?? 20),
    cursor: openCursor("search", query.get("cursor") ?? undefined),
    today: todayInVietnam(new Date()),
  });
  const stored = await getListings(page.hits.map((hit) => hit.id));
  const current = page.hits.flatMap((hit) => {
    const listing = stored.get(hit.id);
    return listing?.status === "published" ? [listing] : [];
  });
  const scores = new Map(page.hits.map((hit) => [hit.id, Math.round(hit.score * 1000) / 1000]));
  const items = (await publicListings(current)).map((listing) => ({ ...listing, score: scores.get(listing.id)! }));
  sendJson(res, 200, {
    items,
    cursor: sealCursor("search", page.cursor),
    total: page.total,
    matchedAllTerms: page.matchedAllTerms,
  });
}

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://baseline");
  if (req.method === "GET" && url.pathname.startsWith("/api/listings/")) {
    return listingDetail(res, decodeURIComponent(url.pathname.slice("/api/listings/".length)));
  }
  if (req.method === "GET" && url.pathname === "/api/search") return search(res, url.searchParams);
  const unknown = new AppError("not_found", "Không có địa chỉ này.");
  sendJson(res, unknown.status, unknown.toBody());
}

/** The bare baseline server on 127.0.0.1 (an OS-chosen port). */
function serveBaseline(): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server: Server = createServer((req, res) => {
      // As the app's onError: the data layer's AppErrors (a 503 when DynamoDB does not answer in time) keep
      // their status; anything else is this bench's bug.
      answer(req, res).catch((error: unknown) => {
        if (res.headersSent) return res.destroy();
        if (error instanceof AppError) return sendJson(res, error.status, error.toBody());
        console.error(error);
        sendJson(res, 500, { error: { code: "internal_error", message: String(error) } });
      });
    });
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

const stops: Array<() => Promise<void>> = [];

/** Starts everything, recording how to stop each piece as soon as it runs. */
async function start(): Promise<BenchServers> {
  const tableName = "ketnoi-bench";
  const [dynamoPort, apiPort] = [await freePort(), await freePort()];
  const dynamoStart = performance.now();
  const dynamo = await startDynamoLocal({ port: dynamoPort, inMemory: true });
  const dynamoStartMs = performance.now() - dynamoStart;
  // However this process ends, the Java child goes with it.
  process.once("exit", () => dynamo.process.kill("SIGKILL"));
  stops.push(() => dynamo.stop());

  const apiUrl = `http://127.0.0.1:${apiPort}`;
  // The configuration of `npm start` (scripts/platform.ts), on this run's own ports and table.
  useLocalConfig({ endpoint: dynamo.endpoint, tableName, apiUrl, webOrigin: "http://127.0.0.1:5173" });
  configureSearch({ store: memorySnapshotStore(), bootstrap: true, persist: true });
  const seedStart = performance.now();
  await ensureTable(dynamo.endpoint, tableName);
  await seedDemoData();
  const seedMs = performance.now() - seedStart;

  const api = await serveApi(apiPort);
  stops.push(() => api.close());
  const baseline = await serveBaseline();
  stops.push(() => baseline.close());
  return {
    apiUrl: api.url,
    baselineUrl: baseline.url,
    dynamoStartMs: Math.round(dynamoStartMs),
    seedMs: Math.round(seedMs),
  };
}

serveBenchChild(start, stops);
