import { IdParamSchema, NotificationSchema } from "@ketnoi/core";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import { listNotifications, markNotificationRead } from "../data/notifications";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { requirePrincipal } from "../http/middleware";
import { bearer, responses } from "../http/openapi";
import { validate } from "../http/validate";

/** The signed-in user's in-app notifications. */
export const notificationRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags: ["Notifications"],
      summary: "My notifications, newest first",
      security: bearer,
      responses: responses(
        {
          200: {
            description: "Notifications",
            schema: v.object({ items: v.array(NotificationSchema), unread: v.number() }),
          },
        },
        [401, 503],
      ),
    }),
    async (c) => {
      const { userId } = requirePrincipal(c);
      const items = await listNotifications(userId);
      return c.json({ items, unread: items.filter((n) => !n.read).length });
    },
  )
  .post(
    "/:id/read",
    describeRoute({
      tags: ["Notifications"],
      summary: "Mark a notification read",
      security: bearer,
      responses: responses({ 204: { description: "Marked" } }, [400, 401, 404, 503]),
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
