import { createRequire } from "node:module";
import { type BenchSection, type Figures, percentile, round2, startServerChild } from "./harness";
import type { RoutesServers } from "./routes-server";

interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { total: number };
  duration: number;
}
interface AutocannonRequest {
  method: "GET" | "POST";
  setupRequest: (request: Record<string, unknown>) => Record<string, unknown>;
}
interface AutocannonRun extends PromiseLike<AutocannonResult> {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): unknown;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
}) => AutocannonRun;
const requireHere = createRequire(import.meta.url);

const seconds = Number(process.env.KETNOI_BENCH_ROUTE_SECONDS ?? 5);
/** How long a route's first request (the one that loads its read models) may take before it counts as timed out. */
const firstRequestTimeoutMs = Number(process.env.KETNOI_BENCH_FIRST_REQUEST_MS ?? 120_000);
/** Only these routes (comma-separated names, e.g. `candidates,apply`), in the bench's order; every route unless told. */
const onlyRoutes = process.env.KETNOI_BENCH_ROUTES?.split(",").map((name) => name.trim());

const startServers = () =>
  startServerChild<RoutesServers>(
    new URL("./routes-server.ts", import.meta.url),
    "the routes bench server",
    3_600_000, // seeding province-scale data takes minutes to an hour on a shared machine
  );

let ip = 0;
/** A fresh client address per request: the apply and sign-in rate limits are per address, not what is measured. */
const freshIp = () => {
  ip++;
  return `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`;
};

async function tokenFor(apiUrl: string, userId: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/dev-auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": freshIp() },
    body: JSON.stringify({ userId }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${userId}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Tokens of `count` generated students (ids as the province generator writes them), 16 sign-ins at a time. */
async function studentTokens(apiUrl: string, from: number, count: number): Promise<string[]> {
  const tokens: string[] = new Array(count);
  for (let i = 0; i < count; i += 16) {
    await Promise.all(
      Array.from({ length: Math.min(16, count - i) }, async (_, k) => {
        tokens[i + k] = await tokenFor(apiUrl, `p-u-sv-${String(from + i + k).padStart(4, "0")}`);
      }),
    );
  }
  return tokens;
}

/** Published listings without questions, so an empty application is valid for each. */
async function openListingIds(apiUrl: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 10; page++) {
    const query = new URLSearchParams({ sort: "newest", limit: "50", ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${apiUrl}/api/search?${query}`);
    const body = (await response.json()) as { items: Array<{ id: string; questions?: unknown[] }>; cursor: string };
    for (const item of body.items) if (!item.questions?.length) ids.push(item.id);
    cursor = body.cursor;
    if (!cursor) break;
  }
  return ids;
}

interface RouteCase {
  name: string;
  method: "GET" | "POST";
  /** The path and headers of the n-th request. */
  next: (n: number) => { path: string; headers: Record<string, string>; body?: string };
}

async function dbCalls(statsUrl: string): Promise<number> {
  return ((await (await fetch(statsUrl)).json()) as { dbCalls: number }).dbCalls;
}

/**
 * Waits until the server has stopped sending DynamoDB commands (no change over 1 s, at most 60 s): autocannon stops
 * at its duration with requests still in flight, and those would otherwise weigh on the next run (a slow route's
 * 50 unfinished requests made the route after it complete nothing in its window).
 */
async function settle(statsUrl: string): Promise<void> {
  let last = await dbCalls(statsUrl);
  for (const end = Date.now() + 60_000; Date.now() < end; ) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await dbCalls(statsUrl);
    if (now === last) return;
    last = now;
  }
}

async function load(servers: RoutesServers, route: RouteCase, connections: number, duration: number) {
  const autocannon = requireHere("autocannon") as Autocannon;
  let n = 0;
  const latencies: number[] = [];
  const callsBefore = await dbCalls(servers.statsUrl);
  const run = autocannon({
    url: servers.apiUrl,
    connections,
    duration,
    requests: [
      {
        method: route.method,
        setupRequest: (request) => {
          const { path, headers, body } = route.next(n++);
          return { ...request, path, headers: { ...headers, "x-forwarded-for": freshIp() }, body };
        },
      },
    ],
  });
  const statuses: Record<string, number> = {};
  run.on("response", (_client, status, _bytes, ms) => {
    latencies.push(ms);
    if (status >= 300) statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await run;
  const calls = (await dbCalls(servers.statsUrl)) - callsBefore;
  await settle(servers.statsUrl);
  const total = result.requests.total;
  return {
    rps: round2(total / result.duration),
    p50Ms: latencies.length ? round2(percentile(latencies, 50)) : 0,
    p99Ms: latencies.length ? round2(percentile(latencies, 99)) : 0,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: total,
    dbCallsPerRequest: total ? round2(calls / total) : 0,
    // Which statuses the non-2xx answers had (e.g. { "503": 12 }): a 503 is DynamoDB Local not answering in time.
    ...(Object.keys(statuses).length > 0 ? { statuses } : {}),
  };
}

export const routesSection: BenchSection = {
  name: "routes",
  cases: [
    {
      name: "routes",
      description:
        "the API over HTTP on generated province data (KETNOI_BENCH_SCALE, province unless told) in DynamoDB Local, " +
        `autocannon ${seconds} s at 10 and 50 connections per route; baseline: raw GetItem rps, 32 in flight`,
      targets: {
        "recommendations.c10.p99Ms": "≤ 150",
        "recommendations.c10.dbCallsPerRequest": "≤ 3",
        "search.c10.p99Ms": "≤ 100",
        "listingDetail.c10.p99Ms": "≤ 50",
        "*.c50.errors": "0",
      },
      async run() {
        const servers = await startServers();
        try {
          const { apiUrl } = servers;
          const detailIds = await openListingIds(apiUrl);
          if (detailIds.length < 50) throw new Error(`only ${detailIds.length} open listings found`);
          const [student, recruiter, officer] = await Promise.all([
            tokenFor(apiUrl, "sv-lan"),
            tokenFor(apiUrl, "rec-amata"),
            tokenFor(apiUrl, "prov-khcn"),
          ]);
          // Candidates run last: its first request loads every consenting profile (the read model is per process),
          // which at province scale keeps DynamoDB Local busy for a while and would weigh on the routes after it.
          // Apply: every request by a student who has not applied in this run, to an open listing.
          const applicants = await studentTokens(apiUrl, 1, 4_000);
          const readers = [student, ...applicants.slice(0, 200)];
          const queries = ["lap trinh nhung", "ky su dien tu", "thuc tap ke toan", "tu dong hoa", "thiet ke vi mach"];
          const auth = (token: string) => ({ authorization: `Bearer ${token}` });
          let applied = 0;
          const routes: RouteCase[] = [
            {
              name: "listingDetail",
              method: "GET",
              next: (n) => ({ path: `/api/listings/${detailIds[n % detailIds.length]}`, headers: {} }),
            },
            {
              name: "search",
              method: "GET",
              next: (n) => ({
                path: `/api/search?q=${encodeURIComponent(queries[n % queries.length]!)}&limit=20`,
                headers: {},
              }),
            },
            {
              name: "recommendations",
              method: "GET",
              next: (n) => ({ path: "/api/recommendations?limit=20", headers: auth(readers[n % readers.length]!) }),
            },
            {
              name: "dashboard",
              method: "GET",
              next: () => ({ path: "/api/dashboard?year=2026", headers: auth(officer) }),
            },
            {
              name: "apply",
              method: "POST",
              next: () => {
                const k = applied++;
                return {
                  path: `/api/listings/${detailIds[(k * 7) % detailIds.length]}/applications`,
                  headers: { ...auth(applicants[k % applicants.length]!), "content-type": "application/json" },
                  body: JSON.stringify({ answers: [] }),
                };
              },
            },
            {
              name: "candidates",
              method: "GET",
              next: () => ({
                path: "/api/listings/amata-tech-intern-embedded/candidates?limit=20",
                headers: auth(recruiter),
              }),
            },
          ];
          const figures: Figures = {
            scale: servers.scale,
            students: servers.counts.students ?? 0,
            listings: servers.counts.listings ?? 0,
            applications: servers.counts.applications ?? 0,
            seedMs: servers.seedMs,
            indexBuildMs: servers.indexBuildMs,
            baselineGetItemRps: servers.getItemRps,
          };
          const unknown = onlyRoutes?.filter((name) => !routes.some((route) => route.name === name)) ?? [];
          if (unknown.length > 0) throw new Error(`KETNOI_BENCH_ROUTES: no route ${unknown.join(", ")}`);
          for (const route of routes.filter((r) => !onlyRoutes || onlyRoutes.includes(r.name))) {
            // The route's first request alone, timed: it loads the read models it shares with every later request
            // (search index, demand, dashboard cells, consenting students), which a long-running API has loaded.
            if (route.name !== "apply") {
              const { path, headers } = route.next(0);
              // Bounded: at province scale candidates' first request reads every consenting student, which can take
              // minutes under load; past the bound it is reported as timed out (status 0) and the runs go on.
              const start = performance.now();
              let status = 0;
              try {
                const first = await fetch(`${apiUrl}${path}`, {
                  headers: { ...headers, "x-forwarded-for": freshIp() },
                  signal: AbortSignal.timeout(firstRequestTimeoutMs),
                });
                await first.arrayBuffer();
                status = first.status;
              } catch (error) {
                if ((error as Error).name !== "TimeoutError") throw error;
              }
              figures[`${route.name}FirstRequest`] = { ms: round2(performance.now() - start), status };
              // Then one short unmeasured run to warm the JIT.
              await load(servers, route, 10, 1);
            }
            const c10 = await load(servers, route, 10, seconds);
            const c50 = await load(servers, route, 50, seconds);
            figures[route.name] = { c10, c50 };
            console.error(`  ${route.name}: c10 ${JSON.stringify(c10)} c50 ${JSON.stringify(c50)}`);
          }
          if (applied > applicants.length) figures.applyNote = `${applied} applies by ${applicants.length} students`;
          return figures;
        } finally {
          await servers.stop();
        }
      },
    },
  ],
};
