import { todayInVietnam } from "@ketnoi/core";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { call } from "../../test/helpers";
import { advance, apply, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { getListing } from "../data/listings";
import { sendInterviewReminders } from "./jobs";

// Every caller of getListing in this file's module graph goes through the spy; the job's own reads are counted by
// resetting it just before the run.
vi.mock("../data/listings", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../data/listings")>();
  return { ...actual, getListing: vi.fn(actual.getListing) };
});

let listingId: string;
let startsAt: string;
const students = ["sv-reads-1", "sv-reads-2", "sv-reads-3"];

beforeAll(async () => {
  await verifiedOrganisation("org-reads");
  const recruiter = await memberOf("rec-reads", "org-reads");
  listingId = await listingOf(recruiter, "org-reads", { positions: 3 });
  const date = todayInVietnam(new Date(Date.now() + 3 * 86_400_000));
  // Three interviews on one listing, an hour apart (the organisation cannot interview two at once); `startsAt` ends
  // as the last, so a run 23 h before it finds all three within its next 24 h.
  for (const [i, studentId] of students.entries()) {
    const student = await studentWithProfile(studentId);
    const applied = await apply(student, listingId, {});
    await advance(recruiter, applied.json.id, 1, ["interview"]);
    const url = `/api/applications/${applied.json.id}/interview`;
    const proposed = await call("POST", url, {
      token: recruiter,
      body: {
        slots: [{ date, startTime: `1${3 + i}:00`, durationMinutes: 30 }],
        mode: "online",
        link: "https://meet.vn/r",
      },
    });
    expect(proposed.status).toBe(201);
    const picked = await call("POST", `${url}/pick`, {
      token: student,
      body: { slotId: proposed.json.slots[0].id, version: 1 },
    });
    expect(picked.status).toBe(200);
    startsAt = picked.json.slots[0].startsAt;
  }
});

describe("the interview reminder job", () => {
  it("reads a listing once per run however many of its interviews are due", async () => {
    vi.mocked(getListing).mockClear();
    // Both sides of three interviews are reminded: the listing's title is in every notice.
    expect(await sendInterviewReminders(new Date(Date.parse(startsAt) - 23 * 3_600_000))).toBe(6);
    const reads = vi.mocked(getListing).mock.calls.filter(([id]) => id === listingId);
    expect(reads).toHaveLength(1);
  });
});
