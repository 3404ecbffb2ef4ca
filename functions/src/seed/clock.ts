/** All demo times count from this instant, never from the clock, so that every run writes the same bytes. */
const base = Date.UTC(2026, 8, 1);

export const hour = 3_600_000;
export const day = 24 * hour;

/**
 * The ISO timestamp `ms` after the demo base date (2026-09-01T00:00:00Z); negative for earlier.
 * @example demoTime(-day) // "2026-08-31T00:00:00.000Z"
 */
export function demoTime(ms: number): string {
  return new Date(base + ms).toISOString();
}

/**
 * The ISO date (YYYY-MM-DD) `days` after the given one.
 * @example addDays("2027-01-30", 3) // "2027-02-02"
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * day).toISOString().slice(0, 10);
}
