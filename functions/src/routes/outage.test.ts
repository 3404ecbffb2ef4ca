import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, userWithToken } from "../../test/helpers";
import { loadConfig, setConfig } from "../config";
import { db } from "../db/service";
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
      DYNAMODB_REQUEST_TIMEOUT_MS: "4000",
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

  it("loses no acknowledged write and leaves nothing half-written when DynamoDB stops in the middle of a burst", async () => {
    const recruiter = await userWithToken("rec-burst", "recruiter");
    // Creates (each an organisation and its owner membership in one transaction) start 10 ms apart; when the third
    // is acknowledged the database process is stopped (SIGTERM) with others in flight, and ten more are sent after
    // it. Not SIGKILL: DynamoDB Local itself then loses writes it had already acknowledged (seen here: 1–2 of the
    // last 3), a property of the emulator's storage, not of this code or of DynamoDB, which acknowledges a write
    // only once it is durable.
    const signal = "SIGTERM";
    const burst: Promise<Awaited<ReturnType<typeof call>>>[] = [];
    let acks = 0;
    let killedAt: number | undefined;
    for (let i = 0; killedAt === undefined ? i < 200 : i < killedAt + 10; i++) {
      burst.push(
        call("POST", "/api/organisations", { token: recruiter, body: orgBody(`Công ty Loạt ${i}`) }).then((res) => {
          if (res.status === 201 && ++acks === 3 && killedAt === undefined) {
            killedAt = i;
            dynamo.process.kill(signal);
          }
          return res;
        }),
      );
      await new Promise((r) => setTimeout(r, 10));
    }
    const results = await Promise.all(burst);
    const acknowledged = results.filter((r) => r.status === 201).map((r) => r.json.id as string);
    const refused = results.filter((r) => r.status !== 201);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect([r.status, r.json?.error?.code]).toEqual([503, "database_unavailable"]);
    expect((await call("GET", "/api/health")).status).toBe(503);

    await new Promise<void>((resolve) => {
      if (dynamo.process.exitCode !== null || dynamo.process.signalCode !== null) resolve();
      else dynamo.process.once("exit", () => resolve());
    });
    dynamo = await startOnSamePort();
    const { data: organisations } = await db().entities.organisation.scan.go({ pages: "all" });
    const burstOrgs = organisations.filter((o) => o.name.vi.startsWith("Công ty Loạt "));
    const { data: memberships } = await db()
      .entities.membership.query.byUser({ userId: "rec-burst" })
      .go({ pages: "all" });
    // Every acknowledged create is there; a create whose answer was lost may be there too, but only whole.
    expect(burstOrgs.map((o) => o.orgId)).toEqual(expect.arrayContaining(acknowledged));
    expect(memberships.map((m) => m.orgId).sort()).toEqual(burstOrgs.map((o) => o.orgId).sort());
  }, 90_000);

  it("answers 503 within the request timeout when DynamoDB hangs (connections accepted, never answered)", async () => {
    const recruiter = await userWithToken("rec-hung", "recruiter");
    // A paused process still accepts TCP connections (the kernel queues them) but never answers.
    dynamo.process.kill("SIGSTOP");
    try {
      const started = Date.now();
      const during = await call("POST", "/api/organisations", { token: recruiter, body: orgBody("Công ty Treo") });
      const elapsed = Date.now() - started;
      expect(during.status).toBe(503);
      expect(during.json.error.code).toBe("database_unavailable");
      // Two attempts of 4 s each (this file's DYNAMODB_REQUEST_TIMEOUT_MS; 5 s against AWS), not forever.
      expect(elapsed).toBeLessThan(12_000);
    } finally {
      dynamo.process.kill("SIGCONT");
    }
    const after = await call("POST", "/api/organisations", { token: recruiter, body: orgBody("Công ty Sau Treo") });
    expect(after.status).toBe(201);
  }, 90_000);
});
