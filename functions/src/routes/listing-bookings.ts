import {
  BookingCreateSchema,
  BookingSchema,
  IdParamSchema,
  ListingBookingsSchema,
  SessionParamSchema,
  sessionBookable,
} from "@ketnoi/core";
import { Hono } from "hono";
import { bookSeats, forBooker, forHost, listListingBookings } from "../data/bookings";
import { getOrganisation } from "../data/organisations";
import { getStudentProfile } from "../data/students";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce, requirePrincipal } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";
import { assertIntakeOpen } from "./application-access";
import { visibleListing } from "./listing-visibility";

/** Bookings under a visit listing: book seats in a session, and the host's list. Mounted at /api/listings. */
export const listingBookingRoutes = new Hono<AppEnv>()
  .post(
    "/:id/sessions/:sessionId/bookings",
    route({
      tags: ["Bookings"],
      summary: "Book seats in a visit session: `{}` books one seat for the signed-in student",
      description:
        "`classBooking` books N seats for a class of the caller's university or institute (staff members). " +
        "One booking per student and session. 409 codes: `capacity_full`, `already_booked`, `listing_closed`, " +
        "`deadline_passed`, `session_past`, `profile_required`, `wrong_listing_type`. A draft listing or an " +
        "unknown session is 404.",
      auth: true,
      body: true,
      ok: { 201: { description: "Booked", schema: BookingSchema } },
      errors: [404, 409],
    }),
    validate("param", SessionParamSchema),
    validate("json", BookingCreateSchema),
    async (c) => {
      const { id, sessionId } = c.req.valid("param");
      const { classBooking } = c.req.valid("json");
      const { userId } = requirePrincipal(c);
      if (classBooking) {
        const school = await getOrganisation(classBooking.orgId);
        enforce(c, "booking:createForClass", {
          orgId: classBooking.orgId,
          ...(school ? { orgKind: school.kind, orgVerification: school.verification } : {}),
        });
      } else {
        enforce(c, "booking:create");
      }
      const listing = await visibleListing(c, id);
      if (listing.type !== "visit") {
        throw new AppError("wrong_listing_type", "Chỉ tin tham quan mới đặt chỗ theo buổi.");
      }
      assertIntakeOpen(listing);
      const session = listing.sessions?.find((s) => s.id === sessionId);
      if (!session) throw new AppError("not_found", "Không tìm thấy buổi tham quan.");
      if (!sessionBookable(session.date, new Date())) {
        throw new AppError("session_past");
      }
      if (!classBooking && !(await getStudentProfile(userId))) {
        throw new AppError("profile_required", "Hãy tạo hồ sơ sinh viên trước khi đặt chỗ.");
      }
      const booking = await bookSeats(
        listing,
        session,
        classBooking ? { kind: "class", userId, ...classBooking } : { kind: "student", userId },
      );
      return c.json((await forBooker([booking]))[0]!, 201);
    },
  )
  .get(
    "/:id/bookings",
    route({
      tags: ["Bookings"],
      summary: "A visit listing's bookings and seats per session (members of its organisation)",
      description:
        "Students appear pseudonymously unless they consent to share their details. Another organisation's " +
        "listing: 403 if it is public, 404 if it is a draft.",
      auth: true,
      ok: { 200: { description: "Bookings", schema: ListingBookingsSchema } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const listing = await visibleListing(c, c.req.valid("param").id);
      enforce(c, "listing:viewBookings", { orgId: listing.orgId });
      return c.json(await forHost(listing, await listListingBookings(listing)));
    },
  );
