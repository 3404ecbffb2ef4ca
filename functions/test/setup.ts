import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { loadConfig, setConfig } from "../src/config";
import { dropTable, ensureTable } from "../src/local/tables";
import { stopEffects } from "./effects";

/** Each test file gets its own table on the shared DynamoDB Local, so files can run in parallel. */
const endpoint = inject("dynamoEndpoint");
const tableName = `test-${randomUUID()}`;

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
  }),
);

beforeAll(async () => {
  await ensureTable(endpoint, tableName);
});

afterAll(async () => {
  await stopEffects();
  await dropTable(endpoint, tableName);
});
