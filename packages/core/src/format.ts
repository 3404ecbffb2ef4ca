/**
 * How numbers, dates and times are written, once for the web and the API's notification texts: Intl with vi-VN
 * (88,6 · 1.250 · 31/03/2027 · 14:00) or en-GB (the same day-month order Vietnamese readers expect), and every
 * moment shown in Vietnam time whatever the zone of the phone or the server. No ISO strings, no decimal points in
 * the Vietnamese UI.
 */

import { vietnamUtcOffset } from "./time";

export type FormatLang = "vi" | "en";

/** Vietnam has one zone, UTC+7, without daylight saving time (see time.ts). */
export const vietnamTimeZone = "Asia/Ho_Chi_Minh";

/** The BCP 47 locale for a UI language. */
export function localeOf(lang: FormatLang): string {
  return lang === "vi" ? "vi-VN" : "en-GB";
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/**
 * A number as the locale writes it, at most `maxDecimals` decimals: 88,6 and 1.240 in vi, 88.6 and 1,240 in en.
 * A calendar year is not a quantity: pass it as a string, or it reads "2.027".
 * @example formatNumber(88.6, "vi-VN") // "88,6"
 */
export function formatNumber(value: number, locale: string, maxDecimals = 1): string {
  if (!Number.isFinite(value)) return String(value);
  const format = cached(
    `n|${locale}|${maxDecimals}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals }),
  );
  return format.format(value);
}

/**
 * A share (0.69 = 69%) as a percentage, as the locale's CLDR data writes it: vi and en both put the sign right after
 * the number (vi with a decimal comma). Every percentage the UI shows goes through here, so none is glued by hand.
 * @example formatPercent(0.6875, "vi-VN") // "68,8%" ; formatPercent(0.69, "en-GB") // "69%"
 */
export function formatPercent(share: number, locale: string, maxDecimals = 1): string {
  if (!Number.isFinite(share)) return String(share);
  const format = cached(
    `p|${locale}|${maxDecimals}`,
    () => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: maxDecimals }),
  );
  return format.format(share);
}

/**
 * A calendar day (`YYYY-MM-DD`, or a timestamp's date part as typed) as the locale writes it: 31/03/2027.
 * Read and written in UTC, so no time zone can move it to the day before. Malformed input is shown as given.
 */
export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}/.test(isoDate) || Number.isNaN(date.getTime())) return isoDate;
  const format = cached(
    `d|${locale}`,
    () => new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }),
  );
  return format.format(date);
}

/** A moment (an ISO timestamp) in Vietnam time: "14:05 05/01/2026" in vi-VN, "05/01/2026, 14:05" in en-GB. */
export function formatDateTime(isoTimestamp: string, locale: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  const format = cached(
    `dt|${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        hour: "2-digit",
        minute: "2-digit",
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        hourCycle: "h23",
        timeZone: vietnamTimeZone,
      }),
  );
  return format.format(date);
}

/**
 * A Vietnamese local day and time as typed for a visit session (`2027-02-04`, `14:00`): "14:00 04/02/2027" in vi,
 * "04/02/2027, 14:00" in en. It is already Vietnam time, so it is formatted as that instant in Vietnam's zone.
 */
export function formatLocalDateTime(date: string, time: string, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return `${date} ${time}`.trim();
  return formatDateTime(`${date}T${time}:00${vietnamUtcOffset}`, locale);
}
