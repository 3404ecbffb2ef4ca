import {
  applicationContribution,
  bookingContribution,
  type Contribution,
  type ListingFacts,
  listingContribution,
  type StudentFacts,
  studentContribution,
} from "@ketnoi/core";
import type { ApplicationEntity } from "../db/entities/application";
import type { BookingEntity } from "../db/entities/booking";
import type { ListingEntity } from "../db/entities/listing";
import type { StudentEntity } from "../db/entities/student";
import { liteEntity } from "../db/lite";
import { applicationModel } from "../db/models/application";
import { bookingModel } from "../db/models/booking";
import { listingModel } from "../db/models/listing";
import { studentModel } from "../db/models/student";
import { type FactKind, factId, orderKeyOf } from "./apply";

type Item = Record<string, unknown>;

// Over the lite data path (db/lite.ts, issue 14): the stream consumer starts without ElectroDB.
const listings = liteEntity<ListingEntity>(listingModel);
const students = liteEntity<StudentEntity>(studentModel);
const applications = liteEntity<ApplicationEntity>(applicationModel);
const bookings = liteEntity<BookingEntity>(bookingModel);

/** One source record to bring up to date: its latest image (none once removed) and that image's order key. */
export interface FactChange {
  kind: FactKind;
  /** The record's public id (listingId, applicationId, bookingId, userId). */
  id: string;
  image: Item | undefined;
  orderKey: string;
}

const idAttribute: Record<FactKind, string> = {
  listing: "listingId",
  application: "applicationId",
  booking: "bookingId",
  student: "userId",
};

/** The change a record's image stands for; `removed` when the record (or this id under its key) is gone. */
export function changeOf(kind: FactKind, image: Item, removed: boolean): FactChange {
  return {
    kind,
    id: String(image[idAttribute[kind]]),
    image: removed ? undefined : image,
    orderKey: orderKeyOf(image, removed),
  };
}

/** The sync key of a change. */
export const factOf = (change: Pick<FactChange, "kind" | "id">) => factId(change.kind, change.id);

async function getListing(listingId: unknown): Promise<ListingFacts | undefined> {
  if (typeof listingId !== "string") return undefined;
  return listings.get({ listingId }, { consistent: true });
}

async function getStudent(userId: unknown): Promise<StudentFacts | undefined> {
  if (typeof userId !== "string") return undefined;
  return students.get({ userId }, { consistent: true });
}

/**
 * What a record adds now. An application or booking reads its listing and student as they are now (consistent
 * reads), so a changed university, consent or listing field always wins over what the event carried.
 */
export async function deriveContribution(change: FactChange): Promise<Contribution> {
  const image = change.image;
  if (!image) return {};
  switch (change.kind) {
    case "listing":
      return listingContribution(image as unknown as ListingFacts);
    case "student":
      return studentContribution(image as unknown as StudentFacts);
    case "application": {
      const [listing, student] = await Promise.all([getListing(image.listingId), getStudent(image.studentId)]);
      return applicationContribution(image as never, listing, student);
    }
    case "booking": {
      const [listing, student] = await Promise.all([
        getListing(image.listingId),
        image.kind === "student" ? getStudent(image.bookerUserId) : undefined,
      ]);
      return bookingContribution(image as never, listing, student);
    }
  }
}

// Listing fields an application's or booking's contribution reads, and the student's.
const listingContext = ["type", "requiredSkills", "industrialParkId", "communeId", "sessions"] as const;
const studentContext = (s: Item | undefined) =>
  JSON.stringify([
    s?.universityId,
    // The school's confirmation moves the student's records under that school (countedSchoolOf).
    s?.confirmedUniversityId,
    (s?.consents as { provinceStatistics?: { granted?: unknown } })?.provinceStatistics?.granted,
  ]);

/** Whether a listing or student change alters what the records depending on it add. */
export function contextChanged(kind: FactKind, before: Item | undefined, after: Item | undefined): boolean {
  if (!before || !after) return true;
  if (kind === "listing") return listingContext.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  if (kind === "student") return studentContext(before) !== studentContext(after);
  return false;
}

/**
 * The applications and bookings that depend on a listing (read consistently from its partition) or a student
 * (from the student's indexes), as they are now.
 */
export async function dependentsOf(kind: FactKind, id: string): Promise<FactChange[]> {
  const [dependentApplications, dependentBookings] =
    kind === "listing"
      ? await Promise.all([
          applications.query("byListing", { listingId: id }, { consistent: true }),
          bookings.query("bySession", { listingId: id }, { consistent: true }),
        ])
      : kind === "student"
        ? await Promise.all([
            applications.query("byStudent", { studentId: id }),
            bookings.query("byBooker", { bookerUserId: id }),
          ])
        : [[], []];
  return [
    ...dependentApplications.map((a) => changeOf("application", a as Item, false)),
    ...dependentBookings.map((b) => changeOf("booking", b as Item, false)),
  ];
}
