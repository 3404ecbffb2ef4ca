import { createHash } from "node:crypto";
import { type Contribution, contributionDelta, parseCellKey, rollUp, rollupSliceOf } from "@ketnoi/core";
import { noteCellChanges } from "../data/dashboard-cells";
import { transactWithRetry } from "../data/transact";
import type { DashCellEntity, DashContributionEntity } from "../db/entities/aggregate";
import type { DashRollupEntity } from "../db/entities/rollup";
import { type Condition, liteEntity } from "../db/lite";
import { transactWrite } from "../db/lite-transact";
import { liteWrites, whereEquals } from "../db/lite-writes";
import { dashCellModel, dashContributionModel } from "../db/models/aggregate";
import { dashRollupModel } from "../db/models/rollup";
import { recordKeyOf } from "./record-keys";

/** A transaction holds at most 100 items: the contribution record, and counters with their roll-ups. */
const itemsPerTransaction = 99;
const maxAttempts = 20;
/** Tombstones outlive the stream's 24-hour retention, so no older event can be replayed after they expire. */
const tombstoneSeconds = 2 * 24 * 60 * 60;

// Over the lite data path (db/lite.ts, issue 14): the stream consumer starts without ElectroDB. The transactions are
// the same TransactWriteItems ElectroDB built (lite-transact.test.ts holds the entries to its params).
const contributions = liteEntity<DashContributionEntity>(dashContributionModel);
const contributionWrites = liteWrites<DashContributionEntity>(dashContributionModel);
const cellWrites = liteWrites<DashCellEntity>(dashCellModel);
const rollupWrites = liteWrites<DashRollupEntity>(dashRollupModel);

/** The contribution record's optimistic-concurrency condition: its `rev` is still the one read (none when new). */
function revIs(rev: number | undefined): Condition {
  return rev === undefined
    ? { expression: "attribute_not_exists(#rev)", names: { "#rev": "rev" } }
    : whereEquals(dashContributionModel, { rev });
}

/** The kinds of source record that count. */
export type FactKind = "listing" | "application" | "booking" | "student";

/**
 * The pseudonymous id of a source record's contribution: SHA-256 of its kind and id (hex, as ElectroDB keys are
 * lower-cased).
 * @example factId("application", "3f2c…") // "9b1e…" (64 hex digits)
 */
export function factId(kind: FactKind, id: string): string {
  return createHash("sha256").update(`${kind}#${id}`).digest("hex");
}

/**
 * Orders versions of one record: `updatedAt` then `version`. A removed record sorts just after its last image
 * (`~` follows every digit), and before any later re-creation, whose `updatedAt` is later.
 * @example orderKeyOf({ updatedAt: "2026-05-01T08:00:00.000Z", version: 3 }) // "2026-05-01T08:00:00.000Z#0000000003"
 */
export function orderKeyOf(item: Record<string, unknown>, removed = false): string {
  const version = typeof item.version === "number" ? item.version : 0;
  const key = `${String(item.updatedAt ?? item.createdAt ?? "")}#${String(version).padStart(10, "0")}`;
  return removed ? `${key}~` : key;
}

/**
 * Cuts a contribution's changes into transactions: each holds its counters and every roll-up they add to (a
 * roll-up once, with the chunk's summed change), at most 99 items beside the contribution record.
 */
export function chunkChanges(delta: ReadonlyArray<[string, number]>): Array<Array<[string, number]>> {
  const chunks: Array<Array<[string, number]>> = [];
  let chunk: Array<[string, number]> = [];
  let rollups = new Set<string>();
  for (const change of delta) {
    const added = [...rollUp([{ key: change[0], count: 1, keySum: 0 }]).keys()];
    const more = added.filter((id) => !rollups.has(id)).length;
    if (chunk.length > 0 && chunk.length + 1 + rollups.size + more > itemsPerTransaction) {
      chunks.push(chunk);
      chunk = [];
      rollups = new Set();
    }
    chunk.push(change);
    for (const id of added) rollups.add(id);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** What one sync did: `stale` when a newer version was already counted. */
export interface SyncResult {
  outcome: "applied" | "unchanged" | "stale";
  cellsChanged: number;
}

interface StoredContribution {
  orderKey: string;
  rev: number;
  cells: Contribution;
}

async function readRecord(fact: string): Promise<StoredContribution | undefined> {
  const data = await contributions.get({ fact }, { consistent: true });
  return data ? { orderKey: data.orderKey, rev: data.rev, cells: (data.cells ?? {}) as Contribution } : undefined;
}

/**
 * Brings one source record's contribution up to date: reads what it last added, derives what it adds now
 * (`derive` runs after that read, so any context it reads is at least as new), and applies the difference to the
 * counters (counts, and key sums with the record's key) and to their roll-ups (core dashboard/rollups.ts) in the
 * same transaction as the new contribution record, conditioned on the record's `rev`. So:
 * - a replayed or duplicate event finds nothing to change (or an older version: `stale`);
 * - two aggregators racing on one record cannot both apply a difference: the second retries from the first's;
 * - a difference larger than one transaction is applied in steps, each recording how far it got;
 * - the roll-ups always equal the sums of the counters (they change in the same transactions).
 * @example await syncFact(factId("listing", id), orderKeyOf(item), async () => listingContribution(item));
 */
export async function syncFact(
  fact: string,
  orderKey: string,
  derive: () => Promise<Contribution>,
  now: () => Date = () => new Date(),
): Promise<SyncResult> {
  let cellsChanged = 0;
  // Each counted unit adds the record's key to its counter's key sum, as it adds 1 to the count: the counters'
  // key sums then follow from the same differences, and reconciliation recomputes them the same way.
  const recordKey = await recordKeyOf(fact);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await readRecord(fact);
    if (stored && stored.orderKey > orderKey) return { outcome: "stale", cellsChanged };
    const target = await derive();
    const delta = Object.entries(contributionDelta(stored?.cells ?? {}, target));
    // Nothing to add: the record keeps its older orderKey, which still rejects anything older (no write needed,
    // e.g. for the listing counter patches every application move causes).
    if (delta.length === 0) return { outcome: cellsChanged ? "applied" : "unchanged", cellsChanged };

    let cells = { ...(stored?.cells ?? {}) };
    let rev = stored?.rev;
    let conflict = false;
    const chunks = chunkChanges(delta);
    for (const [index, chunk] of chunks.entries()) {
      const last = index === chunks.length - 1;
      const changes = chunk.map(([key, change]) => ({ key, count: change, keySum: change * recordKey }));
      // A change that moves counts within one roll-up (a month or a park changed, the field kept) leaves it as it is.
      const rollups = [...rollUp(changes).values()].filter((r) => r.count !== 0 || r.keySum !== 0);
      for (const [key, change] of chunk) cells[key] = (cells[key] ?? 0) + change;
      cells = Object.fromEntries(Object.entries(cells).filter(([, n]) => n !== 0));
      const at = now();
      const empty = Object.keys(cells).length === 0;
      const record = {
        fact,
        ...(empty ? {} : { cells }),
        orderKey: last ? orderKey : (stored?.orderKey ?? ""),
        rev: (rev ?? 0) + 1,
        ...(empty ? { expiresAt: Math.floor(at.getTime() / 1000) + tombstoneSeconds } : {}),
      };
      const expectedRev = rev;
      const updatedAt = at.toISOString();
      const failed = await transactWithRetry(() =>
        transactWrite([
          contributionWrites.put(record, revIs(expectedRev)),
          ...changes.map(({ key, count, keySum }) =>
            cellWrites.update(
              { bucket: parseCellKey(key).bucket, cellKey: key },
              { add: { count, keySum }, set: { updatedAt } },
            ),
          ),
          ...rollups.map(({ bucket, key, count, keySum }) =>
            rollupWrites.update(
              { bucket, slice: rollupSliceOf(key), rollupKey: key },
              { add: { count, keySum }, set: { updatedAt } },
            ),
          ),
        ]),
      );
      if (failed !== -1) {
        conflict = true;
        break;
      }
      rev = record.rev;
      cellsChanged += chunk.length;
      // This process's dashboard read model shows the committed change at once (npm start, tests).
      noteCellChanges(changes);
    }
    if (!conflict) return { outcome: "applied", cellsChanged };
  }
  throw new Error(`aggregates: record ${fact} kept changing under ${maxAttempts} attempts`);
}
