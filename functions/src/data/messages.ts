import { randomUUID } from "node:crypto";
import {
  type ApplicantNote,
  type ApplicantNoteWrite,
  type Message,
  type Principal,
  type ThreadSide,
  type UnreadMessages,
  unreadIn,
} from "@ketnoi/core";
// The package specifier, as db/lite.ts: the lean bundles alias it to the fetch transport (infra/function.ts).
import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import type { EntityItem } from "electrodb";
import type { ApplicantNoteEntity } from "../db/entities/applicant-note";
import type { MessageEntity } from "../db/entities/message";
import type { ThreadEntity, ThreadReadEntity } from "../db/entities/thread";
import type { UserEntity } from "../db/entities/user";
import { type Condition, liteEntity, owns } from "../db/lite";
import { transactWrite } from "../db/lite-transact";
import { liteWrites, send, whereEquals } from "../db/lite-writes";
import { applicantNoteModel } from "../db/models/applicant-note";
import { messageModel } from "../db/models/message";
import { threadModel, threadReadModel } from "../db/models/thread";
import { userModel } from "../db/models/user";
import { AppError } from "../http/errors";
import type { StoredApplication } from "./applications";
import { guard } from "./guard";
import { queryBelow } from "./lite-pages";
import { transactWithRetry } from "./transact";

// Erasure (the account group's function, without ElectroDB) deletes the notes through applicant-notes.ts.
export { deleteApplicantNotes } from "./applicant-notes";

type MessageItem = EntityItem<MessageEntity>;
type ThreadItem = EntityItem<ThreadEntity>;

// Over the lite data path (db/lite.ts, issue 14): messaging runs without ElectroDB.
const messages = liteEntity<MessageEntity>(messageModel);
const messageWrites = liteWrites<MessageEntity>(messageModel);
const threads = liteEntity<ThreadEntity>(threadModel);
const threadWrites = liteWrites<ThreadEntity>(threadModel);
const threadReads = liteEntity<ThreadReadEntity>(threadReadModel);
const threadReadWrites = liteWrites<ThreadReadEntity>(threadReadModel);
const applicantNotes = liteEntity<ApplicantNoteEntity>(applicantNoteModel);
const applicantNoteWrites = liteWrites<ApplicantNoteEntity>(applicantNoteModel);
const users = liteEntity<UserEntity>(userModel);

/** The application a thread belongs to: the parts that decide its sides. */
export type ThreadOf = Pick<StoredApplication, "id" | "studentId" | "orgId" | "listingId">;

const countsOf = (thread: ThreadItem | null | undefined) => ({
  student: thread?.studentMessages ?? 0,
  organisation: thread?.organisationMessages ?? 0,
});

/**
 * Adds a message to an application's thread. The message and the thread's counters are one transaction, so the
 * unread counts derived from the counters never disagree with the messages. The other side is notified from the
 * stored message (effects/notices.ts).
 */
export async function sendMessage(
  application: ThreadOf,
  side: ThreadSide,
  authorUserId: string,
  text: string,
): Promise<MessageItem> {
  const now = new Date().toISOString();
  const item: MessageItem = {
    applicationId: application.id,
    messageId: randomUUID(),
    studentId: application.studentId,
    orgId: application.orgId,
    listingId: application.listingId,
    side,
    authorUserId,
    text,
    createdAt: now,
  };
  const failed = await transactWithRetry(() =>
    transactWrite([
      messageWrites.create(item),
      threadWrites.update(
        { applicationId: application.id },
        {
          set: {
            studentId: application.studentId,
            orgId: application.orgId,
            listingId: application.listingId,
            lastMessageAt: now,
          },
          add: side === "student" ? { studentMessages: 1 } : { organisationMessages: 1 },
        },
      ),
    ]),
  );
  // A random id never collides; a failed condition here would be a bug, not a user's mistake.
  if (failed !== -1) throw new Error("message id collision");
  return item;
}

/** A page of a thread, newest first as read; `before` is the sort key of the oldest message of the previous page. */
export async function listMessages(
  applicationId: string,
  options: { limit: number; before?: { createdAt: string; messageId: string } | undefined },
): Promise<{ items: MessageItem[]; before: { createdAt: string; messageId: string } | null }> {
  const data = await guard(() =>
    queryBelow<MessageEntity>(messageModel, "byThread", { applicationId }, options.before, {
      order: "desc",
      limit: options.limit + 1,
    }),
  );
  const items = data.slice(0, options.limit);
  const last = items.at(-1);
  const more = data.length > options.limit && last;
  return { items, before: more ? { createdAt: last.createdAt, messageId: last.messageId } : null };
}

/** The thread's counters and the reader's marker (two GetItems, in parallel). */
export async function threadState(applicationId: string, userId: string) {
  const [thread, marker] = await Promise.all([
    guard(() => threads.get({ applicationId }, { consistent: true })),
    guard(() => threadReads.get({ applicationId, userId }, { consistent: true })),
  ]);
  return { counts: countsOf(thread), seen: marker?.seen ?? 0 };
}

const alreadyMarked = new AppError("already_exists", "already marked at least as far");

/** The stored mark is absent or below `mark` (ElectroDB's `notExists(seen) OR lt(seen, mark)`). */
const markBelow = (mark: number): Condition => ({
  expression: "attribute_not_exists(#seen) OR #seen < :seen",
  names: { "#seen": "seen" },
  values: { ":seen": mark },
});

/**
 * Raises the reader's marker to `seen` of the other side's messages (never beyond what exists, never down): the
 * update is conditioned on the stored mark being lower, so concurrent marks from two tabs keep the higher one.
 * Returns the mark now stored.
 */
export async function markThreadRead(
  applicationId: string,
  userId: string,
  side: ThreadSide,
  seen: number,
): Promise<number> {
  const { counts, seen: stored } = await threadState(applicationId, userId);
  const other = side === "student" ? counts.organisation : counts.student;
  const mark = Math.min(seen, other);
  if (mark <= stored) return stored;
  const markedFurther = await guard(
    () =>
      // A whole put (not an update) so the reader index's keys are written with it.
      send(
        threadReadWrites.put({ applicationId, userId, seen: mark, readAt: new Date().toISOString() }, markBelow(mark)),
      ).then(() => false),
    () => alreadyMarked,
  ).catch((error: unknown) => {
    // Someone (another tab) already marked at least as far: that mark stands.
    if (error === alreadyMarked) return true;
    throw error;
  });
  return markedFurther ? (await threadState(applicationId, userId)).seen : mark;
}

/**
 * The caller's unread messages over all their threads, in a bounded number of Queries whatever the number of
 * threads: a student's threads (one Query) or each of a member's organisations' threads (one per membership), and
 * the caller's markers (one Query). Other roles take part in no thread.
 */
export async function unreadMessages(principal: Principal): Promise<UnreadMessages> {
  const side: ThreadSide | undefined =
    principal.role === "student"
      ? "student"
      : principal.role === "staff" || principal.role === "recruiter"
        ? "organisation"
        : undefined;
  if (!side || (side === "organisation" && principal.memberships.length === 0)) return { total: 0, threads: [] };
  const threadQueries = () =>
    side === "student"
      ? [threads.query("byStudent", { studentId: principal.userId })]
      : principal.memberships.map(({ orgId }) => threads.query("byOrganisation", { orgId }));
  const [markers, ...threadPages] = await guard(() =>
    Promise.all([threadReads.query("byReader", { userId: principal.userId }), ...threadQueries()]),
  );
  const seen = new Map(markers.map((m) => [m.applicationId, m.seen]));
  const unread = threadPages
    .flat()
    .map((t) => ({
      applicationId: t.applicationId,
      listingId: t.listingId,
      unread: unreadIn(countsOf(t), side, seen.get(t.applicationId) ?? 0),
    }))
    .filter((t) => t.unread > 0);
  return { total: unread.reduce((sum, t) => sum + t.unread, 0), threads: unread };
}

/**
 * Messages as one side sees them: members see which member wrote (names read now, one BatchGetItem); the student
 * sees only that the organisation wrote.
 */
export async function messageViews(items: MessageItem[], viewer: ThreadSide, viewerId: string): Promise<Message[]> {
  const memberIds =
    viewer === "organisation"
      ? [...new Set(items.filter((m) => m.side === "organisation").map((m) => m.authorUserId))]
      : [];
  const members = memberIds.length ? await guard(() => users.batchGet(memberIds.map((userId) => ({ userId })))) : [];
  const nameOf = new Map(members.map((u) => [u.userId, u.displayName]));
  return items.map((m) => ({
    id: m.messageId,
    side: m.side,
    ...(viewer === "organisation" && m.side === "organisation" ? { authorName: nameOf.get(m.authorUserId) ?? "" } : {}),
    mine: m.authorUserId === viewerId,
    text: m.text,
    createdAt: m.createdAt,
  }));
}

/** The organisation's note on an application, or an empty one (version 0) before anyone wrote. */
export async function getApplicantNote(application: ThreadOf): Promise<ApplicantNote> {
  const data = await guard(() =>
    applicantNotes.get({ applicationId: application.id, orgId: application.orgId }, { consistent: true }),
  );
  if (!data) return { text: "", rating: null, version: 0 };
  const author = await guard(() => users.get({ userId: data.updatedBy }));
  return {
    text: data.text,
    rating: data.rating ?? null,
    version: data.version,
    updatedAt: data.updatedAt,
    ...(author?.displayName ? { updatedByName: author.displayName } : {}),
  };
}

/**
 * Saves the organisation's note and rating, with the version last read (0: none yet), so that two members editing
 * at once cannot silently overwrite each other (409 `version_conflict`).
 */
export async function saveApplicantNote(
  application: ThreadOf,
  memberId: string,
  input: ApplicantNoteWrite,
): Promise<void> {
  const now = new Date().toISOString();
  const item = {
    applicationId: application.id,
    orgId: application.orgId,
    text: input.text,
    ...(input.rating === null ? {} : { rating: input.rating }),
    updatedBy: memberId,
    updatedAt: now,
    version: input.version + 1,
  };
  const unchanged: Condition =
    input.version === 0
      ? { expression: "attribute_not_exists(#version)", names: { "#version": "version" } }
      : whereEquals(applicantNoteModel, { version: input.version });
  await guard(() => send(applicantNoteWrites.put(item, unchanged)));
}

/** Deletes a few records one by one: the retention job's role has DeleteItem but not BatchWriteItem. */
async function deleteEach<K>(keys: K[], remove: (key: K) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < keys.length; i += 8) await Promise.all(keys.slice(i, i + 8).map((k) => guard(() => remove(k))));
}

/**
 * Removes everything said and noted about one application: its messages, the thread's counters, every
 * participant's read marker and the organisation's notes. Used by the retention job for non-hired applicants (with
 * the application's other personal data) and by erasure for the notes, which name no student (data/privacy.ts).
 * Returns how many records went.
 */
export async function deleteConversation(applicationId: string): Promise<number> {
  const [said, markers, notes] = await guard(() =>
    Promise.all([
      messages.query("byThread", { applicationId }),
      threadReads.query("byThread", { applicationId }),
      applicantNotes.query("byApplication", { applicationId }),
    ]),
  );
  await deleteEach(said, ({ createdAt, messageId }) =>
    send(messageWrites.delete({ applicationId, createdAt, messageId })),
  );
  await deleteEach(markers, ({ userId }) => send(threadReadWrites.delete({ applicationId, userId })));
  await deleteEach(notes, ({ orgId }) => send(applicantNoteWrites.delete({ applicationId, orgId })));
  // The old item says whether there was a thread to count (ElectroDB's `response: "all_old"`).
  const { Attributes: thread } = await guard(() =>
    liteTransport().delete({ ...threadWrites.delete({ applicationId }).Delete!, ReturnValues: "ALL_OLD" }),
  );
  return said.length + markers.length + notes.length + (owns(threadModel, thread) ? 1 : 0);
}
