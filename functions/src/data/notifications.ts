import { createHash, randomUUID } from "node:crypto";
import type { Notification, NotificationKind } from "@ketnoi/core";
import type { NotificationEntity } from "../db/entities/notification";
import { liteEntity } from "../db/lite";
import { liteWrites, send } from "../db/lite-writes";
import { notificationModel } from "../db/models/notification";
import { AppError } from "../http/errors";
import { guard } from "./guard";

const retentionSeconds = 180 * 24 * 60 * 60;

// Over the lite data path (db/lite.ts, issue 14): the account group lists and marks them, every group writes them.
const notifications = liteEntity<NotificationEntity>(notificationModel);
const notificationWrites = liteWrites<NotificationEntity>(notificationModel);

export interface NotificationInput {
  kind: NotificationKind;
  title: { vi: string; en: string };
  body?: { vi: string; en: string };
  link?: string;
}

/**
 * Delivers notifications beyond the app (e-mail, Zalo…) after the in-app record is written. `notice.id` is the
 * stored notification's id: a sender keys its own "sent" marker on it, because `deliverNotice` hands a notice to
 * the senders again whenever its change is replayed (so that a send that failed is retried). Senders run only in
 * the stream consumer (mail/sender.ts is registered there), never in the API.
 */
export interface NotificationSender {
  send(userId: string, notification: NotificationInput, notice: { id: string; at: string }): Promise<void>;
}

const senders: NotificationSender[] = [];

/** Adds an outbound channel (the mail sender); returns what removes it again (a stopped local platform, tests). */
export function registerNotificationSender(sender: NotificationSender): () => void {
  senders.push(sender);
  return () => {
    const index = senders.indexOf(sender);
    if (index >= 0) senders.splice(index, 1);
  };
}

/** Stores an in-app notification for a user, then hands it to any registered outbound senders. */
export async function notify(userId: string, input: NotificationInput): Promise<void> {
  const notice = { id: randomUUID(), at: new Date().toISOString() };
  await store(userId, input, notice.id, new Date(notice.at));
  // Its callers claim before they call (saved-search alerts): a sender's failure must not undo the stored notice.
  await Promise.allSettled(senders.map((sender) => sender.send(userId, input, notice)));
}

const alreadyDelivered = new AppError("already_exists", "notice already delivered");

/**
 * Stores a notice derived from a stored change exactly once: its id is a hash of `key` (what the change was, e.g.
 * an application's step n, for this recipient) and its time is the change's own, so a replayed or retried stream
 * record finds the notice there (a conditional create) and does not store it twice. The senders get it every time
 * (their own markers, keyed on the notice's id, send it once): a sender that failed throws here, so the stream
 * retries the record with backoff and the send is tried again. Returns whether this call stored the notice.
 */
export async function deliverNotice(
  userId: string,
  input: NotificationInput,
  once: { key: string; at: string },
): Promise<boolean> {
  const notificationId = createHash("sha256").update(`${userId}\u0000${once.key}`).digest("hex").slice(0, 32);
  const created = await store(userId, input, notificationId, new Date(once.at), () => alreadyDelivered).then(
    () => true,
    (error: unknown) => {
      if (error === alreadyDelivered) return false;
      throw error;
    },
  );
  const outcomes = await Promise.allSettled(
    senders.map((sender) => sender.send(userId, input, { id: notificationId, at: once.at })),
  );
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (failed) throw failed.reason;
  return created;
}

async function store(
  userId: string,
  input: NotificationInput,
  notificationId: string,
  at: Date,
  onConflict?: () => AppError,
): Promise<void> {
  await guard(
    () =>
      send(
        notificationWrites.create({
          userId,
          notificationId,
          ...input,
          read: false,
          createdAt: at.toISOString(),
          expiresAt: Math.floor(at.getTime() / 1000) + retentionSeconds,
        }),
      ),
    onConflict,
  );
}

/** A user's notifications, newest first. */
export async function listNotifications(userId: string, limit = 50): Promise<Notification[]> {
  const data = await guard(() => notifications.query("byUser", { userId }, { order: "desc", count: limit }));
  return data.map(
    ({ notificationId, userId: _user, expiresAt: _expires, ...rest }) =>
      ({ id: notificationId, ...rest }) as Notification,
  );
}

/** Marks one of the user's notifications read; false when it does not exist (or is someone else's). */
export async function markNotificationRead(userId: string, notificationId: string): Promise<boolean> {
  const [item] = await guard(() =>
    notifications.query("byUser", { userId }, { count: 1, filter: (n) => n.notificationId === notificationId }),
  );
  if (!item) return false;
  await guard(() =>
    send(notificationWrites.patch({ userId, createdAt: item.createdAt, notificationId }, { set: { read: true } })),
  );
  return true;
}
