import { freePort } from "../src/local/ports";
import { startLocalS3 } from "../src/local/s3-local";

/**
 * One s3rver for a test run (global-setup.ts): a temporary folder removed on stop, no bucket yet — each test file
 * makes its own (`createTestBucket`), as it makes its own table.
 */
export async function startTestS3() {
  return startLocalS3({ port: await freePort(), buckets: [] });
}

/**
 * Creates a bucket on the test s3rver with a plain HTTP PUT (s3rver needs no signature; this keeps the SDK out of
 * every test file's setup). Idempotent.
 */
export async function createTestBucket(endpoint: string, bucket: string): Promise<void> {
  const res = await fetch(`${endpoint}/${bucket}`, { method: "PUT" });
  if (!res.ok && res.status !== 409) throw new Error(`s3rver: creating bucket ${bucket} answered ${res.status}`);
}
