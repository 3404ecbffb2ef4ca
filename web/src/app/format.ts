import {
  formatDate,
  formatDateTime,
  formatLocalDateTime,
  formatNumber,
  formatPercent,
  localeOf,
} from "@ketnoi/core/format";
import { useI18n } from "./i18n/i18n";

// The web's one place for numbers, percentages, dates and times. The Intl rules live in @ketnoi/core/format so the
// API's notification texts read the same; here they are bound to the UI language the reader chose.
export { formatDate, formatDateTime, formatLocalDateTime, formatNumber, formatPercent, localeOf };

/** Formatters for the current UI language (they follow a language switch: call them inside JSX or effects). */
export interface Formatters {
  number(value: number, maxDecimals?: number): string;
  percent(share: number, maxDecimals?: number): string;
  date(isoDate: string): string;
  dateTime(isoTimestamp: string): string;
  localDateTime(date: string, time: string): string;
}

/** Formatters bound to a locale accessor, for code that has the i18n state but no component context. */
export function formattersFor(locale: () => string): Formatters {
  return {
    number: (value, maxDecimals) => formatNumber(value, locale(), maxDecimals),
    percent: (share, maxDecimals) => formatPercent(share, locale(), maxDecimals),
    date: (isoDate) => formatDate(isoDate, locale()),
    dateTime: (isoTimestamp) => formatDateTime(isoTimestamp, locale()),
    localDateTime: (date, time) => formatLocalDateTime(date, time, locale()),
  };
}

/**
 * The formatters for the current UI language.
 * @example const fmt = useFormat(); <td>{fmt.dateTime(entry.at)}</td>
 */
export function useFormat(): Formatters {
  return formattersFor(useI18n().locale);
}

/**
 * An address with the industrial park and commune it lies in, each named once: a typed address often already
 * ends in "phường Trấn Biên, tỉnh Đồng Nai", and the catalog name must not repeat it (compared NFC, ignoring case).
 * @example placeLine("Số 10 Huỳnh Văn Nghệ, phường Trấn Biên", [undefined, "Phường Trấn Biên"]) // address only
 */
export function placeLine(address: string | undefined, names: ReadonlyArray<string | undefined>): string {
  const key = (text: string) => text.normalize("NFC").toLocaleLowerCase("vi");
  const parts: string[] = address?.trim() ? [address.trim()] : [];
  for (const name of names) {
    if (name && !parts.some((part) => key(part).includes(key(name)))) parts.push(name);
  }
  return parts.join(", ");
}
