import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call } from "../../test/helpers";
import { apply, submittedApplications } from "../../test/marketplace";
import { totalDbCalls } from "../db/call-counter";
import { db } from "../db/service";
import { dbCallsHeader } from "../http/db-calls";
import { generateDemoData } from "../seed/demo-data";
import { seedDemoData } from "../seed/seed";

/**
 * How many DynamoDB commands each route may send per request, counted by the SDK middleware (db/call-counter.ts)
 * and read from the non-prod response header. The bounds must not depend on the data: the table is measured,
 * then 150 more published listings with applications and 150 more consenting students are added, and every
 * route must cost exactly as much again. Caches shared by all requests (the search index, listing demand,
 * consenting students) are loaded by the first request; the bound is for every request after it.
 */
const demo = generateDemoData();
const listingId = "amata-tech-intern-embedded";
const tokens: Record<string, string> = {};
let nextStudent = 0;

async function signIn(userId: string): Promise<string> {
  tokens[userId] ??= (await call("POST", "/api/dev-auth/token", { body: { userId } })).json.token;
  return tokens[userId]!;
}

/** A demo student who has not applied to the listing yet: every apply is by someone new. */
const freshApplicant = () => {
  const students = demo.students.filter((s) => s.userId.startsWith("u-sv"));
  return students[nextStudent++ % students.length]!.userId;
};

const routes: Array<{ name: string; max: number; send: () => Promise<{ status: number; headers: Headers }> }> = [
  // The listing and its organisation (its standing decides visibility; the same read gives its name). 3 before:
  // the organisation was read twice.
  { name: "listing detail", max: 2, send: () => call("GET", `/api/listings/${listingId}`) },
  // One BatchGetItem for the page's listings, one for their organisations' standing (rejected/suspended leave at once).
  { name: "search", max: 2, send: () => call("GET", "/api/search?q=lap%20trinh%20nhung&limit=20") },
  {
    name: "recommendations",
    max: 3,
    send: async () => call("GET", "/api/recommendations?limit=20", { token: await signIn("sv-lan") }),
  },
  {
    name: "candidates",
    max: 3,
    send: async () =>
      call("GET", `/api/listings/${listingId}/candidates?limit=20`, { token: await signIn("rec-amata") }),
  },
  {
    name: "dashboard",
    // The caller, the year's targets, the organisations' names and the access audit entry. The aggregate cells come
    // from the process's read model (data/dashboard-cells.ts), never read per request: before, each request also
    // read both buckets' whole partitions (6 commands here; several 1 MB pages each at district scale).
    max: 4,
    send: async () =>
      call("GET", `/api/dashboard?year=${new Date().getFullYear()}`, { token: await signIn("prov-khcn") }),
  },
  { name: "me", max: 2, send: async () => call("GET", "/api/me", { token: await signIn("sv-lan") }) },
  // The menu's unread-messages badge: the caller's threads and read markers, two Queries whatever their number.
  {
    name: "unread messages (student)",
    max: 3,
    send: async () => call("GET", "/api/messages/unread", { token: await signIn("sv-lan") }),
  },
  {
    name: "unread messages (member)",
    max: 3,
    send: async () => call("GET", "/api/messages/unread", { token: await signIn("rec-amata") }),
  },
  {
    name: "apply",
    max: 9,
    send: async () => apply(await signIn(freshApplicant()), listingId, { answers: [] }),
  },
];

async function measure(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const route of routes) {
    const res = await route.send();
    expect(res.status, route.name).toBeLessThan(300);
    counts[route.name] = Number(res.headers.get(dbCallsHeader));
  }
  return counts;
}

/** 150 more published listings (copies of the measured one, each with 4 applications) and 150 consenting students. */
async function grow(): Promise<void> {
  const { data: listing } = await db().entities.listing.get({ listingId }).go();
  const copies = Array.from({ length: 150 }, (_, i) => ({ ...listing!, listingId: `grown-${i}` }));
  await db().entities.listing.put(copies).go({ concurrent: 4 });
  await effectsSettled(120_000);
  const applications = submittedApplications(
    copies.flatMap((copy) =>
      Array.from({ length: 4 }, (_, i) => ({
        listingId: copy.listingId,
        orgId: copy.orgId,
        studentId: `crowd-${i}`,
        applicationId: `${copy.listingId}-${i}`,
      })),
    ),
  );
  await db().entities.application.put(applications).go({ concurrent: 4 });
  const template = demo.students.find((s) => s.consents.recommendToRecruiters.granted)!;
  const students = Array.from({ length: 150 }, (_, i) => ({ ...template, userId: `grown-student-${i}` }));
  await db().entities.student.put(students).go({ concurrent: 4 });
  await effectsSettled(120_000);
}

beforeAll(async () => {
  await seedDemoData({ history: false });
  await effectsSettled(120_000); // the stream consumer has built the aggregates and the index of the seeded data
}, 180_000);

describe("DynamoDB commands per request", () => {
  it("candidates: the first request of the process stays within the bound, background loads included", async () => {
    // The consenting students come from the candidate snapshot (candidates/live.ts), not from a Query of every
    // consenting profile that the request waited for (uncounted in the header, as a shared cache's load).
    const candidates = routes.find((route) => route.name === "candidates")!;
    await signIn("rec-amata");
    await effectsSettled(); // the stream consumer's own work (the sign-in's writes) is done: nothing else runs now
    const before = totalDbCalls();
    const res = await candidates.send();
    expect(res.status).toBe(200);
    const sent = totalDbCalls() - before;
    // Everything it sent is charged to it: it waited for no background load (the old pool's Query was one).
    expect(sent).toBe(Number(res.headers.get(dbCallsHeader)));
    // The bound, plus one read of the caller that later requests find cached in this process.
    expect(sent).toBeLessThanOrEqual(candidates.max + 1);
  });

  it("stay within each route's bound, and do not grow with listings, applications or students", async () => {
    await measure(); // the first requests load the shared read models
    const before = await measure();
    for (const route of routes) expect(before[route.name], route.name).toBeLessThanOrEqual(route.max);
    expect(before.recommendations).toBeGreaterThan(0);

    await grow();
    await measure();
    const after = await measure();
    expect(after).toEqual(before);
  }, 300_000);
});
