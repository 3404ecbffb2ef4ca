import { wallClockInVietnam } from "../time";
import type { FieldOrOther } from "./fields";
import type { Metric } from "./metrics";

/** Stands for "no value" in a dimension (a listing outside any industrial park, a skill-less counter…). */
export const noValue = "-";

/** The bucket of current-state counters (skills demand and supply), which belong to no year. */
export const currentBucket = "now";

/**
 * One counter cell of the aggregate cube: a metric in a bucket (a year, or `now`) broken down by month, field,
 * university, industrial park, commune, organisation and skill. Dimensions that do not apply hold `-`.
 */
export interface Cell {
  bucket: string;
  metric: Metric;
  /** 1–12 in Vietnam time; 0 for current-state counters. */
  month: number;
  field: FieldOrOther;
  universityId: string;
  parkId: string;
  communeId: string;
  orgId: string;
  skillId: string;
}

const order = [
  "bucket",
  "metric",
  "month",
  "field",
  "universityId",
  "parkId",
  "communeId",
  "orgId",
  "skillId",
] as const;

/**
 * The cell's stable key, `|`-separated in a fixed dimension order (ids never contain `|`).
 * @example cellKey({ bucket: "2026", metric: "internships", month: 3, field: "software", universityId: "lhu", parkId: "-", communeId: "p-tran-bien", orgId: "o1", skillId: "-" })
 * // "2026|internships|03|software|lhu|-|p-tran-bien|o1|-"
 */
export function cellKey(cell: Cell): string {
  return order.map((dim) => (dim === "month" ? String(cell.month).padStart(2, "0") : cell[dim])).join("|");
}

/** The inverse of `cellKey`. */
export function parseCellKey(key: string): Cell {
  const [bucket, metric, month, field, universityId, parkId, communeId, orgId, skillId] = key.split("|");
  return {
    bucket: bucket!,
    metric: metric as Metric,
    month: Number(month),
    field: field as FieldOrOther,
    universityId: universityId!,
    parkId: parkId!,
    communeId: communeId!,
    orgId: orgId!,
    skillId: skillId!,
  };
}

/**
 * The year and month an instant or a local date falls in, in Vietnam time: an acceptance at 23:30 on 31 March
 * UTC is April in Đồng Nai. Plain dates (`YYYY-MM-DD`, e.g. a visit session) are already local.
 * @example yearMonthInVietnam("2026-03-31T18:00:00.000Z") // { year: 2026, month: 4 }
 */
export function yearMonthInVietnam(value: string): { year: number; month: number } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) };
  const local = wallClockInVietnam(Date.parse(value));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}
