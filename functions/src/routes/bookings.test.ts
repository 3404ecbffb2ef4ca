import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call } from "../../test/helpers";
import { asOf, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { db } from "../db/service";

let host: string;
let otherHost: string;
let lecturer: string;
let lan: string;
let visitId: string;
const sessions = [
  { id: "s1", date: "2099-05-10", startTime: "09:00", place: "Phòng thí nghiệm vi mạch", seats: 5 },
  { id: "s2", date: "2099-05-17", startTime: "14:00", place: "Trung tâm đổi mới sáng tạo", seats: 40 },
  { id: "s-old", date: "2020-05-17", startTime: "14:00", place: "Phòng lab cũ", seats: 40 },
];

beforeAll(async () => {
  await Promise.all([
    verifiedOrganisation("lab-vnu", "institute"),
    verifiedOrganisation("uni-lhu", "university"),
    verifiedOrganisation("org-firm"),
  ]);
  [host, otherHost, lecturer, lan] = await Promise.all([
    memberOf("sta-lab", "lab-vnu", "staff"),
    memberOf("rec-firm", "org-firm"),
    memberOf("sta-lhu", "uni-lhu", "staff"),
    studentWithProfile("sv-lan-b", false),
  ]);
  // Published in 2020, when its old session was still ahead (dates in the past are refused now).
  visitId = await asOf("2020-01-01T00:00:00Z", () => listingOf(host, "lab-vnu", { type: "visit", sessions }));
});

const book = (token: string, sessionId: string, body: unknown = {}, listingId = visitId) =>
  call("POST", `/api/listings/${listingId}/sessions/${sessionId}/bookings`, { token, body });

async function seatsTaken(listingId: string, sessionId: string) {
  const { data: confirmed } = await db()
    .entities.booking.query.bySession({ listingId, sessionId })
    .where((a, op) => op.eq(a.status, "confirmed"))
    .go({ pages: "all", consistent: true });
  const { data: counter } = await db().entities.sessionSeats.get({ listingId, sessionId }).go({ consistent: true });
  return { sum: confirmed.reduce((n, b) => n + b.seats, 0), counter: counter?.booked ?? 0 };
}

describe("bookings", () => {
  let bookingId: string;

  it("books one seat for a student, once per session, and confirms it in-app", async () => {
    const res = await book(lan, "s2");
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ kind: "student", seats: 1, status: "confirmed", session: { date: "2099-05-17" } });
    bookingId = res.json.id;
    const again = await book(lan, "s2");
    expect([again.status, again.json.error.code]).toEqual([409, "already_booked"]);
    await effectsSettled();
    const notices = (await call("GET", "/api/notifications", { token: lan })).json.items;
    expect(notices[0].kind).toBe("booking_confirmed");
    // The session's day and time as each language writes them, never "2099-05-17 14:00".
    expect(notices[0].body.vi).toContain("14:00 17/05/2099, 1 chỗ");
    expect(notices[0].body.en).toContain("17/05/2099, 14:00, 1 seat(s)");
    expect(
      (await call("GET", "/api/bookings/mine", { token: lan })).json.items.map((b: { id: string }) => b.id),
    ).toEqual([bookingId]);
  });

  it("books seats for a whole class for university staff, but not for enterprises or students", async () => {
    const classBooking = { orgId: "uni-lhu", classLabel: "K22 Kỹ thuật phần mềm", seats: 30 };
    const res = await book(lecturer, "s2", { classBooking });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ kind: "class", seats: 30, classLabel: classBooking.classLabel });
    expect((await book(otherHost, "s2", { classBooking: { ...classBooking, orgId: "org-firm" } })).status).toBe(403);
    expect((await book(lan, "s2", { classBooking })).status).toBe(403);
    expect((await book(lecturer, "s2")).status).toBe(403);
    const tooMany = await book(lecturer, "s2", { classBooking: { ...classBooking, seats: 10 } });
    expect([tooMany.status, tooMany.json.error.code]).toEqual([409, "capacity_full"]);
    // The refusal says how many seats remain (40 − 31), and so does the listing for every session.
    expect([tooMany.json.error.message, tooMany.json.error.details]).toEqual([
      "Buổi tham quan chỉ còn 9 chỗ.",
      { seatsLeft: 9 },
    ]);
    expect((await call("GET", `/api/listings/${visitId}`)).json.seatsTaken).toMatchObject({ s2: 31 });
    expect(await seatsTaken(visitId, "s2")).toEqual({ sum: 31, counter: 31 });
  });

  it("shows the host its bookings (students pseudonymous without consent) and hides them from others", async () => {
    const res = await call("GET", `/api/listings/${visitId}/bookings`, { token: host });
    expect(res.status).toBe(200);
    expect(res.json.sessions.find((s: { id: string }) => s.id === "s2")).toEqual({ id: "s2", seats: 40, booked: 31 });
    const student = res.json.items.find((b: { kind: string }) => b.kind === "student");
    expect(student.bookedBy.student).toMatchObject({ identified: false, major: "se" });
    expect(JSON.stringify(student)).not.toContain("sv-lan-b");
    const klass = res.json.items.find((b: { kind: string }) => b.kind === "class");
    expect(klass.bookedBy).toMatchObject({
      kind: "class",
      orgName: "Tổ chức uni-lhu",
      contact: { email: "sta-lhu@example.vn" },
    });
    expect((await call("GET", `/api/listings/${visitId}/bookings`, { token: otherHost })).status).toBe(403);
    expect((await call("GET", `/api/listings/${visitId}/bookings`, { token: lan })).status).toBe(403);
  });

  it("cancels a booking once, releasing its seat, and only for its booker", async () => {
    expect((await call("DELETE", `/api/bookings/${bookingId}`, { token: otherHost })).status).toBe(404);
    const cancelled = await call("DELETE", `/api/bookings/${bookingId}`, { token: lan });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe("cancelled");
    const repeated = await call("DELETE", `/api/bookings/${bookingId}`, { token: lan });
    expect(repeated.json.status).toBe("cancelled");
    expect(await seatsTaken(visitId, "s2")).toEqual({ sum: 30, counter: 30 });
    expect((await book(lan, "s2")).status).toBe(201);
  });

  it("refuses past sessions, unknown sessions, non-visit listings and bad input", async () => {
    const past = await book(lan, "s-old");
    expect([past.status, past.json.error.code]).toEqual([409, "session_past"]);
    expect((await book(lan, "s9")).status).toBe(404);
    const internship = await listingOf(otherHost, "org-firm");
    const wrong = await book(lan, "s1", {}, internship);
    expect([wrong.status, wrong.json.error.code]).toEqual([409, "wrong_listing_type"]);
    const bad = await book(lecturer, "s1", { classBooking: { orgId: "uni-lhu", classLabel: "", seats: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["classBooking.classLabel", "classBooking.seats"]),
    );
  });

  it("never books more than a session's 5 seats when 20 students and a class book at once", async () => {
    const students = await Promise.all(Array.from({ length: 20 }, (_, i) => studentWithProfile(`sv-seat-${i}`)));
    const classBooking = { orgId: "uni-lhu", classLabel: "K23 Điện tử", seats: 3 };
    const results = await Promise.all([
      ...students.map((token) => book(token, "s1")),
      book(lecturer, "s1", { classBooking }),
    ]);
    const codes = results.map((r) => (r.status === 201 ? "ok" : r.json.error.code));
    expect(codes.filter((c) => c !== "ok" && c !== "capacity_full")).toEqual([]);
    expect(await seatsTaken(visitId, "s1")).toEqual({ sum: 5, counter: 5 });
  });
});
