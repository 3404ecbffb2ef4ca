import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatLocalDateTime, formatNumber, formatPercent, localeOf } from "./format";

const vi = localeOf("vi");
const en = localeOf("en");

describe("format", () => {
  it("writes decimals with a comma in Vietnamese and a point in English, thousands grouped", () => {
    expect(formatNumber(88.6, vi)).toBe("88,6");
    expect(formatNumber(88.6, en)).toBe("88.6");
    expect(formatNumber(88.66, vi)).toBe("88,7");
    expect(formatNumber(1240, vi)).toBe("1.240");
    expect(formatNumber(10050, vi)).toBe("10.050");
    expect(formatNumber(10050, en)).toBe("10,050");
  });

  it("writes percentages the locale's way", () => {
    // One rule for vi: CLDR's, the sign right after the number ("62%", not "62 %"), as the dashboard shows it.
    expect(formatPercent(0.6875, vi)).toBe("68,8%");
    expect(formatPercent(0.62, vi, 0)).toBe("62%");
    expect(formatPercent(0.69, en)).toBe("69%");
  });

  it("writes a calendar day as dd/mm/yyyy whatever the zone, and leaves malformed input as given", () => {
    expect(formatDate("2027-03-31", vi)).toBe("31/03/2027");
    expect(formatDate("2027-03-31", en)).toBe("31/03/2027");
    expect(formatDate("not a date", vi)).toBe("not a date");
  });

  it("writes a moment in Vietnam time, not the machine's", () => {
    // 18:30 UTC is 01:30 the next day in Vietnam.
    expect(formatDateTime("2026-03-31T18:30:00Z", vi)).toBe("01:30 01/04/2026");
    expect(formatDateTime("2026-03-31T18:30:00Z", en)).toBe("01/04/2026, 01:30");
  });

  it("writes a session's Vietnamese day and time without shifting it", () => {
    expect(formatLocalDateTime("2027-02-04", "14:00", vi)).toBe("14:00 04/02/2027");
    expect(formatLocalDateTime("2027-02-04", "14:00", en)).toBe("04/02/2027, 14:00");
  });
});
