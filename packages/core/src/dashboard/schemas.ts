import * as v from "valibot";
import { BoundedNumberSchema, IdSchema, IsoTimestampSchema, VersionSchema } from "../schemas/common";
import { workforceFieldIds } from "./fields";
import { targetMetrics } from "./metrics";

const BilingualSchema = v.object({ vi: v.string(), en: v.string() });

/** Years the dashboard and targets accept. */
export const YearSchema = v.pipe(v.number(), v.integer(), v.minValue(2020), v.maxValue(2100));
const YearQuerySchema = v.pipe(v.string(), v.regex(/^\d{4}$/, "Năm gồm 4 chữ số"), v.transform(Number), YearSchema);

const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));

/** Target counts per metric (chỉ tiêu): people placed in internships, visit participants, job hires, trainees. */
export const TargetCountsSchema = v.strictObject(
  Object.fromEntries(targetMetrics.map((m) => [m, CountSchema])) as Record<
    (typeof targetMetrics)[number],
    typeof CountSchema
  >,
);
export type TargetCounts = v.InferOutput<typeof TargetCountsSchema>;

/**
 * Body of PUT /api/targets: one target for a year and field, province-wide or for one university. Without
 * `version` it creates the target (409 `already_exists` if one exists); with it, it edits that version
 * (409 `version_conflict` if someone saved meanwhile).
 */
export const TargetInputSchema = v.strictObject({
  year: YearSchema,
  field: v.picklist(workforceFieldIds),
  universityId: v.optional(IdSchema),
  counts: TargetCountsSchema,
  version: v.optional(VersionSchema),
});
export type TargetInput = v.InferOutput<typeof TargetInputSchema>;

/** A target as stored: its current counts, version and last change. */
export const TargetSchema = v.object({
  year: YearSchema,
  field: v.picklist(workforceFieldIds),
  universityId: v.nullable(IdSchema),
  counts: TargetCountsSchema,
  version: VersionSchema,
  changedBy: v.string(),
  changedAt: IsoTimestampSchema,
});
export type Target = v.InferOutput<typeof TargetSchema>;

/** One saved version of a target: who set which counts, when. */
export const TargetVersionSchema = v.object({
  version: VersionSchema,
  counts: TargetCountsSchema,
  changedBy: v.string(),
  changedAt: IsoTimestampSchema,
});
export type TargetVersion = v.InferOutput<typeof TargetVersionSchema>;

/** Query of GET /api/targets. */
export const TargetListQuerySchema = v.strictObject({ year: YearQuerySchema });
/** GET /api/targets. */
export const TargetListSchema = v.object({ year: YearSchema, items: v.array(TargetSchema) });

/** Query of GET /api/targets/history: one target's versions, newest first. */
export const TargetHistoryQuerySchema = v.strictObject({
  year: YearQuerySchema,
  field: v.picklist(workforceFieldIds),
  universityId: v.optional(IdSchema),
});
/** GET /api/targets/history. */
export const TargetHistorySchema = v.object({ items: v.array(TargetVersionSchema) });

/** Whose numbers a dashboard shows: the whole province, one university's students, or one organisation's listings. */
export const dashboardScopes = ["province", "university", "organisation"] as const;
export type DashboardScopeKind = (typeof dashboardScopes)[number];

/**
 * Query of GET /api/dashboard. `university` scope needs `universityId`, `organisation` scope needs `orgId`;
 * in the province scope `universityId` is a filter.
 */
export const DashboardQuerySchema = v.pipe(
  v.strictObject({
    year: v.optional(YearQuerySchema),
    field: v.optional(v.picklist([...workforceFieldIds, "other"])),
    universityId: v.optional(IdSchema),
    scope: v.optional(v.picklist(dashboardScopes), "province"),
    orgId: v.optional(IdSchema),
  }),
  v.check((q) => q.scope !== "university" || !!q.universityId, "Phạm vi trường cần universityId"),
  v.check((q) => q.scope !== "organisation" || !!q.orgId, "Phạm vi tổ chức cần orgId"),
);
export type DashboardQuery = v.InferOutput<typeof DashboardQuerySchema>;

/** The dashboard's tables; each can be exported. */
export const dashboardTableIds = [
  "byField",
  "byUniversity",
  "byPark",
  "byCommune",
  "byMonth",
  "funnel",
  "funnelByMonth",
  "skills",
] as const;
export type DashboardTableId = (typeof dashboardTableIds)[number];

/** Query of GET /api/dashboard/export: one table (or, for XLSX, `all` as one sheet each) in a format. */
export const DashboardExportQuerySchema = v.pipe(
  v.strictObject({
    ...DashboardQuerySchema.entries,
    table: v.picklist([...dashboardTableIds, "all"]),
    format: v.picklist(["csv", "xlsx"]),
  }),
  v.check((q) => q.scope !== "university" || !!q.universityId, "Phạm vi trường cần universityId"),
  v.check((q) => q.scope !== "organisation" || !!q.orgId, "Phạm vi tổ chức cần orgId"),
  v.check((q) => q.format === "xlsx" || q.table !== "all", "CSV xuất từng bảng một"),
);
export type DashboardExportQuery = v.InferOutput<typeof DashboardExportQuerySchema>;

/**
 * A shown cell: a number (people counts perturbed by the cell-key method, listing counts and targets exact, a
 * percentage of the shown count) or empty.
 */
export const TableCellSchema = v.nullable(BoundedNumberSchema(-1_000_000_000, 1_000_000_000));
export type TableCell = v.InferOutput<typeof TableCellSchema>;

/** What a column holds: people counts (perturbed), listing counts, targets, percentages of target, or the gap. */
export const columnKinds = ["people", "listings", "target", "percent", "gap"] as const;

/** One dashboard table, already perturbed: what every viewer and every export sees. */
export const DashboardTableSchema = v.object({
  id: v.picklist(dashboardTableIds),
  title: BilingualSchema,
  rowHeader: BilingualSchema,
  columns: v.array(v.object({ key: v.string(), label: BilingualSchema, kind: v.picklist(columnKinds) })),
  rows: v.array(v.object({ key: v.string(), label: BilingualSchema, cells: v.array(TableCellSchema) })),
  total: v.nullable(v.object({ label: BilingualSchema, cells: v.array(TableCellSchema) })),
});
export type DashboardTable = v.InferOutput<typeof DashboardTableSchema>;

/** GET /api/dashboard. */
export const DashboardSchema = v.object({
  year: YearSchema,
  scope: v.object({ kind: v.picklist(dashboardScopes), id: v.nullable(v.string()), name: v.nullable(BilingualSchema) }),
  filters: v.object({ field: v.nullable(v.string()), universityId: v.nullable(v.string()) }),
  generatedAt: IsoTimestampSchema,
  tables: v.array(DashboardTableSchema),
});
export type Dashboard = v.InferOutput<typeof DashboardSchema>;

/** What an audit entry records. */
export const auditActions = ["dashboard.view", "dashboard.export", "target.save"] as const;

/** One audit log entry: who did what, when, with which filters. */
export const AuditEntrySchema = v.object({
  id: v.string(),
  at: IsoTimestampSchema,
  actorId: v.string(),
  role: v.string(),
  action: v.picklist(auditActions),
  scope: v.string(),
  filters: v.record(v.string(), v.string()),
});
export type AuditEntry = v.InferOutput<typeof AuditEntrySchema>;

/** Query of GET /api/audit: one month (Vietnam time, default the current one), newest first. */
export const AuditQuerySchema = v.strictObject({
  month: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Tháng dạng YYYY-MM"))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(200)),
    "50",
  ),
});
/**
 * GET /api/audit. `names` are the people and organisations this page mentions (actors, scopes, filter values), by
 * id, so the log reads in words for the admins who may see it; an id with no stored record has no name.
 */
export const AuditListSchema = v.object({
  items: v.array(AuditEntrySchema),
  cursor: v.nullable(v.string()),
  names: v.record(v.string(), v.object({ vi: v.string(), en: v.optional(v.string()) })),
});
export type AuditList = v.InferOutput<typeof AuditListSchema>;
