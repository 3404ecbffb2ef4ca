import * as v from "valibot";
import { IdSchema, IsoTimestampSchema } from "./common";

export const notificationKinds = [
  "application_status",
  "application_received",
  "booking_confirmed",
  // A booked visit starts within 24 hours (functions/src/interviews/jobs.ts).
  "booking_reminder",
  "saved_search_match",
  "organisation_verification",
  "membership",
  "invitation",
  "placement",
  // A new message in an application's thread, for the other side (functions/src/effects/notices.ts).
  "message",
  // Mail to the user's address bounced or was marked as spam, so mail stopped (functions/src/mail/bounces.ts).
  "mail_delivery",
  "interview_proposed",
  "interview_scheduled",
  "interview_change_requested",
  "interview_rescheduled",
  "interview_cancelled",
  "interview_reminder",
  "offer_made",
  "offer_accepted",
  "offer_declined",
  "offer_withdrawn",
  "offer_expiring",
  "offer_expired",
] as const;

/** An in-app notification. `title` and `body` come in both languages so the web shows the user's choice. */
export const NotificationSchema = v.object({
  id: IdSchema,
  kind: v.picklist(notificationKinds),
  title: v.object({ vi: v.string(), en: v.string() }),
  body: v.optional(v.object({ vi: v.string(), en: v.string() })),
  /** An in-app path to open, e.g. `/ung-tuyen/…`. */
  link: v.optional(v.string()),
  read: v.boolean(),
  createdAt: IsoTimestampSchema,
});
export type Notification = v.InferOutput<typeof NotificationSchema>;
export type NotificationKind = (typeof notificationKinds)[number];
