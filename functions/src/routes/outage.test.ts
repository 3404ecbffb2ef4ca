import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, userWithToken } from "../../test/helpers";
import { loadConfig, setConfig } from "../config";
import { type DynamoLocal, startDynamoLocal } from "../local/dynamodb-local";
import { freePort } from "../local/ports";
import { ensureTable } from "../local/tables";

// This file runs its own on-disk DynamoDB Local so it can stop and restart it without touching other files' tables.
const dataDir = mkdtempSync(join(tmpdir(), "ketnoi-outage-"));
let port: number;
let dynamo: DynamoLocal;

async function startOnSamePort(): Promise<DynamoLocal> {
  // The port stays busy for a moment after SIGTERM: retry rather than sleep a fixed time.
  for (let attempt = 0; ; attempt++) {
    try {
      return await startDynamoLocal({ port, dbPath: dataDir });
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

const orgBody = (name: string) => ({
  kind: "enterprise",
  name: { vi: name },
  sectors: ["software"],
  communeId: "p-long-binh",
  address: "KCN Amata, Biên Hòa",
});

beforeAll(async () => {
  port = await freePort();
  dynamo = await startDynamoLocal({ port, dbPath: dataDir });
  setConfig(
    loadConfig({
      STAGE: "test",
      TABLE_NAME: "outage",
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AUTH_ISSUER: "http://127.0.0.1/api/dev-auth",
      AUTH_AUDIENCE: "ketnoi-web",
      DEV_AUTH: "true",
    }),
  );
  await ensureTable(dynamo.endpoint, "outage");
}, 60_000);

afterAll(async () => {
  await dynamo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("when DynamoDB stops", () => {
  it("answers 503 with a code, keeps serving, and after restart has every acknowledged write and no half-written one", async () => {
    const recruiter = await userWithToken("rec-outage", "recruiter");
    const before = await call("POST", "/api/organisations", { token: recruiter, body: orgBody("Công ty Trước Sự Cố") });
    expect(before.status).toBe(201);

    await dynamo.stop();
    const during = await call("POST", "/api/organisations", { token: recruiter, body: orgBody("Công ty Trong Sự Cố") });
    expect(during.status).toBe(503);
    expect(during.json.error.code).toBe("database_unavailable");
    expect(during.text).not.toMatch(/ECONNREFUSED|at .*\.js:\d+/);
    const health = await call("GET", "/api/health");
    expect(health.status).toBe(503);
    expect(health.json.database).toBe("unavailable");
    expect((await call("GET", "/api/listings")).status).toBe(503);

    dynamo = await startOnSamePort();
    expect((await call("GET", "/api/health")).status).toBe(200);
    expect((await call("GET", `/api/organisations/${before.json.id}`, { token: recruiter })).status).toBe(200);
    const me = await call("GET", "/api/me", { token: recruiter });
    // Only the acknowledged organisation's owner membership exists: the failed create left nothing behind.
    expect(me.json.memberships).toEqual([{ orgId: before.json.id, role: "owner" }]);
  }, 90_000);
});
