import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { effectsSettled, stopEffects } from "../../test/effects";
import { call } from "../../test/helpers";
import { advance, apply, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { allStreamRecords, loseResponseOfNextWrite } from "../../test/stream-records";
import { factId } from "../aggregates/apply";
import { reconcileAggregates } from "../aggregates/reconcile";
import { listDeadLetters, markPending, markProcessed } from "../data/stream-state";
import { dynamo } from "../db/client";
import { db } from "../db/service";
import { createStreamHandler } from "../stream";

let recruiter: string;
let listingId: string;

type Notice = { kind: string; link?: string; title: { vi: string } };
const notices = async (token: string) => (await call("GET", "/api/notifications", { token })).json.items as Notice[];
const aboutApplication = (list: Notice[], id: string) => list.filter((n) => n.link === `/ung-tuyen/${id}`);
const contributionOf = async (applicationId: string) =>
  (
    await db()
      .entities.dashContribution.get({ fact: factId("application", applicationId) })
      .go()
  ).data;
const health = async () => (await call("GET", "/api/health")).json;

beforeAll(async () => {
  await verifiedOrganisation("org-effects");
  recruiter = await memberOf("rec-effects", "org-effects");
  listingId = await listingOf(recruiter, "org-effects", { positions: 50 });
});

afterAll(async () => {
  await stopEffects();
});

describe("side effects follow from the stored change", () => {
  it("gives a stored application answered 503 its notices and its aggregate", async () => {
    const student = await studentWithProfile("sv-lost-503");
    loseResponseOfNextWrite(
      // Submitting is one transaction (the application and its listing's demand counter).
      (command, input) =>
        ["PutItemCommand", "TransactWriteItemsCommand"].includes(command) &&
        JSON.stringify(input).includes("sv-lost-503"),
    );
    const res = await apply(student, listingId, { note: "Em xin ứng tuyển." });
    expect(res.status).toBe(503);
    // The client saw an error, but the application is stored…
    const mine = (await call("GET", "/api/applications/mine", { token: student })).json.items;
    expect(mine).toHaveLength(1);
    const id = mine[0].id as string;
    // …so it gets every effect, exactly as an answered one would.
    await effectsSettled();
    expect(aboutApplication(await notices(student), id)).toHaveLength(1);
    expect((await notices(recruiter)).filter((n) => n.kind === "application_received")).toHaveLength(1);
    expect(await contributionOf(id)).toBeDefined();
    expect((await reconcileAggregates()).drift).toEqual([]);
  });

  it("puts a listing published with a lost answer into search", async () => {
    const draft = await listingOf(recruiter, "org-effects", { status: "draft" });
    await call("PATCH", `/api/listings/${draft}`, {
      token: recruiter,
      body: { title: { vi: "Kỹ sư kiểm thử vi mạch" }, version: 1 },
    });
    await effectsSettled();
    const ids = async () =>
      ((await call("GET", "/api/search?q=kiem%20thu%20vi%20mach")).json.items as Array<{ id: string }>).map(
        (h) => h.id,
      );
    expect(await ids()).not.toContain(draft);
    loseResponseOfNextWrite(
      (command, input) => command === "UpdateItemCommand" && JSON.stringify(input).includes(draft),
    );
    const res = await call("PATCH", `/api/listings/${draft}`, {
      token: recruiter,
      body: { status: "published", version: 2 },
    });
    expect(res.status).toBe(503);
    await effectsSettled();
    expect(await ids()).toContain(draft);
  });

  it("delivers each notice exactly once across a retried batch and a consumer restart", async () => {
    const student = await studentWithProfile("sv-once");
    const submitted = await apply(student, listingId);
    expect(submitted.status).toBe(201);
    const id = submitted.json.id as string;
    await advance(recruiter, id, submitted.json.version, ["reviewing", "shortlisted"]);
    await effectsSettled();
    expect(aboutApplication(await notices(student), id)).toHaveLength(3);
    const cellsBefore = (await reconcileAggregates()).cells;

    // The same batch delivered again, twice at once (Lambda retrying while a slow invocation still runs).
    const records = await allStreamRecords();
    const handler = createStreamHandler();
    await Promise.all([handler({ Records: records }), handler({ Records: records })]);
    expect(aboutApplication(await notices(student), id)).toHaveLength(3);
    expect((await notices(recruiter)).filter((n) => n.kind === "application_received")).toHaveLength(2);

    // The consumer stops; a move is stored meanwhile; a new consumer resumes after its checkpoint.
    await stopEffects();
    await advance(recruiter, id, 3, ["interview"]);
    await effectsSettled();
    expect(aboutApplication(await notices(student), id)).toHaveLength(4);
    const report = await reconcileAggregates();
    expect(report.drift).toEqual([]);
    expect(report.cells).toBeGreaterThanOrEqual(cellsBefore);
  });
});

describe("a record that fails never stalls the stream", () => {
  it("reads empty maps written at a restart (contribution cells `{}`) and keeps following writes", async () => {
    // What npm start's reconciliation writes for a record that counts nowhere; the stream carries `cells: {}`.
    await db().entities.dashContribution.put({ fact: "restart-empty", orderKey: "0", rev: 1, cells: {} }).go();
    await reconcileAggregates({ repair: true });
    const student = await studentWithProfile("sv-after-restart");
    const res = await apply(student, listingId);
    expect(res.status).toBe(201);
    await effectsSettled();
    expect(aboutApplication(await notices(student), res.json.id)).toHaveLength(1);
    expect(await contributionOf(res.json.id)).toBeDefined();
    expect((await health()).stream).toMatchObject({ status: "ok", deadLetters: 0, lagSeconds: 0 });
  });

  it("retries a poison record a bounded number of times, sets it aside, and applies the records after it", async () => {
    // An application item no consumer can read (its history is not a list): written by hand, an old format…
    const valid = {
      listingId,
      studentId: "sv-poison",
      applicationId: "poison-application",
      orgId: "org-effects",
      status: "submitted" as const,
      answers: [],
      history: [{ status: "submitted" as const, at: new Date().toISOString(), by: "student" as const }],
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      version: 1,
    };
    const params = db().entities.application.put(valid).params() as {
      TableName: string;
      Item: Record<string, unknown>;
    };
    await dynamo().send(new PutCommand({ TableName: params.TableName, Item: { ...params.Item, history: "corrupt" } }));
    // …followed by an ordinary application.
    const student = await studentWithProfile("sv-after-poison");
    const later = await apply(student, listingId);
    expect(later.status).toBe(201);

    await effectsSettled();
    expect(aboutApplication(await notices(student), later.json.id)).toHaveLength(1);
    expect(await contributionOf(later.json.id)).toBeDefined();
    const letters = await listDeadLetters();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ entity: "application", attempts: 5, eventName: "INSERT" });
    expect(letters[0]!.itemKey).toContain("sv-poison");
    const body = await health();
    expect(body.status).toBe("degraded");
    expect(body.stream).toMatchObject({ status: "degraded", deadLetters: 1 });
  });

  it("reports the consumer's lag in /api/health while a record waits", async () => {
    await markPending(new Date(Date.now() - 120_000).toISOString());
    const waiting = await health();
    expect(waiting.stream.lagSeconds).toBeGreaterThanOrEqual(120);
    expect(waiting.stream.status).toBe("degraded");
    await markProcessed(new Date().toISOString());
    expect((await health()).stream.lagSeconds).toBe(0);
  });
});
