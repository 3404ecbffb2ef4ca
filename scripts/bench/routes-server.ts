/**
 * The server process of the `routes` bench (scripts/bench/routes.ts starts it as a child, so autocannon never
 * shares an event loop with the API it loads). It starts DynamoDB Local in memory with a heap large enough for a
 * province, seeds the generated data at `KETNOI_BENCH_SCALE` (province unless told; `district` is a tenth),
 * measures DynamoDB Local's own GetItem throughput (the baseline every route figure is bounded by), serves the
 * real API of `npm start`, and beside it a stats endpoint with this process's DynamoDB command total. Prints one
 * JSON line of `RoutesServers` when ready; stops on SIGTERM or when its stdin closes.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { configureCandidates } from "@ketnoi/functions/candidates/live";
import { dataConfig } from "@ketnoi/functions/config";
import { totalDbCalls } from "@ketnoi/functions/db/call-counter";
import { dynamo as documentClient } from "@ketnoi/functions/db/client";
import { useLocalConfig } from "@ketnoi/functions/local/config";
import { startDynamoLocal } from "@ketnoi/functions/local/dynamodb-local";
import { freePort } from "@ketnoi/functions/local/ports";
import { serveApi } from "@ketnoi/functions/local/server";
import { ensureTable } from "@ketnoi/functions/local/tables";
import { configureSearch, searchIndex } from "@ketnoi/functions/search/live";
import { memorySnapshotStore } from "@ketnoi/functions/search/snapshot-store";
import { type SeedScale, seedScales } from "@ketnoi/functions/seed/province-data";
import { seedProvinceData } from "@ketnoi/functions/seed/seed";
import { serveBenchChild } from "./harness";

export interface RoutesServers {
  apiUrl: string;
  statsUrl: string;
  scale: string;
  counts: Record<string, number>;
  seedMs: number;
  indexBuildMs: number;
  /** Raw GetItem requests a second, 32 in flight, straight through the SDK: DynamoDB Local's own ceiling here. */
  getItemRps: number;
}

/** GetItem on one known key, `inFlight` at a time, for `ms`: requests per second. */
async function getItemRps(key: Record<string, string>, ms: number, inFlight = 32): Promise<number> {
  const { TABLE_NAME } = dataConfig();
  const end = performance.now() + ms;
  let done = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < end) {
        await documentClient().send(new GetCommand({ TableName: TABLE_NAME, Key: key }));
        done++;
      }
    }),
  );
  return Math.round(done / (ms / 1000));
}

const stops: Array<() => Promise<void>> = [];

async function start(): Promise<RoutesServers> {
  const scaleName = (process.env.KETNOI_BENCH_SCALE ?? "province") as keyof typeof seedScales;
  const scale: SeedScale | undefined = seedScales[scaleName];
  if (!scale) throw new Error(`KETNOI_BENCH_SCALE=${scaleName}: one of ${Object.keys(seedScales).join(", ")}`);
  const tableName = "ketnoi-bench-routes";
  const [dynamoPort, apiPort] = [await freePort(), await freePort()];
  const dynamo = await startDynamoLocal({ port: dynamoPort, inMemory: true, heapMb: 3072 });
  process.once("exit", () => dynamo.process.kill("SIGKILL"));
  stops.push(() => dynamo.stop());
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  // Each bench request names its own client in X-Forwarded-For (so per-address rate limits are not what is
  // measured); the API reads that header only from a trusted proxy, which the bench is.
  process.env.TRUSTED_PROXIES ??= "127.0.0.1";
  useLocalConfig({ endpoint: dynamo.endpoint, tableName, apiUrl, webOrigin: "http://127.0.0.1:5173" });
  configureSearch({ store: memorySnapshotStore(), bootstrap: true, persist: true });
  // The seed builds the candidate snapshot (in memory here: the bench's table is thrown away).
  configureCandidates({ store: memorySnapshotStore() });
  // No stream and no contribution records: nothing here consumes the stream (the API's side effects through it are
  // not measured, the search index is built by its Query), and the contributions are read only by that consumer.
  // DynamoDB Local then spends ~30 % less CPU per write, and the province seed writes ~680,000 items, not 1.08 M.
  await ensureTable(dynamo.endpoint, tableName, { stream: false });
  const seedStart = performance.now();
  const { counts } = await seedProvinceData(scale, {
    contributions: false,
    progress: (line) => console.error(`  seed ${line}`),
  });
  const seedMs = performance.now() - seedStart;
  // The first search builds the index from the published-listings Query, as `npm start` does on a fresh table.
  const indexStart = performance.now();
  await searchIndex();
  const indexBuildMs = performance.now() - indexStart;
  const rps = await getItemRps({ pk: "$ketnoi#listingid_amata-tech-intern-embedded", sk: "$listing_1" }, 3000);

  const api = await serveApi(apiPort);
  stops.push(() => api.close());
  const stats = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ dbCalls: totalDbCalls() }));
  });
  await new Promise<void>((resolve) => stats.listen(0, "127.0.0.1", resolve));
  stops.push(() => new Promise<void>((done) => stats.close(() => done())));
  return {
    apiUrl: api.url,
    statsUrl: `http://127.0.0.1:${(stats.address() as AddressInfo).port}`,
    scale: scaleName,
    counts,
    seedMs: Math.round(seedMs),
    indexBuildMs: Math.round(indexBuildMs),
    getItemRps: rps,
  };
}

serveBenchChild(start, stops);
