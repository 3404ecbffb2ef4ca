import { randomUUID } from "node:crypto";
import { countedSchoolOf, countsStudent } from "@ketnoi/core";
// The package specifier, as db/lite.ts: the lean bundles alias it to the fetch transport (infra/function.ts).
import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import type { EntityItem } from "electrodb";
import { dataConfig } from "../config";
import type { ApplicationEntity } from "../db/entities/application";
import type { CandidateInviteEntity } from "../db/entities/candidate-invite";
import type { InterviewEntity } from "../db/entities/interview";
import type { NotificationEntity } from "../db/entities/notification";
import type { OfferEntity } from "../db/entities/offer";
import type { RetentionRunEntity } from "../db/entities/retention-run";
import type { StudentEntity } from "../db/entities/student";
import { fromStoredItem, liteEntity, owns, tableKey } from "../db/lite";
import { queryRange } from "../db/lite-range";
import { liteWrites, send } from "../db/lite-writes";
import { applicationModel, notHiredStatuses } from "../db/models/application";
import { candidateInviteModel } from "../db/models/candidate-invite";
import { interviewModel } from "../db/models/interview";
import { notificationModel } from "../db/models/notification";
import { offerModel } from "../db/models/offer";
import { retentionRunModel } from "../db/models/retention-run";
import { studentModel } from "../db/models/student";
import { AppError } from "../http/errors";
import { auditMonth } from "./audit";
import { guard } from "./guard";
import { deleteConversation } from "./messages";
import { anonymiseKeptRecord } from "./privacy";

type ApplicationItem = EntityItem<ApplicationEntity>;
export type NotHiredStatus = (typeof notHiredStatuses)[number];

/** How one run of the retention job is done. Everything is optional: the scheduled run passes only `shouldStop`. */
export interface RetentionOptions {
  /** Days a decision must be old before its applicant's data is removed; default RETENTION_REJECTED_DAYS. */
  days?: number;
  /** Count what would be removed, change nothing (the run record is still written). */
  dryRun?: boolean;
  now?: Date;
  /** Applications read per Query page (then re-read with one consistent BatchGetItem). */
  pageSize?: number;
  /** Examine at most this many applications; the rest wait for the next run or for `cursor`. */
  maxItems?: number;
  /** Where a partial run stopped (its report's `cursor`). */
  cursor?: string | null;
  /** Asked before each page; true ends the run as partial (the Lambda's remaining time). */
  shouldStop?: () => boolean;
  trigger?: "schedule" | "manual";
}

/** What one run did (in a dry run: what it would have done). Also stored as the run's record. */
export interface RetentionReport {
  runId: string;
  trigger: "schedule" | "manual";
  startedAt: string;
  finishedAt: string;
  days: number;
  /** Decisions made before this instant are old enough. */
  cutoff: string;
  dryRun: boolean;
  /** Applications read from the index. */
  examined: number;
  /** Applications whose student's data was removed, leaving a de-identified stub. */
  anonymised: number;
  /** Applications read but not touched: changed since the index was read (the next run looks again). */
  skipped: number;
  /** The student's own notices about those applications (status changes, a rejection's reason). */
  notificationsDeleted: number;
  /** Recruiters' invitations to apply sent to those students for those listings. */
  invitesDeleted: number;
  byStatus: Record<NotHiredStatus, number>;
  /** True when every old enough application was examined; otherwise `cursor` says where to go on. */
  complete: boolean;
  cursor: string | null;
}

// Over the lite data path (db/lite.ts, issue 14): the retention function starts without ElectroDB.
const notifications = liteEntity<NotificationEntity>(notificationModel);
const notificationWrites = liteWrites<NotificationEntity>(notificationModel);
const invites = liteEntity<CandidateInviteEntity>(candidateInviteModel);
const inviteWrites = liteWrites<CandidateInviteEntity>(candidateInviteModel);
const students = liteEntity<StudentEntity>(studentModel);
const interviews = liteEntity<InterviewEntity>(interviewModel);
const offers = liteEntity<OfferEntity>(offerModel);
const runWrites = liteWrites<RetentionRunEntity>(retentionRunModel);

const dayMs = 24 * 60 * 60 * 1000;
// The student's status notices link to their application (effects/notices.ts).
const applicationLink = (applicationId: string) => `/ung-tuyen/${applicationId}`;
// A person's id on a kept record is replaced by `erased-<uuid>` (data/privacy.ts).
const unlinked = (studentId: string) => studentId.startsWith("erased-");

/** Where the walk over the not-hired statuses' index partitions is: which status, and the page within it. */
interface Position {
  status: number;
  page: string | null;
}

function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

function decodeCursor(cursor: string | null | undefined): Position {
  if (!cursor) return { status: 0, page: null };
  try {
    const position = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Position;
    const validStatus = Number.isInteger(position.status) && position.status >= 0;
    if (validStatus && position.status <= notHiredStatuses.length && (position.page ?? null) === position.page) {
      return position;
    }
  } catch {
    // Reported below.
  }
  throw new Error("Invalid retention cursor: pass the cursor a partial run reported, or none to start over.");
}

/**
 * Removes the personal data of students not hired (applications rejected, declined or withdrawn) once the decision
 * is older than the retention period, keeping a de-identified stub so every count stays exact:
 * - found through the sparse `byDecision` index (status → statusAt), oldest first, page by page: no table Scan;
 * - each application re-read consistently and left alone unless it is still not-hired, still linked to its student
 *   and unchanged since the cutoff; the replacement is itself conditioned on the version read (as erasure is);
 * - the copies of the data go first (the student's notices about the application, a recruiter's invitation), the
 *   application last: it is replaced by erasure's anonymised copy (no student id, note, answers or reasons) under a
 *   new id, carrying the university its student was counted under, and so leaves the index;
 * - hence idempotent (a second run finds nothing) and resumable (a run cut off midway leaves its unfinished
 *   applications in the index; `cursor` continues a partial run, which matters for dry runs);
 * - every run, dry or not, failed or not, leaves a `retentionRun` record.
 * @example const report = await runRetention({ dryRun: true }); // report.anonymised: how many would be removed
 */
export async function runRetention(options: RetentionOptions = {}): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const days = options.days ?? dataConfig().RETENTION_REJECTED_DAYS;
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`Retention period must be a whole number of days ≥ 1, not ${days}`);
  const pageSize = options.pageSize ?? 25;
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const report: RetentionReport = {
    runId: randomUUID(),
    trigger: options.trigger ?? "manual",
    startedAt: now.toISOString(),
    finishedAt: now.toISOString(),
    days,
    cutoff: new Date(now.getTime() - days * dayMs).toISOString(),
    dryRun: options.dryRun ?? false,
    examined: 0,
    anonymised: 0,
    skipped: 0,
    notificationsDeleted: 0,
    invitesDeleted: 0,
    byStatus: Object.fromEntries(notHiredStatuses.map((s) => [s, 0])) as Record<NotHiredStatus, number>,
    complete: false,
    cursor: null,
  };
  let failure: unknown;
  try {
    let position = decodeCursor(options.cursor);
    while (position.status < notHiredStatuses.length && report.examined < maxItems && !options.shouldStop?.()) {
      const status = notHiredStatuses[position.status]!;
      // `limit` (one DynamoDB page) rather than `count`: the cursor is then DynamoDB's own last key (in ElectroDB's
      // cursor format, so a cursor an earlier run reported still continues), never rebuilt from a returned item
      // whose sort key attribute is hidden.
      const limit = Math.min(pageSize, maxItems - report.examined);
      const { data, cursor } = await guard(() =>
        queryRange<ApplicationEntity>(
          applicationModel,
          "byDecision",
          { status },
          { lt: { statusAt: report.cutoff } },
          { page: { limit, cursor: position.page } },
        ),
      );
      report.examined += data.length;
      const current = await reread(data);
      for (const indexed of data) {
        const application = current.get(keyOf(indexed));
        if (application?.applicationId === indexed.applicationId && isDue(application, report.cutoff)) {
          await removePersonalData(application, report);
        } else {
          report.skipped++;
        }
      }
      position = cursor ? { status: position.status, page: cursor } : { status: position.status + 1, page: null };
    }
    report.complete = position.status >= notHiredStatuses.length;
    report.cursor = report.complete ? null : encodeCursor(position);
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    report.finishedAt = new Date().toISOString();
    await recordRun(report, failure);
  }
  return report;
}

const keyOf = (a: Pick<ApplicationItem, "listingId" | "studentId">) => `${a.listingId}\n${a.studentId}`;

/** Whether an application, as it is now, is due: not hired, still naming its student, unchanged since the cutoff. */
function isDue(application: ApplicationItem, cutoff: string): boolean {
  return (
    (notHiredStatuses as readonly string[]).includes(application.status) &&
    !unlinked(application.studentId) &&
    application.updatedAt < cutoff
  );
}

/**
 * The applications of a page as they are now (a consistent BatchGetItem by table key, 100 keys a call, as ElectroDB's
 * batch get), by key. Consistent: the lite path's `batchGet` reads eventually consistent, so this one is its own.
 */
async function reread(page: ApplicationItem[]): Promise<Map<string, ApplicationItem>> {
  const found = new Map<string, ApplicationItem>();
  const table = dataConfig().TABLE_NAME;
  let keys: Record<string, unknown>[] = page.map((application) => tableKey(applicationModel, application));
  for (let attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
    const unprocessed: Record<string, unknown>[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      const output = await guard(() =>
        liteTransport().batchGet({ RequestItems: { [table]: { Keys: keys.slice(i, i + 100), ConsistentRead: true } } }),
      );
      for (const stored of output.Responses?.[table] ?? []) {
        if (!owns(applicationModel, stored)) continue;
        const item = fromStoredItem(applicationModel, stored) as ApplicationItem;
        found.set(keyOf(item), item);
      }
      unprocessed.push(...((output.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[]));
    }
    keys = unprocessed;
  }
  // Any key still unread is skipped by the caller and found again by the next run.
  return found;
}

/** Removes one application's personal data and its copies (or, in a dry run, counts them). */
async function removePersonalData(application: ApplicationItem, report: RetentionReport): Promise<void> {
  const { listingId, studentId } = application;
  const link = applicationLink(application.applicationId);
  const [notices, invite] = await Promise.all([
    guard(() => notifications.query("byUser", { userId: studentId }, { filter: (n) => n.link === link })),
    guard(() => invites.get({ listingId, studentId }, { consistent: true })),
  ]);
  if (!report.dryRun) {
    await deleteNotices(
      notices.map(({ userId, createdAt, notificationId }) => ({ userId, createdAt, notificationId })),
    );
    if (invite) await guard(() => send(inviteWrites.delete({ listingId, studentId })));
    // The application's thread, read markers and the organisation's notes and rating go with it.
    await deleteConversation(application.applicationId);
  }
  report.notificationsDeleted += notices.length;
  report.invitesDeleted += invite ? 1 : 0;
  if (!report.dryRun) {
    const student = await guard(() => students.get({ userId: studentId }, { consistent: true }));
    const at = report.startedAt;
    const stub = {
      // A new public id: the stub is a new record for the dashboard's counters (its own contribution, added while
      // the old id's is removed), and old links to the application lead nowhere.
      applicationId: randomUUID(),
      updatedAt: at,
      version: application.version + 1,
      ...(countsStudent(student ?? undefined) ? { countedUniversityId: countedSchoolOf(student!) } : {}),
    };
    try {
      await anonymiseKeptRecord("application", application, studentId, at, stub);
      // The application's interview and offer (keyed by its old id) name the student too: the same rules apply.
      const key = { applicationId: application.applicationId };
      const [interview, offer] = await Promise.all([
        guard(() => interviews.get(key, { consistent: true })),
        guard(() => offers.get(key, { consistent: true })),
      ]);
      if (interview?.studentId === studentId) {
        await anonymiseKeptRecord("interview", interview, studentId, at);
      }
      if (offer?.studentId === studentId) await anonymiseKeptRecord("offer", offer, studentId, at);
    } catch (error) {
      if (error instanceof AppError && error.code === "version_conflict") {
        report.skipped++;
        return;
      }
      throw error;
    }
  }
  report.anonymised++;
  report.byStatus[application.status as NotHiredStatus]++;
}

/** Deletes a few notices one by one (DeleteItem; the job's role has no BatchWriteItem). */
async function deleteNotices(keys: Array<{ userId: string; createdAt: string; notificationId: string }>) {
  await Promise.all(keys.map((key) => guard(() => send(notificationWrites.delete(key)))));
}

/** Writes the run's record: the evidence that the rule was applied, and how far it got. */
async function recordRun(report: RetentionReport, failure: unknown): Promise<void> {
  const { runId, trigger, startedAt, finishedAt, days, cutoff, dryRun, byStatus, cursor } = report;
  const { examined, anonymised, skipped, notificationsDeleted, invitesDeleted } = report;
  const outcome = failure ? "failed" : report.complete ? "complete" : "partial";
  await guard(() =>
    send(
      runWrites.create({
        month: auditMonth(new Date(startedAt)),
        startedAt,
        runId,
        finishedAt,
        trigger,
        days,
        cutoff,
        dryRun,
        outcome,
        examined,
        anonymised,
        skipped,
        notificationsDeleted,
        invitesDeleted,
        byStatus,
        ...(cursor ? { cursor } : {}),
        ...(failure ? { error: String((failure as Error)?.message ?? failure).slice(0, 500) } : {}),
      }),
    ),
  );
}
