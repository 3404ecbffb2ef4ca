import * as v from "valibot";
import { IdSchema, IntegerSchema, IsoTimestampSchema, TallySchema, VersionSchema } from "./common";

/** The longest message in an application's thread, in characters (after trimming). */
export const maxMessageLength = 2000;
/** The longest recruiter note on an applicant. */
export const maxApplicantNoteLength = 4000;

/** The two sides of an application's thread: the student who applied and the listing's organisation. */
export const threadSides = ["student", "organisation"] as const;
export type ThreadSide = (typeof threadSides)[number];

/** Body of POST /api/applications/:id/messages. */
export const MessageCreateSchema = v.strictObject({
  text: v.pipe(v.string(), v.trim(), v.minLength(1, "Hãy nhập tin nhắn"), v.maxLength(maxMessageLength)),
});
export type MessageCreate = v.InferOutput<typeof MessageCreateSchema>;

/**
 * One message as a participant sees it. `authorName` (which member wrote) is sent to the organisation's members
 * only; the student sees that the organisation wrote. `mine` is true for the caller's own messages.
 */
export const MessageSchema = v.object({
  id: IdSchema,
  side: v.picklist(threadSides),
  authorName: v.optional(v.string()),
  mine: v.boolean(),
  text: v.string(),
  createdAt: IsoTimestampSchema,
});
export type Message = v.InferOutput<typeof MessageSchema>;

/**
 * A page of a thread, oldest first within the page (newest last); `cursor` pages to older messages. `otherSideCount`
 * is how many messages the other side has written: the caller sends it back to mark them read. `unread` counts the
 * other side's messages the caller has not marked read.
 */
export const MessagePageSchema = v.object({
  items: v.array(MessageSchema),
  cursor: v.nullable(v.string()),
  otherSideCount: TallySchema,
  unread: TallySchema,
});
export type MessagePage = v.InferOutput<typeof MessagePageSchema>;

/** Query of GET /api/applications/:id/messages: `cursor` from the previous page (older messages). */
export const MessagePageQuerySchema = v.strictObject({
  cursor: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(100)),
    "30",
  ),
});

/** Body of PUT /api/applications/:id/messages/read: how many of the other side's messages the caller has seen. */
export const MessageReadSchema = v.strictObject({ seen: TallySchema });
export type MessageRead = v.InferOutput<typeof MessageReadSchema>;

/** GET /api/messages/unread: the caller's unread messages, in total and per application. */
export const UnreadMessagesSchema = v.object({
  total: TallySchema,
  threads: v.array(v.object({ applicationId: IdSchema, listingId: IdSchema, unread: TallySchema })),
});
export type UnreadMessages = v.InferOutput<typeof UnreadMessagesSchema>;

/** A 1–5 rating of an applicant by the organisation. */
export const ApplicantRatingSchema = IntegerSchema(1, 5);

/** Body of PUT /api/applications/:id/notes: the whole note (`null` rating clears it) and the version last read (0: none yet). */
export const ApplicantNoteWriteSchema = v.strictObject({
  text: v.pipe(v.string(), v.trim(), v.maxLength(maxApplicantNoteLength)),
  rating: v.nullable(ApplicantRatingSchema),
  version: v.union([v.literal(0), VersionSchema]),
});
export type ApplicantNoteWrite = v.InferOutput<typeof ApplicantNoteWriteSchema>;

/** The organisation's private note and rating on one application (members only; never the student). */
export const ApplicantNoteSchema = v.object({
  text: v.string(),
  rating: v.nullable(ApplicantRatingSchema),
  /** 0 while nothing was written yet. */
  version: v.union([v.literal(0), VersionSchema]),
  updatedAt: v.optional(IsoTimestampSchema),
  updatedByName: v.optional(v.string()),
});
export type ApplicantNote = v.InferOutput<typeof ApplicantNoteSchema>;

/**
 * Unread messages in one thread for one reader: the other side's messages beyond those the reader marked seen.
 * Clamped at 0 (a marker is never ahead, but a stale count must not go negative).
 * @example unreadIn({ student: 3, organisation: 5 }, "student", 4) // 1 — the organisation wrote 5, 4 seen
 */
export function unreadIn(counts: { student: number; organisation: number }, readerSide: ThreadSide, seen: number) {
  const other = readerSide === "student" ? counts.organisation : counts.student;
  return Math.max(0, other - seen);
}
