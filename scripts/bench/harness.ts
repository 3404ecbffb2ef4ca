import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * What a benchmark section is, and the measuring helpers sections share. A section is a module under
 * scripts/bench/ exporting a `BenchSection`; scripts/bench.ts lists the sections and runs each case in a fresh
 * child process, so that a case's peak memory is its own and one case's garbage does not slow the next.
 */

/** One figure, or a group of them (e.g. one per Lambda function): nested in the JSON, dotted keys in the table. */
export type FigureValue = number | boolean | string | { [key: string]: FigureValue };

/** The figures one case reports: the keys of its JSON object. */
export type Figures = Record<string, FigureValue>;

/**
 * The figures with nested groups spelled as dotted keys, in order.
 * @example flattenFigures({ api: { sizeKb: 1200 }, helloImportMs: 40 }) // { "api.sizeKb": 1200, helloImportMs: 40 }
 */
export function flattenFigures(figures: Figures, prefix = ""): Record<string, number | boolean | string> {
  const flat: Record<string, number | boolean | string> = {};
  for (const [key, value] of Object.entries(figures)) {
    if (typeof value === "object") Object.assign(flat, flattenFigures(value, `${prefix}${key}.`));
    else flat[`${prefix}${key}`] = value;
  }
  return flat;
}

export interface BenchCase {
  /** Unique across sections: the case's key in the JSON output (e.g. "placementRound"). */
  name: string;
  /** What is measured, for the table. */
  description: string;
  /**
   * Targets shown next to the figures in the table, by dotted key, e.g. { ratio: "≤ 3", "api.sizeKb": "≤ 400" };
   * `*` stands for any first part: { "*.sizeKb": "≤ 400" } is the target of every group's sizeKb.
   */
  targets?: Record<string, string>;
  run(): Promise<Figures> | Figures;
}

export interface BenchSection {
  name: string;
  cases: readonly BenchCase[];
}

/** Milliseconds taken by `work`, with its result. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** Collects garbage when the child runs with --expose-gc, so a measurement does not pay for earlier garbage. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The value below which `p` percent of the sorted samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * Peak resident memory of this process so far, in MB. Each case runs in its own process, so this is the peak
 * of generating the case's synthetic data and running it (Node itself is about 50 MB of it).
 */
export function peakMemoryMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

/** A small seeded generator (mulberry32): synthetic data is the same on every run and machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Starts a bench server script (this same Node, with tsx) as a child and waits for the first line of its stdout
 * that is a JSON object: its "ready" answer (URLs, figures). `stop()` ends it (SIGTERM, SIGKILL after 15 s).
 * @example const servers = await startServerChild<BenchServers>(new URL("./api-baseline.ts", import.meta.url), "the api bench servers", 120_000);
 */
export async function startServerChild<Ready>(
  script: URL,
  what: string,
  timeoutMs: number,
): Promise<Ready & { pid: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, fileURLToPath(script)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
    });
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(
        () => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
        const line = output.split("\n").find((l) => l.startsWith("{"));
        if (!line) return;
        clearTimeout(timer);
        resolve(JSON.parse(line) as Ready);
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${what} exited (code ${code}) before answering`));
      });
    });
    return { ...ready, pid: child.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The child side of `startServerChild`: runs `start()`, prints its ready answer as one JSON line, and on SIGTERM,
 * SIGINT or the end of stdin runs `stops` in reverse and exits. A stop asked for mid-start waits for the start to
 * settle: DynamoDB Local's Java child runs before it answers, and only once it has returned (or failed) is there a
 * handle to stop it with.
 */
export function serveBenchChild<Ready>(start: () => Promise<Ready>, stops: Array<() => Promise<void>>): void {
  const starting = start();
  let stopping: Promise<void> | undefined;
  const shutdown = (code: number): Promise<void> => {
    stopping ??= (async () => {
      await starting.catch(() => {});
      for (const stop of stops.reverse()) await stop().catch(() => {});
      process.exit(code);
    })();
    return stopping;
  };
  process.once("SIGTERM", () => void shutdown(0));
  process.once("SIGINT", () => void shutdown(0));
  process.stdin.resume();
  process.stdin.once("end", () => void shutdown(0));
  starting.then(
    (ready) => {
      if (!stopping) process.stdout.write(`${JSON.stringify(ready)}\n`);
    },
    async (error: unknown) => {
      console.error(error);
      await shutdown(1);
    },
  );
}
