import { createHash, randomUUID } from "node:crypto";
import type { Notification, NotificationKind } from "@ketnoi/core";
import { db } from "../db/service";
import { AppError } from "../http/errors";
import { guard } from "./guard";

const retentionSeconds = 180 * 24 * 60 * 60;

export interface NotificationInput {
  kind: NotificationKind;
  title: { vi: string; en: string };
  body?: { vi: string; en: string };
  link?: string;
}

/**
 * Delivers notifications beyond the app (e-mail, Zalo…). The platform ships only the in-app channel; a sender
 * registered here is called after the in-app record is written, and its failures never fail the request.
 */
export interface NotificationSender {
  send(userId: string, notification: NotificationInput): Promise<void>;
}

const senders: NotificationSender[] = [];

/** Adds an outbound channel (e.g. an SES e-mail sender in deploy). */
export function registerNotificationSender(sender: NotificationSender): void {
  senders.push(sender);
}

/** Stores an in-app notification for a user, then hands it to any registered outbound senders. */
export async function notify(userId: string, input: NotificationInput): Promise<void> {
  await store(userId, input, randomUUID(), new Date());
  await Promise.allSettled(senders.map((sender) => sender.send(userId, input)));
}

const alreadyDelivered = new AppError("already_exists", 409, "notice already delivered");

/**
 * Stores a notice derived from a stored change exactly once: its id is a hash of `key` (what the change was, e.g.
 * an application's step n, for this recipient) and its time is the change's own, so a replayed or retried stream
 * record finds the notice there (a conditional create) and neither stores it twice nor sends it out again.
 * Returns whether this call delivered it.
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
  if (created) await Promise.allSettled(senders.map((sender) => sender.send(userId, input)));
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
      db()
        .entities.notification.create({
          userId,
          notificationId,
          ...input,
          read: false,
          createdAt: at.toISOString(),
          expiresAt: Math.floor(at.getTime() / 1000) + retentionSeconds,
        })
        .go(),
    onConflict,
  );
}

/** A user's notifications, newest first. */
export async function listNotifications(userId: string, limit = 50): Promise<Notification[]> {
  const { data } = await guard(() =>
    db().entities.notification.query.byUser({ userId }).go({ order: "desc", count: limit }),
  );
  return data.map(
    ({ notificationId, userId: _user, expiresAt: _expires, ...rest }) =>
      ({ id: notificationId, ...rest }) as Notification,
  );
}

/** Marks one of the user's notifications read; false when it does not exist (or is someone else's). */
export async function markNotificationRead(userId: string, notificationId: string): Promise<boolean> {
  const { data } = await guard(() =>
    db()
      .entities.notification.query.byUser({ userId })
      .where((a, op) => op.eq(a.notificationId, notificationId))
      .go({ pages: "all" }),
  );
  const item = data[0];
  if (!item) return false;
  await guard(() =>
    db().entities.notification.patch({ userId, createdAt: item.createdAt, notificationId }).set({ read: true }).go(),
  );
  return true;
}
