import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";

/** The parts of a DynamoDB Streams record the consumer reads (NEW_AND_OLD_IMAGES view). */
export interface DynamoDBStreamRecord {
  eventID?: string | undefined;
  eventName?: "INSERT" | "MODIFY" | "REMOVE" | string | undefined;
  dynamodb?:
    | {
        Keys?: Record<string, AttributeValue> | undefined;
        NewImage?: Record<string, AttributeValue> | undefined;
        OldImage?: Record<string, AttributeValue> | undefined;
        SequenceNumber?: string | undefined;
        ApproximateCreationDateTime?: Date | number | undefined;
      }
    | undefined;
}

export type Item = Record<string, unknown>;

/**
 * The entities whose changes have side effects. Every other item (notifications, counters, the consumer's own
 * bookkeeping…) is skipped without being decoded: the consumer's own writes come back through the stream, and
 * they must neither cost a decode nor be able to stall it.
 */
export const sourceEntities: ReadonlySet<string> = new Set([
  "listing",
  "organisation",
  "application",
  "booking",
  "student",
  "candidateInvite",
  "invitation",
  "placementRound",
  // A new message notifies the other side of its thread (effects/notices.ts).
  "message",
  // A removed CV file record takes its object with it (effects/files.ts).
  "cvFile",
  "interview",
  "offer",
]);

/** The ElectroDB entity an image belongs to, read from its raw marker without decoding the rest. */
export function entityOfRaw(attributes: Record<string, AttributeValue> | undefined): string | undefined {
  const marker = attributes?.__edb_e__ as { S?: string } | undefined;
  return marker?.S;
}

/** The entity a record changed (from its new image, or its old one once removed). */
export function entityOf(record: DynamoDBStreamRecord): string | undefined {
  return entityOfRaw(record.dynamodb?.NewImage) ?? entityOfRaw(record.dynamodb?.OldImage);
}

/** Whether a record's change can have side effects (see `sourceEntities`). */
export function isSourceRecord(record: DynamoDBStreamRecord): boolean {
  return sourceEntities.has(entityOf(record) ?? "");
}

/**
 * An AttributeValue with no member at all (`{}`): what DynamoDB Local's stream carries for an empty map that was
 * written as a document-client value. The SDK's `unmarshall` throws on it ("No value defined"), which used to fail
 * the whole batch forever; an empty value means the attribute holds nothing, so it decodes as absent.
 */
function isEmptyValue(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.keys(value).length === 0;
}

function pruneEmpty(value: AttributeValue): AttributeValue | undefined {
  if (isEmptyValue(value)) return undefined;
  if (value.M) {
    const entries = Object.entries(value.M).flatMap(([k, v]) => {
      const pruned = pruneEmpty(v);
      return pruned ? [[k, pruned] as const] : [];
    });
    return { M: Object.fromEntries(entries) };
  }
  if (value.L) return { L: value.L.flatMap((v) => pruneEmpty(v) ?? []) };
  return value;
}

/** Decodes a stream image into a plain item, tolerating empty attribute values (see `isEmptyValue`). */
export function decodeImage(attributes: Record<string, AttributeValue> | undefined): Item | undefined {
  if (!attributes) return undefined;
  const pruned = Object.entries(attributes).flatMap(([k, v]) => {
    const value = pruneEmpty(v);
    return value ? [[k, value] as const] : [];
  });
  return unmarshall(Object.fromEntries(pruned)) as Item;
}

/** The stream time of a record (ApproximateCreationDateTime: seconds in Lambda events, a Date from the SDK). */
export function recordTime(record: DynamoDBStreamRecord): string | undefined {
  const at = record.dynamodb?.ApproximateCreationDateTime;
  if (at === undefined) return undefined;
  return (typeof at === "number" ? new Date(at * 1000) : new Date(at)).toISOString();
}

/** The record's identity for attempts and dead letters: its event id, else its sequence number. */
export function eventIdOf(record: DynamoDBStreamRecord): string {
  return record.eventID ?? record.dynamodb?.SequenceNumber ?? "unknown";
}

/** The changed item's table key, as text (for dead letters: enough to find the item, nothing of its contents). */
export function itemKeyOf(record: DynamoDBStreamRecord): string | undefined {
  const keys = record.dynamodb?.Keys;
  if (!keys) return undefined;
  return Object.entries(keys)
    .map(([k, v]) => `${k}=${(v as { S?: string }).S ?? JSON.stringify(v)}`)
    .join(" ");
}
