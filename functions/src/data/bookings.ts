import { randomUUID } from "node:crypto";
import type { Booking, ListingBookingsSchema, VisitSessionSchema } from "@ketnoi/core";
import { vietnamInstant } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type * as v from "valibot";
import type { BookingEntity } from "../db/entities/booking";
import type { SessionSeatsEntity } from "../db/entities/session-seats";
import type { UserEntity } from "../db/entities/user";
import { liteEntity } from "../db/lite";
import { transactWrite } from "../db/lite-transact";
import { absentOrEqual, condition, liteWrites } from "../db/lite-writes";
import { bookingModel } from "../db/models/booking";
import { sessionSeatsModel } from "../db/models/session-seats";
import { userModel } from "../db/models/user";
import { AppError } from "../http/errors";
import { applicantViews, type ListingCard, listingCards } from "./applicants";
import { guard } from "./guard";
import { seatsTakenOf } from "./listing-reads";
import type { StoredListing } from "./listings";
import { getOrganisations } from "./organisations";
import { transactWithRetry } from "./transact";

// Read by listing detail, so over the lite data path (listing-reads.ts, issue 14); re-exported here.
export { seatsTakenOf } from "./listing-reads";

type BookingItem = EntityItem<BookingEntity>;
/** A booking as stored, with the booker's user id (never shown to the host for student bookings). */
export type StoredBooking = Omit<BookingItem, "bookingId"> & { id: string };
type VisitSession = v.InferOutput<typeof VisitSessionSchema>;

// Over the lite data path (db/lite.ts, issue 14): bookings and seat counters in ElectroDB's stored format.
const bookingsTable = liteEntity<BookingEntity>(bookingModel);
const bookingWrites = liteWrites<BookingEntity>(bookingModel);
const sessionSeats = liteEntity<SessionSeatsEntity>(sessionSeatsModel);
const seatWrites = liteWrites<SessionSeatsEntity>(sessionSeatsModel);
const users = liteEntity<UserEntity>(userModel);

function toStored({ bookingId, ...rest }: BookingItem): StoredBooking {
  return { id: bookingId, ...rest };
}

/** Who books: a student for themselves (one seat), or a staff member for a class of their school. */
export type Booker =
  | { kind: "student"; userId: string }
  | { kind: "class"; userId: string; orgId: string; classLabel: string; seats: number };

/** A 409 that says how many seats remain, so a class booking can be made smaller rather than guessed at. */
async function capacityFull(listingId: string, session: { id: string; seats: number }) {
  const seatsLeft = Math.max(0, session.seats - ((await seatsTakenOf(listingId))[session.id] ?? 0));
  return new AppError(
    "capacity_full",
    seatsLeft === 0 ? "Buổi tham quan đã hết chỗ." : `Buổi tham quan chỉ còn ${seatsLeft} chỗ.`,
    { seatsLeft },
  );
}

/**
 * Books seats in a visit session. The booking and the session's seat counter are written in one transaction;
 * the counter's condition `booked <= seats - n` keeps concurrent bookings within the seats (409 `capacity_full`),
 * and a student's booking is keyed by the student, so a second one for the same session fails (409
 * `already_booked`) unless the first was cancelled.
 */
export async function bookSeats(listing: StoredListing, session: VisitSession, booker: Booker): Promise<StoredBooking> {
  const seats = booker.kind === "class" ? booker.seats : 1;
  if (seats > session.seats) throw await capacityFull(listing.id, session);
  const now = new Date().toISOString();
  const bookingId = randomUUID();
  const item = {
    listingId: listing.id,
    sessionId: session.id,
    holder: booker.kind === "student" ? booker.userId : `class-${bookingId}`,
    bookingId,
    kind: booker.kind,
    hostOrgId: listing.orgId,
    bookerUserId: booker.userId,
    ...(booker.kind === "class" ? { classOrgId: booker.orgId, classLabel: booker.classLabel } : {}),
    seats,
    status: "confirmed" as const,
    createdAt: now,
    updatedAt: now,
    startsAt: new Date(vietnamInstant(session.date, session.startTime)).toISOString(),
    startsDay: session.date,
  };
  const room = condition(
    sessionSeatsModel,
    ({ attr, value }) =>
      `attribute_not_exists(${attr("booked")}) OR ${attr("booked")} <= ${value(session.seats - seats)}`,
  );
  const failed = await transactWithRetry(() =>
    transactWrite([
      bookingWrites.put(item, absentOrEqual(bookingModel, "status", "cancelled")),
      seatWrites.update({ listingId: listing.id, sessionId: session.id }, { add: { booked: seats } }, room),
    ]),
  );
  if (failed === 0) throw new AppError("already_booked");
  if (failed === 1) throw await capacityFull(listing.id, session);
  // The booker's notice follows from the stored booking (effects/notices.ts).
  const booking = toStored(item as BookingItem);
  return booking;
}

/** One booking by its public id (re-read by table key with a consistent read), or undefined. */
export async function findBooking(bookingId: string): Promise<StoredBooking | undefined> {
  const [hit] = await guard(() => bookingsTable.query("byId", { bookingId }, { count: 1 }));
  if (!hit) return undefined;
  const current = await guard(() =>
    bookingsTable.get({ listingId: hit.listingId, sessionId: hit.sessionId, holder: hit.holder }, { consistent: true }),
  );
  return current?.bookingId === bookingId ? toStored(current) : undefined;
}

/**
 * Cancels a confirmed booking and releases its seats in the same transaction. Cancelling a cancelled booking
 * changes nothing and returns it as it is, so a repeated request cannot release seats twice.
 */
export async function cancelBooking(booking: StoredBooking): Promise<StoredBooking> {
  const now = new Date().toISOString();
  const key = { listingId: booking.listingId, sessionId: booking.sessionId };
  const stillConfirmed = condition(
    bookingModel,
    ({ attr, value }) => `${attr("status")} = ${value("confirmed")} AND ${attr("bookingId")} = ${value(booking.id)}`,
  );
  const failed = await transactWithRetry(() =>
    transactWrite([
      bookingWrites.patch(
        { ...key, holder: booking.holder },
        { set: { status: "cancelled", cancelledAt: now, updatedAt: now } },
        stillConfirmed,
      ),
      seatWrites.patch(key, { add: { booked: -booking.seats } }),
    ]),
  );
  if (failed >= 0) return (await findBooking(booking.id)) ?? booking;
  return { ...booking, status: "cancelled", cancelledAt: now, updatedAt: now };
}

/** Bookings a user made (their own seat, or classes they booked), newest first. */
export async function listBookerBookings(userId: string): Promise<StoredBooking[]> {
  const data = await guard(() => bookingsTable.query("byBooker", { bookerUserId: userId }, { order: "desc" }));
  return data.map(toStored);
}

/** A visit listing's bookings, by session, and the seats taken per session; read consistently. */
export async function listListingBookings(listing: StoredListing) {
  const [bookings, counters] = await Promise.all([
    guard(() => bookingsTable.query("bySession", { listingId: listing.id }, { consistent: true })),
    guard(() => sessionSeats.query("bySession", { listingId: listing.id }, { consistent: true })),
  ]);
  const booked = new Map(counters.map((s) => [s.sessionId, s.booked]));
  const sessions = (listing.sessions ?? []).map((s) => ({ id: s.id, seats: s.seats, booked: booked.get(s.id) ?? 0 }));
  return { bookings: bookings.map(toStored), sessions };
}

function withListing(booking: StoredBooking, card: ListingCard | undefined): Booking {
  const { holder: _holder, hostOrgId: _host, bookerUserId: _booker, ...rest } = booking;
  const session = card?.sessions.find((s) => s.id === booking.sessionId);
  return {
    ...rest,
    listingTitle: card?.title ?? { vi: "" },
    orgName: card?.orgName ?? "",
    ...(session ? { session: { date: session.date, startTime: session.startTime, place: session.place } } : {}),
  };
}

/** The booker's view: each booking with its listing's title, host organisation and session. */
export async function forBooker(bookings: StoredBooking[]): Promise<Booking[]> {
  const cards = await listingCards(bookings.map((b) => b.listingId));
  return bookings.map((b) => withListing(b, cards.get(b.listingId)));
}

/**
 * The host's view: who holds each booking. Students appear as on the applicant board (identified only with
 * consent); a class shows its school, label and the staff member who booked it, as the visit's contact.
 */
export async function forHost(
  listing: StoredListing,
  listed: { bookings: StoredBooking[]; sessions: v.InferOutput<typeof ListingBookingsSchema>["sessions"] },
): Promise<v.InferOutput<typeof ListingBookingsSchema>> {
  const { bookings, sessions } = listed;
  const classes = bookings.filter((b) => b.kind === "class");
  const [cards, students, schools, staff] = await Promise.all([
    listingCards([listing.id]),
    applicantViews(
      bookings
        .filter((b) => b.kind === "student")
        .map((b) => ({ id: b.id, studentId: b.bookerUserId, status: b.status })),
    ),
    getOrganisations(classes.flatMap((b) => (b.classOrgId ? [b.classOrgId] : []))),
    classes.length
      ? guard(() => users.batchGet([...new Set(classes.map((b) => b.bookerUserId))].map((userId) => ({ userId }))))
      : Promise.resolve([]),
  ]);
  const staffOf = new Map(staff.map((u) => [u.userId, u]));
  const card = cards.get(listing.id);
  const items = bookings.map((b): Booking => {
    const view = withListing(b, card);
    if (b.kind === "student") return { ...view, bookedBy: { kind: "student", student: students.get(b.id)! } };
    const user = staffOf.get(b.bookerUserId);
    return {
      ...view,
      bookedBy: {
        kind: "class",
        orgName: schools.get(b.classOrgId ?? "")?.name.vi ?? "",
        classLabel: b.classLabel ?? "",
        contact: { name: user?.displayName ?? "", email: user?.email ?? "" },
      },
    };
  });
  return { items, sessions };
}
