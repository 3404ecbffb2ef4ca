import { authorize, BookingListSchema, BookingSchema, IdParamSchema } from "@ketnoi/core";
import { Hono } from "hono";
import { cancelBooking, findBooking, forBooker, listBookerBookings } from "../data/bookings";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { requirePrincipal } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

const bookingNotFound = () => new AppError("not_found", "Không tìm thấy lượt đặt chỗ.");

/** The caller's bookings and cancellation. Mounted at /api/bookings. */
export const bookingRoutes = new Hono<AppEnv>()
  .get(
    "/mine",
    route({
      tags: ["Bookings"],
      summary: "My bookings (a student's seats, or the class bookings a staff member made), newest first",
      auth: true,
      ok: { 200: { description: "Bookings", schema: BookingListSchema } },
    }),
    async (c) => {
      const { userId } = requirePrincipal(c);
      return c.json({ items: await forBooker(await listBookerBookings(userId)) });
    },
  )
  .delete(
    "/:id",
    route({
      tags: ["Bookings"],
      summary: "Cancel a booking and release its seats (its booker, or a colleague for a class booking)",
      description: "Repeating the request returns the cancelled booking unchanged. Anyone else gets 404.",
      auth: true,
      ok: { 200: { description: "Cancelled", schema: BookingSchema } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const principal = requirePrincipal(c);
      const booking = await findBooking(c.req.valid("param").id);
      if (!booking) throw bookingNotFound();
      const resource = {
        ownerUserId: booking.bookerUserId,
        ...(booking.classOrgId ? { orgId: booking.classOrgId } : {}),
      };
      if (!authorize(principal, "booking:manage", resource).allowed) throw bookingNotFound();
      return c.json((await forBooker([await cancelBooking(booking)]))[0]!);
    },
  );
