import { describe, expect, it } from "vitest";
import { dayNumber } from "./matching";
import { normaliseInput } from "./text";
import {
  publishTimeProblems,
  roundDeadlineProblems,
  runTooEarly,
  sessionStarted,
  todayInVietnam,
  untilNextVietnamHour,
  vietnamDay,
  vietnamInstant,
} from "./time";

const at = (iso: string) => new Date(iso);

describe("Vietnam time rules", () => {
  it("turns the day at 17:00 UTC", () => {
    expect(todayInVietnam(at("2026-03-31T16:59:59Z"))).toBe("2026-03-31");
    expect(todayInVietnam(at("2026-03-31T17:00:00Z"))).toBe("2026-04-01");
    // The ranking's day number (matching) turns at the same instant as the calendar day.
    expect(vietnamDay(at("2026-03-31T16:59:59Z"))).toBe(dayNumber("2026-03-31"));
    expect(vietnamDay(at("2026-03-31T17:00:00Z"))).toBe(dayNumber("2026-04-01"));
    expect(vietnamInstant("2026-04-01", "00:00")).toBe(Date.parse("2026-03-31T17:00:00Z"));
  });

  it("times a daily job to the next hour in Vietnam, tomorrow once today's has passed", () => {
    expect(untilNextVietnamHour(at("2026-01-01T23:00:00Z"), 7)).toBe(3_600_000); // 06:00 → 07:00 on 2 January
    expect(untilNextVietnamHour(at("2026-01-02T00:30:00Z"), 7)).toBe(23.5 * 3_600_000); // 07:30 → 07:00 tomorrow
  });

  it("keeps a deadline open through its own day and names each past session", () => {
    const now = at("2026-12-06T03:00:00Z"); // 10:00 in Vietnam
    expect(publishTimeProblems({ deadline: "2026-12-06" }, now)).toEqual([]);
    const problems = publishTimeProblems(
      {
        deadline: "2026-12-05",
        sessions: [
          { date: "2026-12-06", startTime: "09:59" },
          { date: "2026-12-06", startTime: "10:01" },
        ],
      },
      now,
    );
    expect(problems.map((p) => p.path)).toEqual(["deadline", "sessions.0.date"]);
    expect(sessionStarted({ date: "2026-12-06", startTime: "10:00" }, now)).toBe(true);
  });

  it("wants a round's deadline ahead and waits for it unless an early run is confirmed", () => {
    const now = at("2026-12-06T00:00:00Z");
    expect(roundDeadlineProblems({ preferencesDeadline: "2026-12-05T23:59:00Z" }, now)).toHaveLength(1);
    expect(roundDeadlineProblems({ preferencesDeadline: "2026-12-07T00:00:00Z" }, now)).toEqual([]);
    expect(runTooEarly({ preferencesDeadline: "2026-12-07T00:00:00Z" }, now, false)).toBe(true);
    expect(runTooEarly({ preferencesDeadline: "2026-12-07T00:00:00Z" }, now, true)).toBe(false);
    expect(runTooEarly({ preferencesDeadline: "2026-12-05T00:00:00Z" }, now, false)).toBe(false);
  });
});

describe("normaliseInput", () => {
  it("composes every string to NFC and trims names and labels, also localized ones", () => {
    const nfd = (s: string) => s.normalize("NFD");
    expect(
      normaliseInput({
        fullName: ` ${nfd("Nguyễn")} `,
        title: { vi: ` ${nfd("Thực tập")} `, en: " Intern " },
        description: { vi: nfd(" Mô tả ") },
        tags: [nfd("ờ")],
        count: 3,
      }),
    ).toEqual({
      fullName: "Nguyễn",
      title: { vi: "Thực tập", en: "Intern" },
      description: { vi: " Mô tả " },
      tags: ["ờ"],
      count: 3,
    });
  });
});
