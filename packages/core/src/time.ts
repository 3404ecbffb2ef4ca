/**
 * Vietnam time, once for the whole project. Vietnam has one time zone, UTC+7, without daylight saving time, and
 * every date people type (deadlines, visit days) is a Vietnamese calendar day — so "today", "past" and "ahead"
 * are decided here, whatever the clock zone of the server or the phone.
 */

/** Vietnam's offset from UTC, in milliseconds and as ISO 8601 writes it. */
export const vietnamOffsetMs = 7 * 60 * 60 * 1000;
export const vietnamUtcOffset = "+07:00";
const dayMs = 86_400_000;

/**
 * A Date whose UTC fields read Vietnam's wall clock at `instant` (for year, month, day and hour arithmetic only:
 * it is not the same instant).
 * @example wallClockInVietnam(Date.parse("2026-03-31T18:00:00Z")).getUTCDate() // 1
 */
export function wallClockInVietnam(instant: number | Date): Date {
  return new Date(Number(instant) + vietnamOffsetMs);
}

/**
 * Today's date in Vietnam, as `YYYY-MM-DD`.
 * @example todayInVietnam(new Date("2026-03-31T18:00:00Z")) // "2026-04-01"
 */
export function todayInVietnam(now: Date): string {
  return wallClockInVietnam(now).toISOString().slice(0, 10);
}

/**
 * Today's day number in Vietnam (days since 1970-01-01 there), where deadlines are read.
 * @example vietnamDay(new Date("1970-01-01T17:00:00Z")) // 1
 */
export function vietnamDay(now: Date): number {
  return Math.floor(wallClockInVietnam(now).getTime() / dayMs);
}

/**
 * Milliseconds from `now` to the next `hour`:00 in Vietnam time (a daily job's first run).
 * @example untilNextVietnamHour(new Date("2026-01-01T23:00:00Z"), 7) // one hour: 07:00 in Vietnam is 00:00 UTC
 */
export function untilNextVietnamHour(now: Date, hour: number): number {
  const local = wallClockInVietnam(now);
  const next = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour) - vietnamOffsetMs;
  return next > now.getTime() ? next - now.getTime() : next + dayMs - now.getTime();
}

/**
 * The instant a Vietnamese local date and time (`YYYY-MM-DD`, `HH:MM`) stands for; NaN when either is malformed.
 * @example vietnamInstant("2027-03-25", "09:00") // Date.parse("2027-03-25T02:00:00Z")
 */
export function vietnamInstant(date: string, time = "00:00"): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return Number.NaN;
  return Date.parse(`${date}T${time}:00${vietnamUtcOffset}`);
}

/** Whether a deadline day (inclusive, in Vietnam) is over; a missing or malformed date is the schema's concern. */
export function deadlinePassed(deadline: string, now: Date): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(deadline) && todayInVietnam(now) > deadline.slice(0, 10);
}

/** Whether a visit session (its day and start time, in Vietnam) has started. */
export function sessionStarted(session: { date: string; startTime: string }, now: Date): boolean {
  return vietnamInstant(session.date, session.startTime) <= now.getTime();
}

/** One broken time rule: the field it concerns (a path as the API's validation errors use) and why. */
export interface TimeProblem {
  path: string;
  message: string;
}

/**
 * The time rules a listing must meet to be published (now, or kept published after an edit): its deadline is not
 * before today and every visit session starts in the future. Students can neither find nor book anything else.
 * @example publishTimeProblems({ deadline: "2024-01-15" }, new Date("2026-12-06T00:00:00Z"))
 *   // [{ path: "deadline", message: "Hạn nộp đã qua: hãy chọn từ hôm nay trở đi." }]
 */
export function publishTimeProblems(
  listing: { deadline: string; sessions?: ReadonlyArray<{ date: string; startTime: string }> | undefined },
  now: Date,
): TimeProblem[] {
  const problems: TimeProblem[] = [];
  if (deadlinePassed(listing.deadline, now))
    problems.push({ path: "deadline", message: "Hạn nộp đã qua: hãy chọn từ hôm nay trở đi." });
  (listing.sessions ?? []).forEach((session, index) => {
    if (sessionStarted(session, now))
      problems.push({
        path: `sessions.${index}.date`,
        message: "Buổi này đã bắt đầu hoặc đã qua: hãy chọn thời gian sắp tới.",
      });
  });
  return problems;
}

type Dated = {
  deadline: string;
  sessions?: ReadonlyArray<{ id: string; date: string; startTime: string }> | undefined;
};

/**
 * The time rules a save must meet, as the API and the web form both apply them. A new listing and a listing being
 * published are checked whole; an edit of a stored listing only on the dates it changes, so an old listing whose
 * deadline passed can still be corrected or closed.
 * @example listingTimeProblems(next, now, { stored, publishing: false })
 */
export function listingTimeProblems(
  next: Dated,
  now: Date,
  edit?: { stored: Dated; publishing: boolean },
): TimeProblem[] {
  const problems = publishTimeProblems(next, now);
  if (!edit || edit.publishing) return problems;
  const before = new Map((edit.stored.sessions ?? []).map((s) => [s.id, s]));
  return problems.filter((problem) => {
    if (problem.path === "deadline") return next.deadline !== edit.stored.deadline;
    const session = next.sessions?.[Number(problem.path.split(".")[1])];
    const old = session && before.get(session.id);
    return !old || old.date !== session.date || old.startTime !== session.startTime;
  });
}

/** A round's ranking deadline must still be ahead when the round is opened. */
export function roundDeadlineProblems(round: { preferencesDeadline: string }, now: Date): TimeProblem[] {
  return Date.parse(round.preferencesDeadline) > now.getTime()
    ? []
    : [{ path: "preferencesDeadline", message: "Hạn xếp nguyện vọng phải ở sau thời điểm hiện tại." }];
}

/**
 * Whether running a round now would cut its ranking short: before the deadline it waits, unless its owner
 * confirms an early run (students still ranking lose their chance).
 */
export function runTooEarly(round: { preferencesDeadline: string }, now: Date, confirmEarly: boolean): boolean {
  return !confirmEarly && Date.parse(round.preferencesDeadline) > now.getTime();
}
