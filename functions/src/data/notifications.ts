import { randomUUID } from "node:crypto";
import type { Notification, NotificationKind } from "@ketnoi/core";
import { db } from "../db/service";
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
  const now = new Date();
  await guard(() =>
    db()
      .entities.notification.create({
        userId,
        notificationId: randomUUID(),
        ...input,
        read: false,
        createdAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + retentionSeconds,
      })
      .go(),
  );
  await Promise.allSettled(senders.map((sender) => sender.send(userId, input)));
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
