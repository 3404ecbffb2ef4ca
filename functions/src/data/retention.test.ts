import { randomUUID } from "node:crypto";
import { CreateTableCommand, DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { parseCellKey } from "@ketnoi/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { aggregatorFromStart } from "../../test/dashboard-truth";
import { studentAt } from "../../test/flows";
import { call } from "../../test/helpers";
import { advance, apply, listingOf, memberOf, move, verifiedOrganisation } from "../../test/marketplace";
import type { LocalStreamReader } from "../aggregates/local-stream";
import { reconcileAggregates } from "../aggregates/reconcile";
import { dataConfig } from "../config";
import { dynamo } from "../db/client";
import { db } from "../db/service";
import { createTableInput } from "../db/table";
import { dropTable, ensureTable, localClient } from "../local/tables";
import { findApplication } from "./applications";
import { auditMonth } from "./audit";
import { markThreadRead, saveApplicantNote, sendMessage } from "./messages";
import { type RetentionReport, runRetention } from "./retention";
import { backfillRetentionIndex } from "./retention-backfill";

// The retention of non-hired applicants' data, against DynamoDB Local and its real stream (dashboard counters).
const dayMs = 24 * 60 * 60 * 1000;
const secret = {
  note: "Thư giới thiệu riêng NOTE-7F3",
  answer: "Câu trả lời riêng ANSWER-9K2",
  reason: "REASON-4Q8",
  message: "MSG-5T1",
};
let reader: LocalStreamReader;
let recruiter: string;
let listingId: string;
const students: Record<string, string> = {};
const applications: Record<string, string> = {};

/** Runs `work` with the clock set `days` back (only Date is faked), as if it happened then. */
async function daysAgo<T>(days: number, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() - days * dayMs);
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

async function submit(name: string) {
  const res = await apply(students[name]!, listingId, {
    note: secret.note,
    answers: [{ questionId: "q1", text: secret.answer }],
  });
  if (res.status !== 201) throw new Error(`apply ${name}: ${res.status} ${res.text}`);
  applications[name] = res.json.id;
  return res;
}

const reject = (name: string, version: number) =>
  move(recruiter, applications[name]!, { to: "rejected", version, reason: secret.reason });

/** Every dashboard counter, by cell (zeros left out). */
async function counters(): Promise<Record<string, number>> {
  await reader.drain();
  const year = new Date().getFullYear();
  const cells: Record<string, number> = {};
  for (const bucket of [String(year - 1), String(year), "now"]) {
    const { data } = await db().entities.dashCell.query.byBucket({ bucket }).go({ pages: "all" });
    for (const cell of data.filter((c) => c.count !== 0)) cells[cell.cellKey] = cell.count;
  }
  return cells;
}

const board = async () =>
  (await call("GET", `/api/listings/${listingId}/applications`, { token: recruiter })).json.items as Array<
    Record<string, unknown>
  >;

beforeAll(async () => {
  reader = await aggregatorFromStart({
    log: (line) => console.error(line),
  });
  await Promise.all([verifiedOrganisation("org-ret"), verifiedOrganisation("lhu", "university")]);
  recruiter = await memberOf("rec-ret", "org-ret");
  for (const name of ["rejected", "declined", "withdrawn", "private", "recent", "hired", "active"]) {
    students[name] = await studentAt(`sv-ret-${name}`, "lhu", { consent: name !== "private" });
  }
  listingId = await listingOf(recruiter, "org-ret", {
    positions: 5,
    questions: [{ id: "q1", vi: "Vì sao bạn chọn?" }],
  });

  // Decided 200 days ago: rejected (with a reason and a recruiter's invitation), an offer declined, an application
  // withdrawn, and a rejection of a student who withheld the province-statistics consent.
  await daysAgo(200, async () => {
    for (const name of ["rejected", "declined", "withdrawn", "private", "hired", "active"]) await submit(name);
    expect((await reject("rejected", 1)).status).toBe(200);
    expect((await reject("private", 1)).status).toBe(200);
    const offered = await advance(recruiter, applications.declined!, 1, ["reviewing", "offered"]);
    expect(
      (await move(students.declined!, applications.declined!, { to: "declined", version: offered.json.version }))
        .status,
    ).toBe(200);
    expect((await move(students.withdrawn!, applications.withdrawn!, { to: "withdrawn", version: 1 })).status).toBe(
      200,
    );
    const hired = await advance(recruiter, applications.hired!, 1, ["offered"]);
    expect(
      (await move(students.hired!, applications.hired!, { to: "accepted", version: hired.json.version })).status,
    ).toBe(200);
    await advance(recruiter, applications.active!, 1, ["reviewing", "interview"]);
  });
  const now = new Date().toISOString();
  await db()
    .entities.candidateInvite.put({ listingId, studentId: "sv-ret-rejected", invitedBy: "rec-ret", createdAt: now })
    .go();
  // A conversation and the recruiter's note on a due application and on the hired one.
  for (const name of ["rejected", "hired"]) {
    const application = (await findApplication(applications[name]!))!;
    await sendMessage(application, "student", `sv-ret-${name}`, `Câu hỏi riêng ${secret.message}`);
    await sendMessage(application, "organisation", "rec-ret", "Trả lời");
    await markThreadRead(application.id, "rec-ret", "organisation", 1);
    await markThreadRead(application.id, `sv-ret-${name}`, "student", 1);
    await saveApplicantNote(application, "rec-ret", { text: `Nhận xét ${secret.message}`, rating: 2, version: 0 });
  }
  // The declined offer had terms and a reason; the rejected applicant had an interview with a note.
  const owned = (name: string) => ({
    applicationId: applications[name]!,
    listingId,
    orgId: "org-ret",
    studentId: `sv-ret-${name}`,
  });
  await db()
    .entities.offer.put({
      ...owned("declined"),
      status: "declined",
      payKind: "unpaid",
      startDate: "2026-06-01",
      replyBy: "2026-05-20",
      reason: "OFFER-REASON-5T1",
      createdAt: now,
      updatedAt: now,
      version: 2,
    })
    .go();
  await db()
    .entities.interview.put({
      ...owned("rejected"),
      interviewId: "iv-ret",
      status: "cancelled",
      slots: [{ id: "s1", startsAt: now, durationMinutes: 30 }],
      startsAt: now,
      mode: "online",
      link: "https://meet.example.vn/r",
      history: [{ kind: "cancelled", at: now, by: "student", note: "INTERVIEW-NOTE-8P2" }],
      sequence: 1,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .go();
  // Decided ten days ago: within the period.
  await daysAgo(10, async () => {
    await submit("recent");
    expect((await reject("recent", 1)).status).toBe(200);
  });
});

afterAll(async () => {
  await reader.stop();
});

const due = ["rejected", "declined", "withdrawn", "private"];

describe("retention of non-hired applicants' data", () => {
  it("a dry run reports what is due, page by page with its cursor, and changes nothing", async () => {
    const before = await board();
    const reports: RetentionReport[] = [];
    let cursor: string | null = null;
    do {
      const report = await runRetention({ dryRun: true, days: 180, pageSize: 1, maxItems: 2, cursor });
      reports.push(report);
      cursor = report.cursor;
      expect(report.complete).toBe(cursor === null);
    } while (cursor && reports.length < 10);
    expect(reports.length).toBeGreaterThan(1);
    const sum = (key: "anonymised" | "invitesDeleted") => reports.reduce((n, r) => n + r[key], 0);
    expect(sum("anonymised")).toBe(due.length);
    expect(sum("invitesDeleted")).toBe(1);
    expect(await board()).toEqual(before);
    expect(JSON.stringify(before)).toContain(secret.answer);
    await expect(runRetention({ dryRun: true, cursor: "not-a-cursor" })).rejects.toThrow(/cursor/);
  });

  it("removes the data of applications decided longer ago than the period, keeping stubs that count exactly the same", async () => {
    const countersBefore = await counters();
    const listingBefore = (await call("GET", `/api/listings/${listingId}`)).json;
    expect(Object.keys(countersBefore).length).toBeGreaterThan(0);

    const report = await runRetention({ days: 180 });
    expect(report).toMatchObject({
      dryRun: false,
      complete: true,
      anonymised: due.length,
      skipped: 0,
      invitesDeleted: 1,
      byStatus: { rejected: 2, declined: 1, withdrawn: 1 },
    });
    // The rejected and declined students' notices about their application (status changes, the reason).
    expect(report.notificationsDeleted).toBeGreaterThanOrEqual(due.length);

    const items = await board();
    expect(items).toHaveLength(7);
    const stubs = items.filter((a) => !Object.values(applications).includes(a.id as string));
    expect(stubs.map((s) => s.status).sort()).toEqual(["declined", "rejected", "rejected", "withdrawn"]);
    for (const stub of stubs) {
      expect(stub).toMatchObject({ answers: [], applicant: { identified: false, skills: [] } });
      expect(stub).not.toHaveProperty("note");
      expect(stub).not.toHaveProperty("rejectionReason");
      expect(JSON.stringify(stub)).not.toMatch(/NOTE-7F3|ANSWER-9K2|REASON-4Q8|sv-ret-/);
    }
    for (const name of due) {
      expect((await call("GET", `/api/applications/${applications[name]}`, { token: students[name] })).status).toBe(
        404,
      );
      expect((await call("GET", "/api/applications/mine", { token: students[name] })).json.items).toEqual([]);
    }
    expect(await db().entities.candidateInvite.get({ listingId, studentId: "sv-ret-rejected" }).go()).toEqual({
      data: null,
    });

    // The province's counters and the listing's own are exactly as before, and equal a full recomputation.
    expect(await counters()).toEqual(countersBefore);
    expect((await reconcileAggregates()).drift).toEqual([]);
    const listingAfter = (await call("GET", `/api/listings/${listingId}`)).json;
    expect(listingAfter).toMatchObject({
      reservedCount: listingBefore.reservedCount,
      acceptedCount: listingBefore.acceptedCount,
      version: listingBefore.version,
    });
    const applied = Object.entries(countersBefore).filter(([key]) => parseCellKey(key).metric === "applied");
    // Six consenting applicants counted before (the seventh withheld consent) and still after.
    expect(applied.reduce((n, [, c]) => n + c, 0)).toBe(6);
  });

  it("removes a due application's thread, read markers and the organisation's notes, and only those", async () => {
    const conversation = async (name: string) => {
      const applicationId = applications[name]!;
      const [messages, markers, notes, thread] = await Promise.all([
        db().entities.message.query.byThread({ applicationId }).go(),
        db().entities.threadRead.query.byThread({ applicationId }).go(),
        db().entities.applicantNote.query.byApplication({ applicationId }).go(),
        db().entities.thread.get({ applicationId }).go(),
      ]);
      return {
        messages: messages.data.length,
        markers: markers.data.length,
        notes: notes.data.length,
        thread: !!thread.data,
      };
    };
    expect(await conversation("rejected")).toEqual({ messages: 0, markers: 0, notes: 0, thread: false });
    expect(await conversation("hired")).toEqual({ messages: 2, markers: 2, notes: 1, thread: true });
    const exported = await call("GET", "/api/students/me/export", { token: students.rejected });
    expect(exported.json.sections.message).toEqual([]);
    expect(exported.text).not.toContain(secret.message);
    const hired = await call("GET", `/api/applications/${applications.hired}/messages`, { token: students.hired });
    expect(hired.json.items).toHaveLength(2);
  });

  it("leaves a recent rejection, the hired student and an application still in progress as they were", async () => {
    for (const name of ["recent", "hired", "active"]) {
      const res = await call("GET", `/api/applications/${applications[name]}`, { token: students[name] });
      expect(res.status, name).toBe(200);
      expect(res.json).toMatchObject({ note: secret.note, answers: [{ questionId: "q1", text: secret.answer }] });
    }
    const recent = await call("GET", `/api/applications/${applications.recent}`, { token: students.recent });
    expect(recent.json).toMatchObject({ status: "rejected", rejectionReason: secret.reason });
  });

  it("leaves nothing of the removed text in the student's personal-data export", async () => {
    for (const name of due) {
      const res = await call("GET", "/api/students/me/export", { token: students[name] });
      expect(res.status).toBe(200);
      expect(res.json.sections.application).toEqual([]);
      expect(res.text).not.toMatch(/NOTE-7F3|ANSWER-9K2|REASON-4Q8/);
    }
    // The recent one still exports everything.
    const recent = await call("GET", "/api/students/me/export", { token: students.recent });
    expect(recent.text).toContain(secret.reason);
  });

  it("anonymises the application's interview and offer with it", async () => {
    const offer = (await db().entities.offer.get({ applicationId: applications.declined! }).go()).data;
    const interview = (await db().entities.interview.get({ applicationId: applications.rejected! }).go()).data;
    expect(offer?.studentId).toMatch(/^erased-/);
    expect(interview?.studentId).toMatch(/^erased-/);
    expect(JSON.stringify([offer, interview])).not.toMatch(/OFFER-REASON-5T1|INTERVIEW-NOTE-8P2|sv-ret-/);
  });

  it("changes nothing on a second run: the stubs have left the index", async () => {
    const before = await board();
    const report = await runRetention({ days: 180 });
    expect(report).toMatchObject({ examined: 0, anonymised: 0, skipped: 0, complete: true });
    expect(await board()).toEqual(before);
    // A shorter period now reaches the recent rejection, and only it.
    const shorter = await runRetention({ days: 5, dryRun: true });
    expect(shorter).toMatchObject({ examined: 1, anonymised: 1, byStatus: { rejected: 1 } });
  });

  it("gives a table from before the retention index that index, and its earlier decisions their keys", async () => {
    const endpoint = dataConfig().DYNAMODB_ENDPOINT!;
    const legacy = `legacy-${randomUUID()}`;
    const input = createTableInput(legacy);
    const client = localClient(endpoint);
    try {
      await client.send(
        new CreateTableCommand({
          ...input,
          AttributeDefinitions: input.AttributeDefinitions.filter((a) => !a.AttributeName.startsWith("gsi3")),
          GlobalSecondaryIndexes: input.GlobalSecondaryIndexes.filter((i) => i.IndexName !== "gsi3"),
        }),
      );
      expect(await ensureTable(endpoint, legacy)).toBe(false);
      const { Table } = await client.send(new DescribeTableCommand({ TableName: legacy }));
      expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(["gsi1", "gsi2", "gsi3"]);
    } finally {
      await dropTable(endpoint, legacy);
      client.destroy();
    }

    // The recent rejection as an earlier version wrote it: without the index's keys, no run finds it.
    const { Key } = db().entities.application.get({ listingId, studentId: "sv-ret-recent" }).params();
    const TableName = dataConfig().TABLE_NAME;
    await dynamo().send(new UpdateCommand({ TableName, Key, UpdateExpression: "REMOVE gsi3pk, gsi3sk" }));
    expect(await runRetention({ days: 5, dryRun: true })).toMatchObject({ examined: 0, anonymised: 0 });
    expect(await backfillRetentionIndex()).toBe(1);
    expect(await runRetention({ days: 5, dryRun: true })).toMatchObject({ examined: 1, anonymised: 1 });
    expect(await backfillRetentionIndex()).toBe(0);
  });

  it("records every run, dry or not, with its rule and outcome", async () => {
    const { data } = await db()
      .entities.retentionRun.query.byMonth({ month: auditMonth(new Date()) })
      .go({ pages: "all" });
    const runs = data.filter((r) => r.days === 180 && r.trigger === "manual");
    expect(runs.filter((r) => r.dryRun).length).toBeGreaterThan(1);
    const real = runs.filter((r) => !r.dryRun).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    expect(real.map((r) => [r.outcome, r.anonymised])).toEqual([
      ["complete", due.length],
      ["complete", 0],
    ]);
    expect(real[0]).toMatchObject({ trigger: "manual", invitesDeleted: 1 });
    expect(Date.parse(real[0]!.startedAt) - Date.parse(real[0]!.cutoff)).toBe(180 * dayMs);
    expect(JSON.stringify(data)).not.toMatch(/sv-ret-/);
  });

  it("runs from the Lambda entry as a scheduled run, stopping as partial when time runs short", async () => {
    const { handler } = await import("../retention-lambda");
    const { logger } = await import("../observability/logger");
    const levels: string[] = [];
    const info = vi.spyOn(logger, "info").mockImplementation((...args) => void levels.push(`info ${String(args[0])}`));
    const warn = vi.spyOn(logger, "warn").mockImplementation((...args) => void levels.push(`warn ${String(args[0])}`));
    try {
      const short = await handler({}, { getRemainingTimeInMillis: () => 1_000 });
      expect(short).toMatchObject({ trigger: "schedule", days: 180, examined: 0, complete: false });
      expect(short.cursor).toEqual(expect.any(String));
      const full = await handler({}, { getRemainingTimeInMillis: () => 600_000 });
      expect(full).toMatchObject({ trigger: "schedule", complete: true, cursor: null });
      expect(levels).toEqual(["warn retention run", "info retention run"]);
    } finally {
      info.mockRestore();
      warn.mockRestore();
    }
    const { data } = await db()
      .entities.retentionRun.query.byMonth({ month: auditMonth(new Date()) })
      .go({ pages: "all" });
    const scheduled = data
      .filter((r) => r.trigger === "schedule")
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    expect(scheduled.map((r) => r.outcome)).toEqual(["partial", "complete"]);
  });
});
