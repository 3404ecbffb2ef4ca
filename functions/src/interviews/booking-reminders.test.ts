import { todayInVietnam, vietnamInstant } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { runInterviewJobs, sendBookingReminders } from "./jobs";

// Issue 15 names "lab-visit booking confirmations and reminders": the reminder is the job's, 24 h before.
const date = todayInVietnam(new Date(Date.now() + 4 * 86_400_000));
const start = vietnamInstant(date, "09:00");
const sessions = [
  { id: "s1", date, startTime: "09:00", place: "Phòng sạch tầng 2", seats: 10 },
  { id: "s2", date, startTime: "14:00", place: "Phòng sạch tầng 2", seats: 10 },
];
let host: string;
let listingId: string;
let booker: string;
let canceller: string;
let other: string;

const visitReminders = async (token: string) =>
  ((await call("GET", "/api/notifications", { token })).json.items as { kind: string; title: { vi: string } }[]).filter(
    (n) => n.kind === "booking_reminder",
  );
const book = (token: string, sessionId: string) =>
  call("POST", `/api/listings/${listingId}/sessions/${sessionId}/bookings`, { token, body: {} });

beforeAll(async () => {
  await verifiedOrganisation("org-visit-remind");
  host = await memberOf("rec-visit-remind", "org-visit-remind");
  listingId = await listingOf(host, "org-visit-remind", { type: "visit", sessions } as never);
  [booker, canceller, other] = await Promise.all([
    studentWithProfile("sv-visit-remind"),
    studentWithProfile("sv-visit-cancel"),
    studentWithProfile("sv-visit-other"),
  ]);
  const booked = await book(booker, "s1");
  expect(booked.status, booked.text).toBe(201);
  const cancelled = await book(canceller, "s1");
  expect(cancelled.status).toBe(201);
  expect((await call("DELETE", `/api/bookings/${cancelled.json.id}`, { token: canceller })).status).toBeLessThan(300);
  expect((await book(other, "s2")).status).toBe(201);
});

describe("visit booking reminders", () => {
  it("remind whoever booked once, 24 h before, however often the job runs; never a cancelled booking", async () => {
    // Two days before: nothing is due yet.
    expect(await sendBookingReminders(new Date(start - 48 * 3_600_000))).toBe(0);
    const dayBefore = new Date(start - 20 * 3_600_000);
    const first = await runInterviewJobs(dayBefore);
    // At 13:00 the day before, the 09:00 session is due (the booker's); the 14:00 one (the other student's) is not yet.
    expect(first.bookingReminders).toBe(1);
    expect((await runInterviewJobs(dayBefore)).bookingReminders).toBe(0);
    const hourLater = new Date(start - 19 * 3_600_000);
    expect((await runInterviewJobs(hourLater)).bookingReminders).toBe(1);
    expect((await runInterviewJobs(hourLater)).bookingReminders).toBe(0);
    expect(await visitReminders(other)).toHaveLength(1);
    const mine = await visitReminders(booker);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.title.vi).toContain("Nhắc lịch: tham quan");
    expect(await visitReminders(canceller)).toEqual([]);
    expect(await visitReminders(host)).toEqual([]);
  });
});
