import type { Notification } from "@ketnoi/core";
import { api, request } from "../../app/api/client";

export type { Notification };

/** My notifications, newest first, with the unread count. */
export function fetchNotifications(): Promise<{ items: Notification[]; unread: number }> {
  return request(() => api.notifications.$get());
}

/** Marks one notification read. */
export async function markNotificationRead(id: string): Promise<void> {
  await request(() => api.notifications[":id"].read.$post({ param: { id } }));
}
