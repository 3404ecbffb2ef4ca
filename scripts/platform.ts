import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startLocalAggregator } from "@ketnoi/functions/aggregates/local-stream";
import { configureCandidates, ensureCandidateSnapshot } from "@ketnoi/functions/candidates/live";
import { config } from "@ketnoi/functions/config";
import { backfillConsentIndex } from "@ketnoi/functions/data/consent-backfill";
import { backfillRetentionIndex } from "@ketnoi/functions/data/retention-backfill";
import { startInterviewJobTimer } from "@ketnoi/functions/interviews/local-timer";
import { useLocalConfig } from "@ketnoi/functions/local/config";
import { restartDynamoLocal, startDynamoLocal } from "@ketnoi/functions/local/dynamodb-local";
import { freePort, portInUse } from "@ketnoi/functions/local/ports";
import { startLocalS3 } from "@ketnoi/functions/local/s3-local";
import { serveApi } from "@ketnoi/functions/local/server";
import { ensureTable } from "@ketnoi/functions/local/tables";
import { startLocalMail } from "@ketnoi/functions/mail/local";
import { configureSearch } from "@ketnoi/functions/search/live";
import { searchStoreFromConfig } from "@ketnoi/functions/search/s3-store";
import { memorySnapshotStore } from "@ketnoi/functions/search/snapshot-store";
import { tableFingerprint } from "@ketnoi/functions/search/sources";
import { seedDemoData } from "@ketnoi/functions/seed/seed";

export const root = resolve(fileURLToPath(import.meta.url), "../..");

export interface PlatformOptions {
  /** Keep data in memory (tests) instead of under .data/ (npm start). */
  inMemory: boolean;
  dynamoPort: number;
  apiPort: number;
  webPort: number;
  /** s3rver's port (default: a free one; KETNOI_S3_PORT for npm start). */
  s3Port?: number;
  /** Rebuild the demo data even if the table already has it. */
  reset?: boolean;
  /** Seed the demo data into a new table (default true; fault probes that bring their own data skip it). */
  seed?: boolean;
  log?: (line: string) => void;
}

export interface Platform {
  webUrl: string;
  apiUrl: string;
  dynamoEndpoint: string;
  /** s3rver's address (S3_ENDPOINT): the CV files and the search snapshot. */
  s3Endpoint: string;
  /** maildev, where every mail the platform sends lands: its web UI (`mail.webUrl`) and REST API (`/api/email`). */
  mail: { webUrl: string; smtpPort: number; runDigest(): Promise<unknown> };
  /**
   * The DynamoDB Local child, for fault probes: `kill()` ends it at once (SIGKILL), `restart()` starts it again
   * on the same port and data folder (persisted platforms only: an in-memory one comes back empty).
   */
  database: { kill(): void; restart(): Promise<void> };
  stop(): Promise<void>;
}

async function assertFree(port: number, variable: string) {
  if (await portInUse(port)) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is busy. Stop whatever uses it, or choose another port: ${variable}=<port> npm start`,
    );
  }
}

/**
 * Starts the whole platform on 127.0.0.1: DynamoDB Local (java child), the table, demo data when empty,
 * the API (@hono/node-server) and the web app (Vite dev server proxying /api). `stop()` ends all of them.
 */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const log = options.log ?? (() => {});
  await assertFree(options.dynamoPort, "KETNOI_DYNAMO_PORT");
  await assertFree(options.apiPort, "KETNOI_API_PORT");
  await assertFree(options.webPort, "KETNOI_WEB_PORT");

  const dbPath = process.env.KETNOI_DATA_DIR ?? resolve(root, ".data/dynamodb");
  if (!options.inMemory) mkdirSync(dbPath, { recursive: true });
  log(`Starting DynamoDB Local (${options.inMemory ? "in memory" : dbPath})…`);
  let dynamo = await startDynamoLocal({ port: options.dynamoPort, inMemory: options.inMemory, dbPath });
  const stops: Array<() => Promise<void>> = [() => dynamo.stop()];
  const killJava = () => dynamo.process.kill("SIGKILL");
  process.once("exit", killJava);
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
    // Only now: if the process dies mid-shutdown, the exit hook still kills Java.
    process.removeListener("exit", killJava);
  };

  try {
    const apiUrl = `http://127.0.0.1:${options.apiPort}`;
    const webUrl = `http://127.0.0.1:${options.webPort}`;
    // The same S3 calls as in deploy, against s3rver: objects under .data/s3 (an in-memory platform gets a
    // temporary folder, removed on stop, so tests never touch the developer's .data/).
    const s3Port = options.s3Port ?? (await freePort());
    await assertFree(s3Port, "KETNOI_S3_PORT");
    const s3Dir = process.env.KETNOI_DATA_DIR ? join(process.env.KETNOI_DATA_DIR, "s3") : resolve(root, ".data/s3");
    const buckets = { filesBucket: "ketnoi-local-files", searchBucket: "ketnoi-local-search" };
    const s3 = await startLocalS3({
      port: s3Port,
      buckets: Object.values(buckets),
      webOrigins: [webUrl],
      ...(options.inMemory ? {} : { directory: s3Dir }),
    });
    stops.push(() => s3.stop());
    log(`S3 (s3rver) on ${s3.endpoint} (${options.inMemory ? "temporary folder" : s3Dir})`);
    useLocalConfig({
      endpoint: dynamo.endpoint,
      tableName: process.env.TABLE_NAME ?? "ketnoi-local",
      apiUrl,
      webOrigin: webUrl,
      s3: { endpoint: s3.endpoint, ...buckets, searchKey: "search/index.json" },
    });
    // This process keeps the index of record (the stream consumer runs here) and saves its snapshot to s3rver.
    configureSearch({
      store: searchStoreFromConfig(config())!,
      bootstrap: true,
      persist: true,
      ...(options.inMemory ? {} : { source: tableFingerprint }),
    });
    // The candidate snapshot: .data/candidate-pool.json (the stage's default), in memory for a throwaway table.
    if (options.inMemory) configureCandidates({ store: memorySnapshotStore() });
    const created = await ensureTable(dynamo.endpoint, process.env.TABLE_NAME ?? "ketnoi-local");
    const seeded = (created && options.seed !== false) || !!options.reset;
    if (seeded) {
      log("Seeding demo data…");
      const { counts } = await seedDemoData({ reset: !created && !!options.reset });
      log(
        `Seeded ${Object.entries(counts)
          .map(([k, n]) => `${n} ${k}`)
          .join(", ")}.`,
      );
    } else {
      // A table kept under .data/ by an earlier version: give its items the keys of indexes added since.
      const profiles = await backfillConsentIndex();
      const applications = await backfillRetentionIndex();
      if (profiles + applications > 0) {
        log(`Indexed ${profiles} consenting profile(s) and ${applications} decided application(s) written earlier.`);
      }
    }

    if ((await ensureCandidateSnapshot()) === "rebuilt") log("Built the candidate snapshot from the consent index.");

    // Mail before the stream consumer, so the first notices it delivers are mailed (docs/mail.md).
    const mail = await startLocalMail({
      smtpPort: Number(process.env.KETNOI_MAIL_SMTP_PORT ?? (await freePort())),
      webPort: Number(process.env.KETNOI_MAIL_WEB_PORT ?? (await freePort())),
      webOrigin: webUrl,
    });
    stops.push(() => mail.stop());
    log(`Mail (maildev) on ${mail.webUrl}`);

    const tableName = process.env.TABLE_NAME ?? "ketnoi-local";
    const aggregator = await startLocalAggregator({ endpoint: dynamo.endpoint, tableName, log, seeded });
    stops.push(() => aggregator.stop());
    // Interview reminders and offer expiry: the deploy schedule's local stand-in.
    stops.push(startInterviewJobTimer());

    const api = await serveApi(options.apiPort);
    stops.push(() => api.close());
    log(`API on ${api.url}`);

    process.env.KETNOI_API_URL = api.url;
    const { createServer } = await import("vite");
    const vite = await createServer({
      configFile: resolve(root, "web/vite.config.ts"),
      root: resolve(root, "web"),
      server: { host: "127.0.0.1", port: options.webPort, strictPort: true },
      logLevel: "warn",
    });
    await vite.listen();
    stops.push(() => vite.close());
    const database = {
      kill: () => dynamo.process.kill("SIGKILL"),
      restart: async () => {
        if (options.inMemory) throw new Error("an in-memory DynamoDB Local cannot be restarted with its data");
        dynamo = await restartDynamoLocal({ port: options.dynamoPort, dbPath });
      },
    };
    return { webUrl, apiUrl: api.url, dynamoEndpoint: dynamo.endpoint, s3Endpoint: s3.endpoint, mail, database, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
