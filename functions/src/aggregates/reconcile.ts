import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import {
  applicationContribution,
  bookingContribution,
  type Contribution,
  type ListingFacts,
  listingContribution,
  parseCellKey,
  rollUp,
  rollupSliceOf,
  type StudentFacts,
  studentContribution,
} from "@ketnoi/core";
import { dataConfig } from "../config";
import { forgetDashboardCells } from "../data/dashboard-cells";
import { rollupsCompleteKey } from "../data/dashboard-rollups";
import { dynamo } from "../db/client";
import { db } from "../db/service";
import { type FactKind, factId, orderKeyOf } from "./apply";
import { recordKeyOf } from "./record-keys";

type Item = Record<string, unknown>;
const sourceEntities = [
  "listing",
  "application",
  "booking",
  "student",
  "dashCell",
  "dashContribution",
  "dashRollup",
] as const;
const segments = 4;

/**
 * One counter that differs from what the source records add up to: in its count (the true, unperturbed number),
 * or only in its records' key sum (which the published noise is read from). A roll-up that differs from the sum
 * of the counters the records add up to is reported the same way, `cellKey` then `rollup:<bucket>/<roll-up key>`
 * (a table whose roll-ups were never built reports each one, until `--repair` builds them).
 */
export interface Drift {
  cellKey: string;
  expected: number;
  actual: number;
  expectedKeySum: number;
  actualKeySum: number;
}

/** What reconciliation found (and, with `repair`, fixed). */
export interface ReconciliationReport {
  sourceRecords: number;
  cells: number;
  drift: Drift[];
  repaired: boolean;
}

/** Reads every item of the entities reconciliation needs: a parallel Scan (a batch job, never a page load). */
async function scanEntities(): Promise<Map<string, Item[]>> {
  const byEntity = new Map<string, Item[]>(sourceEntities.map((e) => [e, []]));
  const names = Object.fromEntries(sourceEntities.map((e, i) => [`:e${i}`, e]));
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await dynamo().send(
          new ScanCommand({
            TableName: dataConfig().TABLE_NAME,
            Segment: segment,
            TotalSegments: segments,
            ConsistentRead: true,
            FilterExpression: `#e IN (${Object.keys(names).join(", ")})`,
            ExpressionAttributeNames: { "#e": "__edb_e__" },
            ExpressionAttributeValues: names,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) byEntity.get(String(item.__edb_e__))?.push(item);
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    }),
  );
  return byEntity;
}

const idOf: Record<FactKind, string> = {
  listing: "listingId",
  application: "applicationId",
  booking: "bookingId",
  student: "userId",
};

/** Source records by entity name (`listing`, `student`, `application`, `booking`), as stored or about to be. */
export type SourceRecords = Map<string, Item[]>;

/**
 * Every source record's contribution, recomputed from the records as they are, and the counters (count and key
 * sum per cell) they must add up to. Reconciliation compares the stored counters with it; the bulk seed writes
 * it directly (seed/aggregates.ts), so both agree by construction.
 */
export async function recompute(byEntity: SourceRecords) {
  for (const entity of ["listing", "student", "application", "booking"]) {
    if (!byEntity.has(entity)) byEntity.set(entity, []);
  }
  const listings = new Map(byEntity.get("listing")!.map((l) => [String(l.listingId), l as unknown as ListingFacts]));
  const students = new Map(byEntity.get("student")!.map((s) => [String(s.userId), s as unknown as StudentFacts]));
  const facts: Array<{ kind: FactKind; item: Item; contribution: Contribution }> = [
    ...byEntity
      .get("listing")!
      .map((item) => ({ kind: "listing" as const, item, contribution: listingContribution(item as never) })),
    ...byEntity
      .get("student")!
      .map((item) => ({ kind: "student" as const, item, contribution: studentContribution(item as never) })),
    ...byEntity.get("application")!.map((item) => ({
      kind: "application" as const,
      item,
      contribution: applicationContribution(
        item as never,
        listings.get(String(item.listingId)),
        students.get(String(item.studentId)),
      ),
    })),
    ...byEntity.get("booking")!.map((item) => ({
      kind: "booking" as const,
      item,
      contribution: bookingContribution(
        item as never,
        listings.get(String(item.listingId)),
        item.kind === "student" ? students.get(String(item.bookerUserId)) : undefined,
      ),
    })),
  ];
  const expected = new Map<string, { count: number; keySum: number }>();
  for (const { kind, item, contribution } of facts) {
    const entries = Object.entries(contribution);
    if (entries.length === 0) continue;
    const recordKey = await recordKeyOf(factId(kind, String(item[idOf[kind]])));
    for (const [key, n] of entries) {
      const sum = expected.get(key) ?? { count: 0, keySum: 0 };
      expected.set(key, { count: sum.count + n, keySum: sum.keySum + n * recordKey });
    }
  }
  return { facts, expected };
}

/**
 * Rewrites the contribution records and corrects every drifting counter. Only safe while no aggregator runs
 * (the local platform does it at start, before reading the stream; in deploy, pause the stream mapping first).
 */
async function repair(facts: Awaited<ReturnType<typeof recompute>>["facts"], records: Item[], allDrift: Drift[]) {
  const drift = allDrift.filter((d) => !d.cellKey.startsWith(rollupPrefix));
  const rollupDrift = allDrift.filter((d) => d.cellKey.startsWith(rollupPrefix));
  const now = new Date().toISOString();
  const live = new Set<string>();
  const revs = new Map(records.map((r) => [String(r.fact), Number(r.rev ?? 0)]));
  const puts = facts.flatMap(({ kind, item, contribution }) => {
    const fact = factId(kind, String(item[idOf[kind]]));
    live.add(fact);
    // Records that count nothing need no record (as the aggregator writes none for them).
    if (Object.keys(contribution).length === 0 && !revs.has(fact)) return [];
    return [{ fact, orderKey: orderKeyOf(item), rev: (revs.get(fact) ?? 0) + 1, cells: contribution }];
  });
  const gone = records.filter((r) => !live.has(String(r.fact)));
  let unprocessed = (await db().entities.dashContribution.put(puts).go({ concurrent: 4 })).unprocessed;
  for (let attempt = 0; unprocessed.length > 0 && attempt < 5; attempt++) {
    const left = new Set(unprocessed.map((key) => key.fact));
    ({ unprocessed } = await db()
      .entities.dashContribution.put(puts.filter((p) => left.has(p.fact)))
      .go({ concurrent: 4 }));
  }
  if (unprocessed.length > 0) throw new Error(`reconcile: ${unprocessed.length} contribution records left unwritten`);
  if (gone.length > 0)
    await db()
      .entities.dashContribution.delete(gone.map((r) => ({ fact: String(r.fact) })))
      .go();
  // A few updates at a time: a fresh local table (npm start after seeding) repairs every counter at once.
  for (let i = 0; i < drift.length; i += 8) {
    await Promise.all(
      drift.slice(i, i + 8).map(({ cellKey, expected, actual, expectedKeySum, actualKeySum }) =>
        db()
          .entities.dashCell.update({ bucket: parseCellKey(cellKey).bucket, cellKey })
          .add({ count: expected - actual, keySum: expectedKeySum - actualKeySum })
          .set({ updatedAt: now })
          .go(),
      ),
    );
  }
  for (let i = 0; i < rollupDrift.length; i += 8) {
    await Promise.all(
      rollupDrift.slice(i, i + 8).map(({ cellKey, expected, actual, expectedKeySum, actualKeySum }) => {
        const [bucket, rollupKey] = splitRollupId(cellKey);
        return db()
          .entities.dashRollup.update({ bucket, slice: rollupSliceOf(rollupKey), rollupKey })
          .add({ count: expected - actual, keySum: expectedKeySum - actualKeySum })
          .set({ updatedAt: now })
          .go();
      }),
    );
  }
  // Every roll-up now equals its counters: dashboards may read them (data/dashboard-rollups.ts).
  await db()
    .entities.dashRollup.put({ ...rollupsCompleteKey, count: 0, keySum: 0, updatedAt: now })
    .go();
}

const rollupPrefix = "rollup:";
const rollupIdOf = (bucket: string, rollupKey: string) => `${rollupPrefix}${bucket}/${rollupKey}`;
const splitRollupId = (id: string): [string, string] => {
  const rest = id.slice(rollupPrefix.length);
  const slash = rest.indexOf("/");
  return [rest.slice(0, slash), rest.slice(slash + 1)];
};

/**
 * Recomputes every aggregate from the source records and reports each counter that differs (zero drift
 * expected); with `repair`, also rewrites them. Library entry of `npm run reconcile`.
 * @example const { drift } = await reconcileAggregates(); // []
 */
export async function reconcileAggregates(options: { repair?: boolean } = {}): Promise<ReconciliationReport> {
  const byEntity = await scanEntities();
  const { facts, expected } = await recompute(byEntity);
  const actual = new Map(
    byEntity
      .get("dashCell")!
      .map((c) => [String(c.cellKey), { count: Number(c.count), keySum: Number(c.keySum ?? 0) }]),
  );
  const drift: Drift[] = [];
  const none = { count: 0, keySum: 0 };
  for (const cellKey of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(cellKey) ?? none;
    const a = actual.get(cellKey) ?? none;
    if (e.count !== a.count || e.keySum !== a.keySum) {
      drift.push({
        cellKey,
        expected: e.count,
        actual: a.count,
        expectedKeySum: e.keySum,
        actualKeySum: a.keySum,
      });
    }
  }
  // The roll-ups the counters add up to, against the stored ones (the marker is no roll-up).
  const expectedRollups = new Map(
    [...rollUp([...expected].map(([key, sum]) => ({ key, ...sum }))).values()].map((r) => [
      rollupIdOf(r.bucket, r.key),
      r,
    ]),
  );
  const actualRollups = new Map(
    byEntity
      .get("dashRollup")!
      .filter((r) => r.bucket !== rollupsCompleteKey.bucket)
      .map((r) => [
        rollupIdOf(String(r.bucket), String(r.rollupKey)),
        { count: Number(r.count), keySum: Number(r.keySum ?? 0) },
      ]),
  );
  for (const id of new Set([...expectedRollups.keys(), ...actualRollups.keys()])) {
    const e = expectedRollups.get(id) ?? none;
    const a = actualRollups.get(id) ?? none;
    if (e.count !== a.count || e.keySum !== a.keySum) {
      drift.push({ cellKey: id, expected: e.count, actual: a.count, expectedKeySum: e.keySum, actualKeySum: a.keySum });
    }
  }
  drift.sort((x, y) => x.cellKey.localeCompare(y.cellKey));
  if (options.repair) {
    await repair(facts, byEntity.get("dashContribution")!, drift);
    forgetDashboardCells(); // this process's dashboards read the repaired counters
  }
  return {
    sourceRecords: facts.length,
    cells: [...expected.values()].filter((e) => e.count !== 0).length,
    drift,
    repaired: !!options.repair,
  };
}
