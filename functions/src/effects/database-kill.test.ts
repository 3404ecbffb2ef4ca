import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { effectsSettled, stopEffects } from "../../test/effects";
import { call } from "../../test/helpers";
import { apply, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { factId } from "../aggregates/apply";
import { reconcileAggregates } from "../aggregates/reconcile";
import { dataConfig, loadConfig, setConfig } from "../config";
import { db } from "../db/service";
import { type DynamoLocal, restartDynamoLocal, startDynamoLocal } from "../local/dynamodb-local";
import { freePort } from "../local/ports";
import { dropTable, ensureTable } from "../local/tables";

// This file runs its own DynamoDB Local, persisted to a temporary folder, so it can kill and restart it without
// disturbing the other files' shared one. Nothing has used the DynamoDB client yet when beforeAll re-points it.
const dbPath = mkdtempSync(join(tmpdir(), "ketnoi-kill-"));
let port: number;
let dynamo: DynamoLocal;
let recruiter: string;
let listingId: string;
const students: string[] = [];
const burst = 40;

beforeAll(async () => {
  port = await freePort();
  dynamo = await startDynamoLocal({ port, dbPath });
  const endpoint = dynamo.endpoint;
  const { TABLE_NAME } = dataConfig();
  setConfig(
    loadConfig({
      STAGE: "test",
      TABLE_NAME,
      DYNAMODB_ENDPOINT: endpoint,
      AUTH_ISSUER: "http://127.0.0.1/api/dev-auth",
      AUTH_AUDIENCE: "ketnoi-web",
      DEV_AUTH: "true",
      WEB_ORIGIN: "http://127.0.0.1:5173",
      MAX_BODY_BYTES: "16384",
    }),
  );
  await ensureTable(endpoint, TABLE_NAME);
  await verifiedOrganisation("org-kill");
  recruiter = await memberOf("rec-kill", "org-kill");
  listingId = await listingOf(recruiter, "org-kill", { positions: 500 });
  for (let i = 0; i < burst; i++) students.push(await studentWithProfile(`sv-kill-${i}`));
  await effectsSettled();
}, 120_000);

afterAll(async () => {
  await stopEffects();
  await dropTable(dynamo.endpoint, dataConfig().TABLE_NAME).catch(() => {});
  await dynamo.stop();
  rmSync(dbPath, { recursive: true, force: true });
});

describe("DynamoDB Local killed in the middle of a write burst", () => {
  it("gives every stored application its notices and counters within seconds of the restart", async () => {
    const answers: number[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < burst) {
        const token = students[sent++]!;
        answers.push((await apply(token, listingId)).status);
      }
    };
    const writes = Promise.all(Array.from({ length: 4 }, worker));
    while (sent < burst / 3) await new Promise((resolve) => setTimeout(resolve, 5));
    dynamo.process.kill("SIGKILL");
    await writes;
    dynamo = await restartDynamoLocal({ port, dbPath });
    const restartedAt = Date.now();

    // Some writes were refused (503) while it was down; the rest were stored, whatever their answer.
    expect(answers.filter((s) => s === 503).length).toBeGreaterThan(0);
    await effectsSettled(30_000);
    const caughtUpMs = Date.now() - restartedAt;

    let stored = 0;
    for (const token of students) {
      const mine = (await call("GET", "/api/applications/mine", { token })).json.items as Array<{ id: string }>;
      if (mine.length === 0) continue;
      stored++;
      const notices = (await call("GET", "/api/notifications", { token })).json.items as Array<{ link?: string }>;
      expect(notices.filter((n) => n.link === `/ung-tuyen/${mine[0]!.id}`)).toHaveLength(1);
      const { data } = await db()
        .entities.dashContribution.get({ fact: factId("application", mine[0]!.id) })
        .go();
      expect(data, `counters of ${mine[0]!.id}`).toBeDefined();
    }
    expect(stored).toBeGreaterThanOrEqual(answers.filter((s) => s === 201).length);
    const received = (await call("GET", "/api/notifications?limit=100", { token: recruiter })).json.items as Array<{
      kind: string;
    }>;
    expect(received.filter((n) => n.kind === "application_received").length).toBe(Math.min(stored, 50));
    expect((await reconcileAggregates()).drift).toEqual([]);
    expect(caughtUpMs).toBeLessThan(15_000);
    console.error(
      `database kill: ${burst} sent, ${answers.filter((s) => s === 201).length} answered 201, ` +
        `${answers.filter((s) => s === 503).length} answered 503, ${stored} stored; caught up in ${caughtUpMs} ms`,
    );
  }, 120_000);
});
