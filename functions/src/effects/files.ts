import type { DynamoDBStreamRecord } from "./records";
import { decodeImage, entityOf } from "./records";

/**
 * Deletes the stored object of every CV file record that was removed, however it was removed: the student's
 * delete, erasure of the account (data/privacy.ts deletes the records) or a displaced stale upload. Following the
 * stored change means the privacy code never loads the S3 client, and an erasure whose object deletion failed is
 * retried by the stream like any effect. Deleting an object twice is harmless (S3 answers 204 either way).
 */
export async function deleteRemovedFiles(records: readonly DynamoDBStreamRecord[]): Promise<void> {
  const keys = records.flatMap((record) => {
    if (record.eventName !== "REMOVE" || entityOf(record) !== "cvFile") return [];
    const key = decodeImage(record.dynamodb?.OldImage)?.objectKey;
    return typeof key === "string" ? [key] : [];
  });
  if (keys.length === 0) return;
  // Loaded only when there is something to delete: the stream consumer's other effects never load the S3 client.
  const { deleteObject, uploadKeyOf } = await import("../files/objects");
  // The checked file and, for a file never checked, its upload.
  for (const key of keys) await Promise.all([deleteObject(key), deleteObject(uploadKeyOf(key))]);
}
