import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { loadConfig, setConfig } from "../src/config";
import { startDynamoLocal } from "../src/local/dynamodb-local";
import { freePort } from "../src/local/ports";
import { localS3Credentials } from "../src/local/s3-credentials";
import { dropTable, ensureTable } from "../src/local/tables";
import { stopEffects } from "./effects";
import { createTestBucket } from "./s3";

/**
 * Each test file gets its own in-memory DynamoDB Local (about 1–3 s to start). One instance shared by the suite got
 * slower with every file: DynamoDB Local keeps the stream records of every table, dropped ones too, and a write
 * into a fresh table took 7× longer after 15,000 writes elsewhere and 45× after 30,000 (measured; disabling the
 * stream before dropping did not help), so the files late in the suite timed out.
 */
const dynamo = await startDynamoLocal({ port: await freePort(), inMemory: true });
const endpoint = dynamo.endpoint;
const tableName = `test-${randomUUID()}`;
// And its own files bucket on the shared s3rver.
const s3Endpoint = inject("s3Endpoint");
const filesBucket = `files-${randomUUID()}`;

setConfig(
  loadConfig({
    STAGE: "test",
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    AUTH_ISSUER: "http://127.0.0.1/api/dev-auth",
    AUTH_AUDIENCE: "ketnoi-web",
    DEV_AUTH: "true",
    WEB_ORIGIN: "http://127.0.0.1:5173",
    MAX_BODY_BYTES: "16384",
    TRUSTED_PROXIES: "127.0.0.1",
    S3_ENDPOINT: s3Endpoint,
    S3_ACCESS_KEY_ID: localS3Credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: localS3Credentials.secretAccessKey,
    FILES_BUCKET: filesBucket,
  }),
);

beforeAll(async () => {
  await Promise.all([ensureTable(endpoint, tableName), createTestBucket(s3Endpoint, filesBucket)]);
});

afterAll(async () => {
  await stopEffects();
  await dropTable(endpoint, tableName);
  await dynamo.stop();
});
