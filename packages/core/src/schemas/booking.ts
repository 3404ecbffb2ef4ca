import * as v from "valibot";
import { ApplicantSchema } from "./application";
import { IdSchema, IntegerSchema, IsoTimestampSchema, TallySchema } from "./common";

export const bookingStatuses = ["confirmed", "cancelled"] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** A student books one seat for themselves; university or institute staff book seats for a whole class. */
export const bookingKinds = ["student", "class"] as const;
export type BookingKind = (typeof bookingKinds)[number];

/** Path of POST /api/listings/:id/sessions/:sessionId/bookings. */
export const SessionParamSchema = v.strictObject({ id: IdSchema, sessionId: IdSchema });

/**
 * Body of POST /api/listings/:id/sessions/:sessionId/bookings. `{}` books one seat for the signed-in student;
 * `classBooking` books `seats` seats for a class of the caller's university or institute.
 */
export const BookingCreateSchema = v.strictObject({
  classBooking: v.optional(
    v.strictObject({
      orgId: IdSchema,
      classLabel: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
      seats: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
    }),
  ),
});
export type BookingCreate = v.InferOutput<typeof BookingCreateSchema>;

/**
 * Who holds the seats, as the host organisation sees it: a student (identified only with their
 * `shareWithAppliedOrgs` consent, as on the applicant board) or a class with its school and contact.
 */
export const BookedBySchema = v.variant("kind", [
  v.object({ kind: v.literal("student"), student: ApplicantSchema }),
  v.object({
    kind: v.literal("class"),
    orgName: v.string(),
    classLabel: v.string(),
    contact: v.object({ name: v.string(), email: v.string() }),
  }),
]);

/** A booking of seats in one session of a visit listing. `bookedBy` is set only in the host's view. */
export const BookingSchema = v.object({
  id: IdSchema,
  listingId: IdSchema,
  sessionId: IdSchema,
  kind: v.picklist(bookingKinds),
  seats: IntegerSchema(1, 500),
  classLabel: v.optional(v.string()),
  classOrgId: v.optional(IdSchema),
  status: v.picklist(bookingStatuses),
  listingTitle: v.object({ vi: v.string(), en: v.optional(v.string()) }),
  orgName: v.string(),
  session: v.optional(v.object({ date: v.string(), startTime: v.string(), place: v.string() })),
  bookedBy: v.optional(BookedBySchema),
  createdAt: IsoTimestampSchema,
  updatedAt: IsoTimestampSchema,
  cancelledAt: v.optional(IsoTimestampSchema),
});
export type Booking = v.InferOutput<typeof BookingSchema>;

export const BookingListSchema = v.object({ items: v.array(BookingSchema) });

/** The host's view of a visit listing: every booking and, per session, seats offered and taken. */
export const ListingBookingsSchema = v.object({
  items: v.array(BookingSchema),
  sessions: v.array(v.object({ id: IdSchema, seats: IntegerSchema(1, 1000), booked: TallySchema })),
});
