import { parseCellKey, rollUp, rollupSliceOf } from "@ketnoi/core";
import { factId, orderKeyOf } from "../aggregates/apply";
import { recompute, type SourceRecords } from "../aggregates/reconcile";
import { forgetDashboardCells } from "../data/dashboard-cells";
import { rollupsCompleteKey } from "../data/dashboard-rollups";
import { db } from "../db/service";
import { putAll } from "./batch";

type Item = Record<string, unknown>;

const idOf = { listing: "listingId", application: "applicationId", booking: "bookingId", student: "userId" } as const;

/** The source records a seed is about to write, by kind. */
export interface SeededRecords {
  listings: readonly object[];
  students: readonly object[];
  applications?: readonly object[];
  bookings?: readonly object[];
}

/**
 * Writes the dashboard's aggregate items for records written in bulk, straight from the records in memory: the
 * counters (`dashCell`, count and key sum), their roll-ups (`dashRollup`, with the marker saying they are complete)
 * and each counted record's contribution (`dashContribution`, rev 1), as
 * `recompute` — the function reconciliation checks with — derives them. Replaces replaying every record through
 * the aggregator or repairing with `reconcileAggregates`, one UpdateItem per counter, which takes over an hour
 * at province scale on a laptop. Write it before the records themselves: a stream consumer that sees a record
 * afterwards then finds its contribution already counted and changes nothing.
 * @example await writeSeedAggregates({ listings, students, applications, bookings }, { concurrent: 8 })
 */
export async function writeSeedAggregates(
  records: SeededRecords,
  options: {
    concurrent?: number;
    at?: string;
    /**
     * `false` writes the counters only. Only for a table no stream consumer will ever update (the routes bench):
     * the contribution records are read by nothing but the aggregator and reconciliation, and at province scale
     * they are 400,000 of the seed's ~1.08 million items.
     */
    contributions?: boolean;
  } = {},
): Promise<{ cells: number; rollups: number; contributions: number }> {
  const byEntity: SourceRecords = new Map([
    ["listing", records.listings as Item[]],
    ["student", records.students as Item[]],
    ["application", (records.applications ?? []) as Item[]],
    ["booking", (records.bookings ?? []) as Item[]],
  ]);
  const { facts, expected } = await recompute(byEntity);
  const kept = options.contributions === false ? [] : facts;
  const contributions = kept
    .filter(({ contribution }) => Object.keys(contribution).length > 0)
    .map(({ kind, item, contribution }) => ({
      fact: factId(kind, String(item[idOf[kind]])),
      orderKey: orderKeyOf(item),
      rev: 1,
      cells: contribution,
    }));
  const updatedAt = options.at ?? new Date().toISOString();
  const cells = [...expected.entries()]
    .filter(([, sum]) => sum.count !== 0 || sum.keySum !== 0)
    .map(([cellKey, sum]) => ({
      bucket: parseCellKey(cellKey).bucket,
      cellKey,
      count: sum.count,
      keySum: sum.keySum,
      updatedAt,
    }));
  const rollups = [
    ...[...rollUp(cells.map((c) => ({ key: c.cellKey, count: c.count, keySum: c.keySum }))).values()].map((r) => ({
      bucket: r.bucket,
      slice: rollupSliceOf(r.key),
      rollupKey: r.key,
      count: r.count,
      keySum: r.keySum,
      updatedAt,
    })),
    { ...rollupsCompleteKey, count: 0, keySum: 0, updatedAt },
  ];
  const { dashContribution, dashCell, dashRollup } = db().entities;
  const go = { concurrent: options.concurrent ?? 4 } as const;
  await Promise.all([
    putAll(
      contributions,
      (b) => dashContribution.put(b).go(go),
      (c) => c.fact,
    ),
    putAll(
      cells,
      (b) => dashCell.put(b).go(go),
      (c) => c.cellKey,
    ),
    putAll(
      rollups,
      (b) => dashRollup.put(b).go(go),
      (r) => `${r.bucket}/${r.rollupKey}`,
    ),
  ]);
  forgetDashboardCells(); // this process's dashboards read the written counters
  // The marker included in `rollups`: every item written is counted.
  return { cells: cells.length, rollups: rollups.length, contributions: contributions.length };
}
