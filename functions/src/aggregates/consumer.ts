import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { decodeImage } from "../effects/records";
import { type FactKind, type SyncResult, syncFact } from "./apply";
import { changeOf, contextChanged, dependentsOf, deriveContribution, type FactChange, factOf } from "./facts";

/** The parts of a DynamoDB Streams record the aggregator reads (NEW_AND_OLD_IMAGES view). */
export interface AggregatorRecord {
  eventName?: "INSERT" | "MODIFY" | "REMOVE" | string | undefined;
  dynamodb?:
    | {
        NewImage?: Record<string, AttributeValue> | undefined;
        OldImage?: Record<string, AttributeValue> | undefined;
      }
    | undefined;
}

/** What a batch did, for logs and tests. */
export interface AggregationReport {
  records: number;
  facts: number;
  applied: number;
  stale: number;
  cellsChanged: number;
}

const kinds: Record<string, FactKind> = {
  listing: "listing",
  application: "application",
  booking: "booking",
  student: "student",
};
const idAttribute: Record<FactKind, string> = {
  listing: "listingId",
  application: "applicationId",
  booking: "bookingId",
  student: "userId",
};
const concurrency = 4;

// Tolerates the empty attribute values DynamoDB Local's stream carries for empty maps (effects/records.ts).
const imageOf = (attributes: Record<string, AttributeValue> | undefined) => decodeImage(attributes);

/** Runs `work` over items, a few at a time (distinct records touch shared counters: transactions retry). */
async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** The latest change per record in a batch, and the listings and students whose dependents must be re-derived. */
function collect(records: readonly AggregatorRecord[]) {
  const changes = new Map<string, FactChange>();
  const contexts = new Map<string, { kind: FactKind; id: string }>();
  const put = (change: FactChange) => {
    changes.delete(factOf(change));
    changes.set(factOf(change), change);
  };
  for (const record of records) {
    const next = imageOf(record.dynamodb?.NewImage);
    const before = imageOf(record.dynamodb?.OldImage);
    const kind = kinds[String((next ?? before)?.__edb_e__)];
    if (!kind) continue;
    const removed = record.eventName === "REMOVE" || !next;
    // An application or booking replaced under the same key (re-applying after withdrawing) is a new record:
    // the old one stops counting, as it no longer exists in the table.
    if (before && next && !removed && before[idAttribute[kind]] !== next[idAttribute[kind]]) {
      put(changeOf(kind, before, true));
    }
    const change = removed ? changeOf(kind, before!, true) : changeOf(kind, next!, false);
    put(change);
    if (record.eventName !== "INSERT" && contextChanged(kind, before, removed ? undefined : next)) {
      contexts.set(`${kind}#${change.id}`, { kind, id: change.id });
    }
  }
  return { changes, contexts };
}

/**
 * The aggregator: turns a batch of table changes into counter updates. Each changed listing, application,
 * booking or student profile is synced (its new contribution against the one last counted, see `syncFact`);
 * a listing or student whose counted fields changed also re-syncs the applications and bookings that read them.
 * The deployed stream Lambda and the local stream reader both call this one function.
 * @example await aggregateStreamRecords(event.Records);
 */
export async function aggregateStreamRecords(records: readonly AggregatorRecord[]): Promise<AggregationReport> {
  const { changes, contexts } = collect(records);
  const report: AggregationReport = { records: records.length, facts: 0, applied: 0, stale: 0, cellsChanged: 0 };
  const count = (result: SyncResult) => {
    report.facts++;
    if (result.outcome === "applied") report.applied++;
    if (result.outcome === "stale") report.stale++;
    report.cellsChanged += result.cellsChanged;
  };
  const sync = async (change: FactChange) =>
    count(await syncFact(factOf(change), change.orderKey, () => deriveContribution(change)));
  await eachLimited([...changes.values()], sync);

  const dependents = new Map<string, FactChange>();
  for (const { kind, id } of contexts.values()) {
    for (const change of await dependentsOf(kind, id)) dependents.set(factOf(change), change);
  }
  await eachLimited([...dependents.values()], sync);
  return report;
}
