import { IdParamSchema, NotificationSchema } from "@ketnoi/core";
import { Hono } from "hono";
import * as v from "valibot";
import { listNotifications, markNotificationRead } from "../data/notifications";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { requirePrincipal } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

/** The signed-in user's in-app notifications. */
export const notificationRoutes = new Hono<AppEnv>()
  .get(
    "/",
    route({
      tags: ["Notifications"],
      summary: "My notifications, newest first",
      auth: true,
      ok: {
        200: {
          description: "Notifications",
          schema: v.object({ items: v.array(NotificationSchema), unread: v.number() }),
        },
      },
    }),
    async (c) => {
      const { userId } = requirePrincipal(c);
      const items = await listNotifications(userId);
      return c.json({ items, unread: items.filter((n) => !n.read).length });
    },
  )
  .post(
    "/:id/read",
    route({
      tags: ["Notifications"],
      summary: "Mark a notification read",
      auth: true,
      ok: { 204: { description: "Marked" } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { userId } = requirePrincipal(c);
      if (!(await markNotificationRead(userId, c.req.valid("param").id))) {
        throw new AppError("not_found", "Không tìm thấy thông báo.");
      }
      return c.body(null, 204);
    },
  );
