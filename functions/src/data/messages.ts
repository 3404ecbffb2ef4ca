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
import type { EntityItem } from "electrodb";
import type { MessageEntity } from "../db/entities/message";
import type { ThreadEntity } from "../db/entities/thread";
import { db } from "../db/service";
import { AppError } from "../http/errors";
import type { StoredApplication } from "./applications";
import { guard } from "./guard";

import { transactWithRetry } from "./transact";

// Erasure (the account group's function, without ElectroDB) deletes the notes through applicant-notes.ts.
export { deleteApplicantNotes } from "./applicant-notes";

type MessageItem = EntityItem<MessageEntity>;
type ThreadItem = EntityItem<ThreadEntity>;

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
    db()
      .transaction.write(({ message, thread }) => [
        message.create(item).commit(),
        thread
          .update({ applicationId: application.id })
          .set({
            studentId: application.studentId,
            orgId: application.orgId,
            listingId: application.listingId,
            lastMessageAt: now,
          })
          .add(side === "student" ? { studentMessages: 1 } : { organisationMessages: 1 })
          .commit(),
      ])
      .go(),
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
  const query = db().entities.message.query.byThread({ applicationId });
  const { data } = await guard(() =>
    (options.before ? query.lt(options.before) : query).go({ order: "desc", limit: options.limit + 1 }),
  );
  const items = data.slice(0, options.limit);
  const last = items.at(-1);
  const more = data.length > options.limit && last;
  return { items, before: more ? { createdAt: last.createdAt, messageId: last.messageId } : null };
}

/** The thread's counters and the reader's marker (two GetItems, in parallel). */
export async function threadState(applicationId: string, userId: string) {
  const [thread, marker] = await Promise.all([
    guard(() => db().entities.thread.get({ applicationId }).go({ consistent: true })),
    guard(() => db().entities.threadRead.get({ applicationId, userId }).go({ consistent: true })),
  ]);
  return { counts: countsOf(thread.data), seen: marker.data?.seen ?? 0 };
}

const alreadyMarked = new AppError("already_exists", "already marked at least as far");

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
      db()
        // A whole put (not an update) so the reader index's keys are written with it.
        .entities.threadRead.put({ applicationId, userId, seen: mark, readAt: new Date().toISOString() })
        .where((a, op) => `${op.notExists(a.seen)} OR ${op.lt(a.seen, mark)}`)
        .go()
        .then(() => false),
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
  const threadQueries =
    side === "student"
      ? [db().entities.thread.query.byStudent({ studentId: principal.userId }).go({ pages: "all" })]
      : principal.memberships.map(({ orgId }) =>
          db().entities.thread.query.byOrganisation({ orgId }).go({ pages: "all" }),
        );
  const [markers, ...threadPages] = await guard(() =>
    Promise.all([
      db().entities.threadRead.query.byReader({ userId: principal.userId }).go({ pages: "all" }),
      ...threadQueries,
    ]),
  );
  const seen = new Map(markers.data.map((m) => [m.applicationId, m.seen]));
  const threads = threadPages
    .flatMap((page) => page.data)
    .map((t) => ({
      applicationId: t.applicationId,
      listingId: t.listingId,
      unread: unreadIn(countsOf(t), side, seen.get(t.applicationId) ?? 0),
    }))
    .filter((t) => t.unread > 0);
  return { total: threads.reduce((sum, t) => sum + t.unread, 0), threads };
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
  const { data: users } = memberIds.length
    ? await guard(() =>
        db()
          .entities.user.get(memberIds.map((userId) => ({ userId })))
          .go(),
      )
    : { data: [] };
  const nameOf = new Map(users.map((u) => [u.userId, u.displayName]));
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
  const { data } = await guard(() =>
    db()
      .entities.applicantNote.get({ applicationId: application.id, orgId: application.orgId })
      .go({ consistent: true }),
  );
  if (!data) return { text: "", rating: null, version: 0 };
  const { data: author } = await guard(() => db().entities.user.get({ userId: data.updatedBy }).go());
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
  await guard(() =>
    db()
      .entities.applicantNote.put(item)
      .where((a, op) => (input.version === 0 ? op.notExists(a.version) : op.eq(a.version, input.version)))
      .go(),
  );
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
  const entities = db().entities;
  const [messages, markers, notes] = await guard(() =>
    Promise.all([
      entities.message.query.byThread({ applicationId }).go({ pages: "all" }),
      entities.threadRead.query.byThread({ applicationId }).go({ pages: "all" }),
      entities.applicantNote.query.byApplication({ applicationId }).go({ pages: "all" }),
    ]),
  );
  await deleteEach(messages.data, ({ createdAt, messageId }) =>
    entities.message.delete({ applicationId, createdAt, messageId }).go(),
  );
  await deleteEach(markers.data, ({ userId }) => entities.threadRead.delete({ applicationId, userId }).go());
  await deleteEach(notes.data, ({ orgId }) => entities.applicantNote.delete({ applicationId, orgId }).go());
  const { data: thread } = await guard(() => entities.thread.delete({ applicationId }).go({ response: "all_old" }));
  return messages.data.length + markers.data.length + notes.data.length + (thread ? 1 : 0);
}
