import { BatchWriteCommand, type BatchWriteCommandInput, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { forgetRecordKeySecrets } from "../aggregates/record-keys";
import { rebuildCandidateSnapshot } from "../candidates/live";
import { config } from "../config";
import { dynamo } from "../db/client";
import { db } from "../db/service";
import { tableDefinition } from "../db/table";
import { writeSeedAggregates } from "./aggregates";
import { backoff, maxAttempts, putAll } from "./batch";
import { demoTime } from "./clock";
import { generateDemoData } from "./demo-data";
import { emptyHistory, generateDemoHistory } from "./history";
import { generateProvinceData, type SeedScale } from "./province-data";

type WriteRequest = NonNullable<BatchWriteCommandInput["RequestItems"]>[string][number];

/** Deletes one batch of at most 25 keys, retrying UnprocessedItems with backoff. */
async function deleteBatch(tableName: string, keys: Array<Record<string, unknown>>): Promise<void> {
  let requests: WriteRequest[] = keys.map((Key) => ({ DeleteRequest: { Key } }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt === maxAttempts) throw new Error(`Reset gave up with ${requests.length} undeleted items`);
    if (attempt > 0) await backoff(attempt);
    const result = await dynamo().send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
    requests = result.UnprocessedItems?.[tableName] ?? [];
  }
}

/** Deletes keys in batches of 25, four batches at a time (as the puts run). */
async function deleteAll(tableName: string, keys: Array<Record<string, unknown>>): Promise<void> {
  const batches = Array.from({ length: Math.ceil(keys.length / 25) }, (_, i) => keys.slice(i * 25, i * 25 + 25));
  for (let i = 0; i < batches.length; i += 4) {
    await Promise.all(batches.slice(i, i + 4).map((batch) => deleteBatch(tableName, batch)));
  }
}

/** Deletes every item of the configured table (not only demo items): the table is rebuilt from scratch. */
async function clearTable(): Promise<number> {
  const tableName = config().TABLE_NAME;
  const { partitionKey, sortKey } = tableDefinition;
  let deleted = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({
        TableName: tableName,
        ProjectionExpression: "#pk, #sk",
        ExpressionAttributeNames: { "#pk": partitionKey, "#sk": sortKey },
        ExclusiveStartKey: startKey,
      }),
    );
    const keys = page.Items ?? [];
    await deleteAll(tableName, keys);
    deleted += keys.length;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  forgetRecordKeySecrets();
  return deleted;
}

/** Whether the configured table holds at least one item. */
export async function tableHasItems(): Promise<boolean> {
  const page = await dynamo().send(new ScanCommand({ TableName: config().TABLE_NAME, Limit: 1 }));
  return (page.Items?.length ?? 0) > 0;
}

/**
 * Writes the demo data set and its years of history (seed/history.ts) into the configured table through the
 * ElectroDB entities, with the dashboard's aggregates computed from them in memory (seed/aggregates.ts), so a
 * fresh start shows the province's progress at once. Puts overwrite, so seeding twice leaves the same data;
 * `reset` first deletes every item of the table (anything not in the demo data too); `history: false` writes only
 * the current demo (accounts, organisations, students, listings) and its aggregates.
 * @example const { counts } = await seedDemoData({ reset: true }); // counts.students === 220
 */
export async function seedDemoData(
  options: { reset?: boolean; history?: boolean } = {},
): Promise<{ counts: Record<string, number> }> {
  const data = generateDemoData();
  // Tests that only need the demo's accounts and current listings leave the history out (a tenth of the writes).
  const past = options.history === false ? emptyHistory() : generateDemoHistory(data);
  if (options.reset) await clearTable();
  const { entities } = db();
  const go = { concurrent: 4 } as const;
  const listings = [...data.listings, ...past.listings];
  // The counters first: a stream consumer that sees the records afterwards finds them already counted.
  const aggregates = await writeSeedAggregates(
    { listings, students: data.students, applications: past.applications, bookings: past.bookings },
    { concurrent: 8, at: demoTime(0) },
  );
  await Promise.all([
    putAll(
      data.organisations,
      (b) => entities.organisation.put(b).go(go),
      (o) => o.orgId,
    ),
    putAll(
      data.users,
      (b) => entities.user.put(b).go(go),
      (u) => u.userId,
    ),
    putAll(
      data.memberships,
      (b) => entities.membership.put(b).go(go),
      (m) => `${m.orgId}/${m.userId}`,
    ),
    putAll(
      data.students,
      (b) => entities.student.put(b).go(go),
      (s) => s.userId,
    ),
    putAll(
      listings,
      (b) => entities.listing.put(b).go(go),
      (l) => l.listingId,
    ),
    putAll(
      past.applications,
      (b) => entities.application.put(b).go(go),
      (a) => `${a.listingId}/${a.studentId}`,
    ),
    putAll(
      past.bookings,
      (b) => entities.booking.put(b).go(go),
      (b) => `${b.listingId}/${b.sessionId}/${b.holder}`,
    ),
    putAll(
      past.sessionSeats,
      (b) => entities.sessionSeats.put(b).go(go),
      (s) => `${s.listingId}/${s.sessionId}`,
    ),
    putAll(
      past.listingDemand,
      (b) => entities.listingDemand.put(b).go(go),
      (d) => d.listingId,
    ),
    putAll(
      past.targets,
      (b) => entities.target.put(b).go(go),
      (t) => `${t.year}/${t.field}/${t.scopeId}`,
    ),
    putAll(
      past.targetVersions,
      (b) => entities.targetVersion.put(b).go(go),
      (t) => `${t.year}/${t.field}/${t.scopeId}/${t.version}`,
    ),
  ]);
  // The seeded students' candidate snapshot, so that no candidates request reads the pool from the table (not an
  // item of the table: not among the counts).
  await rebuildCandidateSnapshot();
  return {
    counts: {
      organisations: data.organisations.length,
      users: data.users.length,
      memberships: data.memberships.length,
      students: data.students.length,
      listings: listings.length,
      applications: past.applications.length,
      bookings: past.bookings.length,
      sessionSeats: past.sessionSeats.length,
      listingDemand: past.listingDemand.length,
      targets: past.targets.length,
      targetVersions: past.targetVersions.length,
      dashboardCells: aggregates.cells,
      dashboardRollups: aggregates.rollups,
      dashboardContributions: aggregates.contributions,
      // The record-key secret the counters' key sums were computed with (created by the first seed of a table).
      dashboardSecret: 1,
    },
  };
}

/**
 * Writes the province-scale data set (`generateProvinceData`): BatchWriteItem through the entities, 25 items a
 * request and `concurrency` requests at once, unprocessed items put again with backoff, progress reported per
 * entity. The dashboard aggregates are written first, computed from the generated records in memory
 * (`writeSeedAggregates`, the same `recompute` reconciliation checks with): replaying them through the counters
 * (`reconcileAggregates` with repair) took over an hour at province scale.
 * @example await seedProvinceData(seedScales.district, { reset: true, progress: console.log })
 */
export async function seedProvinceData(
  scale: SeedScale,
  options: {
    reset?: boolean;
    concurrency?: number;
    progress?: (line: string) => void;
    /** `false`: counters without contribution records, for a table without a stream consumer (writeSeedAggregates). */
    contributions?: boolean;
  } = {},
): Promise<{ counts: Record<string, number> }> {
  const progress = options.progress ?? (() => {});
  const started = Date.now();
  const data = generateProvinceData(scale);
  progress(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (options.reset) progress(`cleared ${await clearTable()} items`);
  // Into an empty table (cleared, or new as the routes bench's), the students written are all the table holds.
  const emptyBefore = options.reset || !(await tableHasItems());
  const { entities } = db();
  const go = { concurrent: options.concurrency ?? 8 } as const;
  const aggregated = Date.now();
  const aggregates = await writeSeedAggregates(data, {
    concurrent: go.concurrent,
    at: demoTime(0),
    contributions: options.contributions,
  });
  progress(
    `aggregates: ${aggregates.cells} counters, ${aggregates.rollups} roll-ups, ${aggregates.contributions} contributions in ` +
      `${((Date.now() - aggregated) / 1000).toFixed(1)} s`,
  );
  const chunk = 5_000;
  const write = async <T>(
    name: string,
    items: readonly T[],
    put: (batch: T[]) => Promise<{ unprocessed: unknown[] }>,
    keyOf: (item: T) => string,
  ) => {
    const at = Date.now();
    for (let i = 0; i < items.length; i += chunk) {
      await putAll(items.slice(i, i + chunk), put, keyOf as (item: unknown) => string);
      const done = Math.min(items.length, i + chunk);
      const rate = Math.round(done / Math.max(0.001, (Date.now() - at) / 1000));
      progress(`${name}: ${done}/${items.length} (${rate}/s)`);
    }
  };
  await write(
    "organisations",
    data.organisations,
    (b) => entities.organisation.put(b).go(go),
    (o) => o.orgId,
  );
  await write(
    "users",
    data.users,
    (b) => entities.user.put(b).go(go),
    (u) => u.userId,
  );
  await write(
    "memberships",
    data.memberships,
    (b) => entities.membership.put(b).go(go),
    (m) => `${m.orgId}/${m.userId}`,
  );
  await write(
    "students",
    data.students,
    (b) => entities.student.put(b).go(go),
    (s) => s.userId,
  );
  await write(
    "listings",
    data.listings,
    (b) => entities.listing.put(b).go(go),
    (l) => l.listingId,
  );
  await write(
    "applications",
    data.applications,
    (b) => entities.application.put(b).go(go),
    (a) => `${a.listingId}/${a.studentId}`,
  );
  await write(
    "listingDemand",
    data.listingDemand,
    (b) => entities.listingDemand.put(b).go(go),
    (d) => d.listingId,
  );
  await write(
    "bookings",
    data.bookings,
    (b) => entities.booking.put(b).go(go),
    (b) => `${b.listingId}/${b.sessionId}/${b.holder}`,
  );
  await write(
    "sessionSeats",
    data.sessionSeats,
    (b) => entities.sessionSeats.put(b).go(go),
    (s) => `${s.listingId}/${s.sessionId}`,
  );
  await write(
    "targets",
    data.targets,
    (b) => entities.target.put(b).go(go),
    (t) => `${t.year}/${t.field}/${t.scopeId}`,
  );
  await write(
    "rounds",
    data.rounds,
    (b) => entities.placementRound.put(b).go(go),
    (r) => r.roundId,
  );
  const snapshotAt = Date.now();
  // From the profiles just written when the table was empty before (nothing else is in it); else from the index.
  // The generated profiles are typed as the entity's items (major a string); the index read returns the same items.
  const written = data.students as unknown as Parameters<typeof rebuildCandidateSnapshot>[0];
  const candidates = await rebuildCandidateSnapshot(emptyBefore ? written : undefined);
  progress(
    `candidate snapshot: ${candidates.students} consenting students, ${(candidates.bytes / 1e6).toFixed(1)} MB in ` +
      `${((Date.now() - snapshotAt) / 1000).toFixed(1)} s`,
  );
  const counts = Object.fromEntries(Object.entries(data).map(([name, items]) => [name, (items as unknown[]).length]));
  return {
    counts: {
      ...counts,
      dashboardCells: aggregates.cells,
      dashboardRollups: aggregates.rollups,
      dashboardContributions: aggregates.contributions,
    },
  };
}
