/**
 * Concurrency, repeated: each race below runs over several random trials (fast-check picks the sizes, seeded so a
 * failure replays) against the real DynamoDB Local, and the outcome is counted from the table, not from the
 * responses alone. The single-shot versions with fixed sizes live next to each route's tests.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../src/db/service";
import { call } from "../helpers";
import { advance, apply, listingOf, memberOf, move, studentWithProfile, verifiedOrganisation } from "../marketplace";

const trials = { numRuns: 6, seed: 20261127, endOnFailure: true } as const;
let recruiter: string;
let host: string;
let trial = 0;
/** A prefix that makes every trial's users and listings its own. */
const next = () => `t${++trial}`;

beforeAll(async () => {
  await Promise.all([verifiedOrganisation("org-trials"), verifiedOrganisation("lab-trials", "institute")]);
  [recruiter, host] = await Promise.all([
    memberOf("rec-trials", "org-trials"),
    memberOf("sta-trials", "lab-trials", "staff"),
  ]);
});

const codeOf = (res: Awaited<ReturnType<typeof call>>) => (res.status < 300 ? "ok" : res.json?.error?.code);

describe("races repeated over random trials", () => {
  it("one student's simultaneous duplicate applies always leave exactly one application", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 15 }), async (copies) => {
        const id = next();
        const listingId = await listingOf(recruiter, "org-trials");
        const student = await studentWithProfile(`sv-dup-${id}`);
        const results = await Promise.all(Array.from({ length: copies }, () => apply(student, listingId)));
        const codes = results.map(codeOf);
        expect(codes.filter((c) => c === "ok")).toHaveLength(1);
        expect(codes.filter((c) => c !== "ok")).toEqual(Array(copies - 1).fill("already_applied"));
        const { data } = await db()
          .entities.application.query.byListing({ listingId })
          .go({ pages: "all", consistent: true });
        expect(data).toHaveLength(1);
      }),
      trials,
    );
  }, 120_000);

  it("simultaneous offers and accepts never exceed a listing's positions", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 2, max: 8 }),
        async (positions, applicants) => {
          const id = next();
          const listingId = await listingOf(recruiter, "org-trials", { positions });
          const students = await Promise.all(
            Array.from({ length: applicants }, (_, i) => studentWithProfile(`sv-offer-${id}-${i}`)),
          );
          const ids = (await Promise.all(students.map((s) => apply(s, listingId)))).map((r) => r.json.id as string);
          await Promise.all(ids.map((appId) => advance(recruiter, appId, 1, ["shortlisted"])));
          const offers = await Promise.all(ids.map((appId) => move(recruiter, appId, { to: "offered", version: 2 })));
          const codes = offers.map(codeOf);
          expect(codes.filter((c) => c === "ok")).toHaveLength(Math.min(positions, applicants));
          expect(codes.filter((c) => c !== "ok" && c !== "capacity_full")).toEqual([]);
          // Every student accepts at once, offered or not: only the offered ones can.
          const accepts = await Promise.all(
            ids.map((appId, i) =>
              move(students[i]!, appId, { to: "accepted", version: offers[i]!.status === 200 ? 3 : 2 }),
            ),
          );
          expect(accepts.filter((r) => r.status === 200).length).toBeLessThanOrEqual(positions);
          const { data: listing } = await db().entities.listing.get({ listingId }).go({ consistent: true });
          const { data: stored } = await db()
            .entities.application.query.byListing({ listingId })
            .go({ pages: "all", consistent: true });
          const accepted = stored.filter((a) => a.status === "accepted").length;
          expect(accepted).toBe(Math.min(positions, applicants));
          expect(listing?.acceptedCount ?? 0).toBe(accepted);
          expect(listing?.reservedCount ?? 0).toBeLessThanOrEqual(positions);
        },
      ),
      trials,
    );
  }, 180_000);

  it("simultaneous bookings of a session never exceed its seats, and the counter equals the bookings", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 14 }), async (seats, bookers) => {
        const id = next();
        const sessions = [{ id: "s1", date: "2099-05-10", startTime: "09:00", place: "Phòng lab", seats }];
        const visitId = await listingOf(host, "lab-trials", { type: "visit", sessions });
        const students = await Promise.all(
          Array.from({ length: bookers }, (_, i) => studentWithProfile(`sv-seat-${id}-${i}`)),
        );
        const results = await Promise.all(
          students.map((token) => call("POST", `/api/listings/${visitId}/sessions/s1/bookings`, { token, body: {} })),
        );
        const codes = results.map(codeOf);
        expect(codes.filter((c) => c === "ok")).toHaveLength(Math.min(seats, bookers));
        expect(codes.filter((c) => c !== "ok" && c !== "capacity_full")).toEqual([]);
        const { data: confirmed } = await db()
          .entities.booking.query.bySession({ listingId: visitId, sessionId: "s1" })
          .where((a, op) => op.eq(a.status, "confirmed"))
          .go({ pages: "all", consistent: true });
        const { data: counter } = await db()
          .entities.sessionSeats.get({ listingId: visitId, sessionId: "s1" })
          .go({ consistent: true });
        const taken = confirmed.reduce((n, b) => n + b.seats, 0);
        expect(taken).toBe(Math.min(seats, bookers));
        expect(counter?.booked).toBe(taken);
      }),
      trials,
    );
  }, 180_000);

  it("of many simultaneous edits with the same version exactly one wins and the rest get 409", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 10 }), async (editors) => {
        const listingId = await listingOf(recruiter, "org-trials", { status: "draft" });
        const path = `/api/listings/${listingId}`;
        const results = await Promise.all(
          Array.from({ length: editors }, (_, i) =>
            call("PATCH", path, { token: recruiter, body: { positions: i + 1, version: 1 } }),
          ),
        );
        const codes = results.map(codeOf);
        expect(codes.filter((c) => c === "ok")).toHaveLength(1);
        expect(codes.filter((c) => c !== "ok")).toEqual(Array(editors - 1).fill("version_conflict"));
        const winner = results.find((r) => r.status === 200)!;
        const stored = await call("GET", path, { token: recruiter });
        expect([stored.json.version, stored.json.positions]).toEqual([2, winner.json.positions]);
      }),
      trials,
    );
  }, 120_000);
});
