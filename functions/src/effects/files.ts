import { deleteFileObject } from "../files/signed-s3";
import { uploadKeyOf } from "../files/upload-key";
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
  // The checked file and, for a file never checked, its upload; signed fetch, not the S3 client, which would add
  // ~360 kB to the consumer's bundle (files/signed-s3.ts).
  for (const key of keys) await Promise.all([deleteFileObject(key), deleteFileObject(uploadKeyOf(key))]);
}
