import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ApplicationStatus,
  applicationStatuses,
  canReplaceApplication,
  checkMove,
  holdsPosition,
  listingIntake,
  type PipelineActor,
  pipelineMover,
  positionDelta,
  sessionBookable,
} from "./pipeline";
import { todayInVietnam } from "./time";

type Row = [ApplicationStatus, ApplicationStatus, PipelineActor | undefined];
// Every move anyone may make; any pair not listed here is illegal for everyone.
const legalMoves: Row[] = [
  ["submitted", "reviewing", "organisation"],
  ["submitted", "shortlisted", "organisation"],
  ["submitted", "interview", "organisation"],
  ["submitted", "offered", "organisation"],
  ["submitted", "rejected", "organisation"],
  ["submitted", "withdrawn", "student"],
  ["reviewing", "shortlisted", "organisation"],
  ["reviewing", "interview", "organisation"],
  ["reviewing", "offered", "organisation"],
  ["reviewing", "rejected", "organisation"],
  ["reviewing", "withdrawn", "student"],
  ["shortlisted", "interview", "organisation"],
  ["shortlisted", "offered", "organisation"],
  ["shortlisted", "rejected", "organisation"],
  ["shortlisted", "withdrawn", "student"],
  ["interview", "offered", "organisation"],
  ["interview", "rejected", "organisation"],
  ["interview", "withdrawn", "student"],
  ["offered", "accepted", "student"],
  ["offered", "declined", "student"],
  ["offered", "withdrawn", "student"],
  ["offered", "rejected", "organisation"],
];

const allPairs = applicationStatuses.flatMap((from) => applicationStatuses.map((to) => [from, to] as const));

describe("pipelineMover", () => {
  it.each(allPairs)("%s → %s", (from, to) => {
    const row = legalMoves.find(([f, t]) => f === from && t === to);
    expect(pipelineMover(from, to)).toBe(row?.[2]);
  });

  it("never moves out of a final status", () => {
    for (const from of ["accepted", "declined", "rejected", "withdrawn"] as const) {
      for (const to of applicationStatuses) expect(pipelineMover(from, to)).toBeUndefined();
    }
  });
});

describe("checkMove", () => {
  it("tells a legal move by the wrong party from an illegal one", () => {
    expect(checkMove("offered", "accepted", "student")).toEqual({ allowed: true });
    expect(checkMove("offered", "accepted", "organisation")).toEqual({ allowed: false, reason: "not_your_move" });
    expect(checkMove("reviewing", "shortlisted", "student")).toEqual({ allowed: false, reason: "not_your_move" });
    expect(checkMove("shortlisted", "reviewing", "organisation")).toEqual({
      allowed: false,
      reason: "invalid_transition",
    });
    expect(checkMove("submitted", "accepted", "student")).toEqual({ allowed: false, reason: "invalid_transition" });
  });
});

describe("positions", () => {
  it("reserves a position on offer, keeps it on accept and releases it on decline, withdraw or reject", () => {
    expect(positionDelta("interview", "offered")).toEqual({ reserved: 1, accepted: 0 });
    expect(positionDelta("offered", "accepted")).toEqual({ reserved: 0, accepted: 1 });
    expect(positionDelta("offered", "declined")).toEqual({ reserved: -1, accepted: 0 });
    expect(positionDelta("offered", "withdrawn")).toEqual({ reserved: -1, accepted: 0 });
    expect(positionDelta("offered", "rejected")).toEqual({ reserved: -1, accepted: 0 });
    expect(positionDelta("reviewing", "rejected")).toEqual({ reserved: 0, accepted: 0 });
  });

  it("keeps the reserved counter equal to the applications holding a position, over any sequence of legal moves", () => {
    const move = fc.record({ applicant: fc.nat(4), to: fc.constantFrom(...applicationStatuses) });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 60 }), (moves) => {
        const statuses: ApplicationStatus[] = Array(5).fill("submitted");
        let reserved = 0;
        let accepted = 0;
        for (const { applicant, to } of moves) {
          const from = statuses[applicant]!;
          if (!pipelineMover(from, to)) continue;
          const delta = positionDelta(from, to);
          reserved += delta.reserved;
          accepted += delta.accepted;
          statuses[applicant] = to;
        }
        expect(reserved).toBe(statuses.filter(holdsPosition).length);
        expect(accepted).toBe(statuses.filter((s) => s === "accepted").length);
      }),
    );
  });

  it("lets only a withdrawn application be replaced", () => {
    expect(applicationStatuses.filter(canReplaceApplication)).toEqual(["withdrawn"]);
  });
});

describe("intake dates, in Vietnam's calendar", () => {
  it("turns the day at 17:00 UTC", () => {
    expect(todayInVietnam(new Date("2026-03-31T16:59:59Z"))).toBe("2026-03-31");
    expect(todayInVietnam(new Date("2026-03-31T17:00:00Z"))).toBe("2026-04-01");
  });

  it("accepts applications through the whole deadline day, and only on published listings", () => {
    const listing = { status: "published" as const, deadline: "2026-03-31" };
    expect(listingIntake(listing, new Date("2026-03-31T16:59:00Z"))).toBe("open");
    expect(listingIntake(listing, new Date("2026-03-31T17:01:00Z"))).toBe("deadline_passed");
    for (const status of ["draft", "closed", "archived"] as const) {
      expect(listingIntake({ ...listing, status }, new Date("2026-01-01T00:00:00Z"))).toBe("listing_closed");
    }
  });

  it("books a session until its day is over", () => {
    expect(sessionBookable("2026-05-10", new Date("2026-05-10T10:00:00Z"))).toBe(true);
    expect(sessionBookable("2026-05-10", new Date("2026-05-10T17:30:00Z"))).toBe(false);
  });
});
