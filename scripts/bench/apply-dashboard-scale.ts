/**
 * How apply's and the province dashboard's costs grow with the data (issue 13's province routes run completed
 * neither): `npx tsx scripts/bench/apply-dashboard-scale.ts [--students N]` seeds generated province-shaped data
 * (`generateProvinceData`, N students, N/50 organisations, N/5 listings, 3N applications; counters without
 * contribution records, no stream, as scripts/bench/routes-server.ts) into an in-memory DynamoDB Local, serves the
 * real API, then, one request at a time (nothing else in flight, so the process's DynamoDB command count is the
 * request's): 30 applies, each by a student who has not applied to that listing, and the province officer's
 * default dashboard, first request (it loads the roll-ups: `rollupItemsRead`; `cells` are the counters the old path
 * read, counted after) then 5 more. Prints one JSON line. Run it at two sizes
 * and compare: a cost that does not move with N is bounded.
 */
import { currentBucket, listingIntake } from "@ketnoi/core";
import { configureCandidates } from "@ketnoi/functions/candidates/live";
import { totalDbCalls } from "@ketnoi/functions/db/call-counter";
import { dbCallsHeader } from "@ketnoi/functions/http/db-calls";
import { useLocalConfig } from "@ketnoi/functions/local/config";
import { startDynamoLocal } from "@ketnoi/functions/local/dynamodb-local";
import { freePort } from "@ketnoi/functions/local/ports";
import { serveApi } from "@ketnoi/functions/local/server";
import { ensureTable } from "@ketnoi/functions/local/tables";
import { configureSearch } from "@ketnoi/functions/search/live";
import { memorySnapshotStore } from "@ketnoi/functions/search/snapshot-store";
import { generateProvinceData } from "@ketnoi/functions/seed/province-data";
import { seedProvinceData } from "@ketnoi/functions/seed/seed";

const at = process.argv.indexOf("--students");
const students = Number(at >= 0 ? process.argv[at + 1] : "1000");
const scale = { students, organisations: students / 50, listings: students / 5, applications: students * 3 };
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

const [dynamoPort, apiPort] = [await freePort(), await freePort()];
const dynamo = await startDynamoLocal({ port: dynamoPort, inMemory: true, heapMb: 2048 });
const tableName = "apply-dashboard-scale";
process.env.TRUSTED_PROXIES ??= "127.0.0.1";
const apiUrl = `http://127.0.0.1:${apiPort}`;
useLocalConfig({ endpoint: dynamo.endpoint, tableName, apiUrl, webOrigin: "http://127.0.0.1:5173" });
configureSearch({ store: memorySnapshotStore(), bootstrap: true, persist: true });
configureCandidates({ store: memorySnapshotStore() });
await ensureTable(dynamo.endpoint, tableName, { stream: false });
const seedStart = performance.now();
await seedProvinceData(scale, { contributions: false });
const seedMs = Math.round(performance.now() - seedStart);
const api = await serveApi(apiPort);

let ip = 0;
async function send(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  ip++;
  const before = totalDbCalls();
  const start = performance.now();
  const res = await fetch(`${apiUrl}${path}`, {
    method: init.method ?? "GET",
    headers: {
      "x-forwarded-for": `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body ? { "content-type": "application/json" } : {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  const json = (await res.json()) as Record<string, unknown>;
  return {
    status: res.status,
    json,
    ms: performance.now() - start,
    calls: totalDbCalls() - before,
    header: Number(res.headers.get(dbCallsHeader)),
  };
}
const token = async (userId: string) =>
  (await send("/api/dev-auth/token", { method: "POST", body: { userId } })).json.token as string;

try {
  // Pairs the seed has not filled: an open published internship without questions of a verified organisation, and
  // a generated student with no application to it (the same deterministic data the seed wrote).
  const data = generateProvinceData(scale);
  const verified = new Set(data.organisations.filter((o) => o.verification === "verified").map((o) => o.orgId));
  const taken = new Set(data.applications.map((a) => `${a.listingId}|${a.studentId}`));
  const now = new Date();
  const open = data.listings.filter(
    (l) =>
      l.type !== "visit" &&
      verified.has(l.orgId) &&
      (l.questions ?? []).length === 0 &&
      listingIntake({ status: l.status, deadline: l.deadline }, now) === "open",
  );
  const applicants = data.students.filter((s) => s.userId.startsWith("p-u-sv-")).slice(0, 30);
  const apply: Array<{ status: number; ms: number; calls: number; header: number }> = [];
  for (const [i, student] of applicants.entries()) {
    let listing = open[(i * 7) % open.length]!;
    for (let k = 1; taken.has(`${listing.listingId}|${student.userId}`); k++)
      listing = open[(i * 7 + k) % open.length]!;
    const t = await token(student.userId);
    const { status, ms, calls, header } = await send(`/api/listings/${listing.listingId}/applications`, {
      method: "POST",
      token: t,
      body: { answers: [] },
    });
    apply.push({ status, ms, calls, header });
  }

  const officer = await token("prov-khcn");
  // What the first request's read models read: the roll-ups (the seed wrote them and their marker) or the counters.
  const { dashboardReads } = await import("@ketnoi/functions/data/dashboard-rollups");
  const readsBefore = { ...dashboardReads };
  const dashboard = [];
  for (let i = 0; i < 6; i++)
    dashboard.push(await send(`/api/dashboard?year=${now.getFullYear()}`, { token: officer }));
  // The counters the first request loaded, per bucket (read once more here, uncounted above).
  const firstReads = {
    rollupItemsRead: dashboardReads.rollupItems - readsBefore.rollupItems,
    counterItemsRead: dashboardReads.counterItems - readsBefore.counterItems,
  };
  const { bucketCells } = await import("@ketnoi/functions/data/dashboard-cells");
  const cells = {
    year: (await bucketCells(String(now.getFullYear()))).length,
    now: (await bucketCells(currentBucket)).length,
  };
  const later = dashboard.slice(1);
  const tables = (dashboard[0]!.json.tables as Array<{ rows?: unknown[] }> | undefined) ?? [];
  console.log(
    JSON.stringify({
      scale,
      seedMs,
      openListings: open.length,
      apply: {
        statuses: apply.map((a) => a.status),
        callsMin: Math.min(...apply.map((a) => a.calls)),
        callsMax: Math.max(...apply.map((a) => a.calls)),
        headerMax: Math.max(...apply.map((a) => a.header)),
        p50Ms: Math.round(
          quantile(
            apply.map((a) => a.ms),
            0.5,
          ),
        ),
        p90Ms: Math.round(
          quantile(
            apply.map((a) => a.ms),
            0.9,
          ),
        ),
        maxMs: Math.round(Math.max(...apply.map((a) => a.ms))),
      },
      dashboard: {
        status: dashboard.map((d) => d.status),
        cells,
        ...firstReads,
        tables: tables.length,
        rowsShown: tables.reduce((n, t) => n + (t.rows?.length ?? 0), 0),
        responseBytes: JSON.stringify(dashboard[0]!.json).length,
        firstMs: Math.round(dashboard[0]!.ms),
        firstCalls: dashboard[0]!.calls,
        laterP50Ms: Math.round(
          quantile(
            later.map((d) => d.ms),
            0.5,
          ),
        ),
        laterMaxMs: Math.round(Math.max(...later.map((d) => d.ms))),
        laterCallsMax: Math.max(...later.map((d) => d.calls)),
      },
    }),
  );
} finally {
  await api.close();
  await dynamo.stop();
}
process.exit(0);
