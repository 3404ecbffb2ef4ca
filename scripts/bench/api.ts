import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BenchServers } from "./api-baseline";
import { type BenchSection, percentile, round2, startServerChild } from "./harness";

/** The part of autocannon's programmatic API used here (the package ships no types). */
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { total: number };
}
/** A running load: its result when done, and an event per response (with its latency in ms). */
interface AutocannonRun extends PromiseLike<AutocannonResult> {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): unknown;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: Array<{ method: "GET"; path: string }>;
}) => AutocannonRun;
// Loaded when a run starts: every bench process imports this section, and the other cases' memory is their own.
const requireHere = createRequire(import.meta.url);

/** Ten connections keep both servers busy without autocannon (in this process) taking a whole core of two. */
const connections = 10;
const secondsPerRun = 1;
const rounds = 5;

type Server = "api" | "baseline";
type Mix = "mixed" | "listingDetail" | "search";
const mixes: readonly Mix[] = ["mixed", "listingDetail", "search"];

/** Starts the server process and waits for its ready line; `stop()` ends it (and with it DynamoDB Local). */
const startServers = () =>
  startServerChild<BenchServers>(new URL("./api-baseline.ts", import.meta.url), "the api bench servers", 120_000);

/** CPU milliseconds a process has used so far (user + system), from /proc; undefined where there is none. */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command; clock ticks of 10 ms on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

const searchPath = (params: Record<string, string>) =>
  `/api/search?${new URLSearchParams(params)}`.replace(/\+/g, "%20");

/** Vietnamese queries with and without diacritics, English, filters, and a filter-only feed. */
const searchPaths = [
  searchPath({ q: "lập trình nhúng" }),
  searchPath({ q: "lap trinh" }),
  searchPath({ q: "thiết kế vi mạch", type: "internship" }),
  searchPath({ q: "tu dong hoa", deadlineAhead: "false" }),
  searchPath({ q: "robot", sort: "deadline", deadlineAhead: "false" }),
  searchPath({ q: "semiconductor test engineer", deadlineAhead: "false" }),
  searchPath({ sector: "semiconductors", deadlineAhead: "false", limit: "10" }),
];

/** Detail paths of published listings spread over the seeded feed (anonymous callers see only those). */
async function listingDetailPaths(apiUrl: string): Promise<string[]> {
  const response = await fetch(`${apiUrl}${searchPath({ sort: "newest", deadlineAhead: "false", limit: "50" })}`);
  const { items } = (await response.json()) as { items: Array<{ id: string }> };
  if (items.length < 8) throw new Error(`expected at least 8 published demo listings, found ${items.length}`);
  return Array.from({ length: 8 }, (_, i) => `/api/listings/${items[Math.floor((i * items.length) / 8)]!.id}`);
}

/** The baseline must answer every measured URL with the API's status and bytes, or the comparison means nothing. */
async function assertSameAnswers(servers: BenchServers, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const [api, baseline] = await Promise.all(
      [servers.apiUrl, servers.baselineUrl].map(async (url) => {
        const response = await fetch(url + path);
        return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
      }),
    );
    if (api!.status !== 200) throw new Error(`the API answered ${api!.status} to ${path}: ${api!.body.slice(0, 300)}`);
    if (api!.status !== baseline!.status || api!.type !== baseline!.type || api!.body !== baseline!.body) {
      throw new Error(
        `the baseline's answer to ${path} differs from the API's:\n  api      ${api!.status} ${api!.type} ${api!.body.slice(0, 300)}` +
          `\n  baseline ${baseline!.status} ${baseline!.type} ${baseline!.body.slice(0, 300)}`,
      );
    }
  }
}

interface Run {
  rps: number;
  seconds: number;
  requests: number;
  /** Every response's latency in ms. */
  latencies: number[];
  failures: number;
  /** CPU the server process used during the run (undefined without /proc). */
  serverCpuMs: number | undefined;
}

async function load(url: string, paths: readonly string[], serverPid: number): Promise<Run> {
  const cpuBefore = cpuMs(serverPid);
  const latencies: number[] = [];
  const autocannon = requireHere("autocannon") as Autocannon;
  const running = autocannon({
    url,
    connections,
    duration: secondsPerRun,
    requests: paths.map((path) => ({ method: "GET", path })),
  });
  running.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await running;
  const cpuAfter = cpuMs(serverPid);
  const requests = result.requests.total;
  return {
    rps: requests / result.duration,
    seconds: result.duration,
    requests,
    latencies,
    failures: result.errors + result.timeouts + result.non2xx,
    serverCpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
  };
}

/**
 * One kind of load on one server over all its runs: the throughput over the measured time (requests / seconds), the
 * p99 of every response (one run's p99 would rest on too few requests) and the server process's CPU per request.
 */
function summarize(runs: readonly Run[]) {
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const cpuKnown = runs.every((run) => run.serverCpuMs !== undefined);
  return {
    rps: requests / seconds,
    p99Ms: round2(
      percentile(
        runs.flatMap((run) => run.latencies),
        99,
      ),
    ),
    cpuMsPerRequest: cpuKnown ? round2(runs.reduce((sum, run) => sum + run.serverCpuMs!, 0) / requests) : "n/a",
  };
}

export const apiSection: BenchSection = {
  name: "api",
  cases: [
    {
      name: "api",
      description:
        `listing detail (8 listings), search (7 queries: vi with and without diacritics, en, filters) and both mixed, ` +
        `under autocannon (${connections} connections): the Hono API on DynamoDB Local vs a bare node:http server ` +
        `doing the same reads and search work; ${rounds} interleaved ${secondsPerRun} s runs of each, rps = requests / ` +
        `seconds over them; ratio = rps / baselineRps`,
      targets: { ratio: "≥ 0.85" },
      async run() {
        const servers = await startServers();
        try {
          const detailPaths = await listingDetailPaths(servers.apiUrl);
          const paths: Record<Mix, string[]> = {
            listingDetail: detailPaths,
            search: searchPaths,
            // Every connection alternates detail and search requests.
            mixed: detailPaths.flatMap((path, i) => [path, searchPaths[i % searchPaths.length]!]),
          };
          await assertSameAnswers(servers, paths.mixed);
          const urls: Record<Server, string> = { api: servers.apiUrl, baseline: servers.baselineUrl };
          // Warm-up, not measured: the search index is built on first use, and both servers' code gets compiled.
          for (const server of ["baseline", "api"] as const) await load(urls[server], paths.mixed, servers.pid);

          // Short runs, interleaved, the order flipping every round (baseline then api, api then baseline, …): what
          // else the machine runs meanwhile weighs on both servers alike, rather than on whichever ran second.
          const runs = new Map<`${Server}.${Mix}`, Run[]>();
          for (let round = 0; round < rounds; round++) {
            const order: Server[] = round % 2 === 0 ? ["baseline", "api"] : ["api", "baseline"];
            for (const mix of mixes) {
              for (const server of order) {
                const run = await load(urls[server], paths[mix], servers.pid);
                runs.set(`${server}.${mix}`, [...(runs.get(`${server}.${mix}`) ?? []), run]);
              }
            }
          }
          const all = [...runs.values()].flat();
          const requests = all.reduce((sum, run) => sum + run.requests, 0);
          const failures = all.reduce((sum, run) => sum + run.failures, 0);
          // A few failures on an overloaded machine are reported; more would make the throughputs meaningless.
          if (failures > requests / 100) throw new Error(`${failures} of ${requests} requests failed or timed out`);

          const api = (mix: Mix) => summarize(runs.get(`api.${mix}`)!);
          const baseline = (mix: Mix) => summarize(runs.get(`baseline.${mix}`)!);
          const ratio = (mix: Mix) => round2(api(mix).rps / baseline(mix).rps);
          // The lowest and highest ratio of one round's two mixed runs: how far apart the machine's noise put them.
          const roundRatios = runs.get("api.mixed")!.map((run, i) => run.rps / runs.get("baseline.mixed")![i]!.rps);
          return {
            rps: Math.round(api("mixed").rps),
            p99Ms: api("mixed").p99Ms,
            baselineRps: Math.round(baseline("mixed").rps),
            baselineP99Ms: baseline("mixed").p99Ms,
            ratio: ratio("mixed"),
            ratioSpread: `${round2(Math.min(...roundRatios))}–${round2(Math.max(...roundRatios))}`,
            listingDetailRps: Math.round(api("listingDetail").rps),
            listingDetailBaselineRps: Math.round(baseline("listingDetail").rps),
            listingDetailRatio: ratio("listingDetail"),
            listingDetailP99Ms: api("listingDetail").p99Ms,
            listingDetailBaselineP99Ms: baseline("listingDetail").p99Ms,
            searchRps: Math.round(api("search").rps),
            searchBaselineRps: Math.round(baseline("search").rps),
            searchRatio: ratio("search"),
            searchP99Ms: api("search").p99Ms,
            searchBaselineP99Ms: baseline("search").p99Ms,
            // The server process's own CPU (not DynamoDB Local's): the framework's cost even when Java is the bottleneck.
            serverCpuMsPerRequest: api("mixed").cpuMsPerRequest,
            baselineServerCpuMsPerRequest: baseline("mixed").cpuMsPerRequest,
            requests,
            failures,
            dynamoStartMs: servers.dynamoStartMs,
            seedMs: servers.seedMs,
          };
        } finally {
          await servers.stop();
        }
      },
    },
  ],
};
