import { randomUUID } from "node:crypto";
import { type AuditEntry, type Principal, yearMonthInVietnam } from "@ketnoi/core";
import type { AuditEntity } from "../db/entities/audit";
import type { UserEntity } from "../db/entities/user";
import { liteEntity } from "../db/lite";
import { queryPage } from "../db/lite-pages";
import { liteWrites, send } from "../db/lite-writes";
import { auditModel } from "../db/models/audit";
import { userModel } from "../db/models/user";
import { guard, paginate } from "./guard";
import { getOrganisations } from "./organisation-reads";

// Over the lite data path (db/lite.ts, issue 14): every audited route records through it, and the insights function
// runs without ElectroDB.
const auditWrites = liteWrites<AuditEntity>(auditModel);
const userReads = liteEntity<UserEntity>(userModel);

/** What an audited request did. */
export interface AuditEvent {
  action: AuditEntry["action"];
  /** `province`, `university:<id>` or `organisation:<id>` (or `targets` for target edits). */
  scope: string;
  /** The query as sent (year, field, university, table, format…), without empty values. */
  filters: Record<string, string | number | undefined>;
}

/** The month partition an instant belongs to, in Vietnam time (`2026-05`). */
export function auditMonth(at: Date): string {
  const { year, month } = yearMonthInVietnam(at.toISOString());
  return `${year}-${String(month).padStart(2, "0")}`;
}

/**
 * Writes one audit entry before the data is returned: if the log cannot be written, the request fails rather
 * than leave an access unrecorded.
 */
export async function recordAudit(principal: Principal, event: AuditEvent): Promise<void> {
  const at = new Date();
  const filters = Object.fromEntries(
    Object.entries(event.filters).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]])),
  );
  await guard(() =>
    send(
      auditWrites.create({
        month: auditMonth(at),
        at: at.toISOString(),
        auditId: randomUUID(),
        actorId: principal.userId,
        role: principal.role,
        action: event.action,
        scope: event.scope,
        filters,
      }),
    ),
  );
}

/** One month's audit entries, newest first, cursor-paginated. */
export async function listAudit(
  month: string,
  options: { limit: number; cursor?: string | undefined },
): Promise<{ items: AuditEntry[]; cursor: string | null; names: AuditNames }> {
  const { data, cursor } = await paginate(options.cursor, () =>
    queryPage<AuditEntity>(
      auditModel,
      "byMonth",
      { month },
      { order: "desc", count: options.limit, cursor: options.cursor ?? null },
    ),
  );
  const items = data.map(({ auditId, at, actorId, role, action, scope, filters }) => ({
    id: auditId,
    at,
    actorId,
    role,
    action,
    scope,
    filters: filters as Record<string, string>,
  }));
  return { items, cursor, names: await auditNames(items) };
}

export type AuditNames = Record<string, { vi: string; en?: string | undefined }>;

/** Filters whose value is an organisation's id. */
const organisationFilters = ["universityId", "orgId"];

/**
 * The names of the people and organisations a page of the log mentions: actors by display name, the scope's and
 * filters' organisations by name. Two batch reads for the page, whatever its size.
 */
async function auditNames(items: AuditEntry[]): Promise<AuditNames> {
  const userIds = [...new Set(items.map((e) => e.actorId))];
  const orgIds = items.flatMap((e) => [
    ...(e.scope.includes(":") ? [e.scope.slice(e.scope.indexOf(":") + 1)] : []),
    ...organisationFilters.flatMap((key) => (e.filters[key] ? [e.filters[key]] : [])),
  ]);
  const [users, orgs] = await Promise.all([
    userIds.length === 0 ? Promise.resolve([]) : guard(() => userReads.batchGet(userIds.map((userId) => ({ userId })))),
    getOrganisations(orgIds),
  ]);
  const names: AuditNames = {};
  for (const user of users) if (user.displayName) names[user.userId] = { vi: user.displayName };
  for (const [id, org] of orgs) names[id] = { vi: org.name.vi, en: org.name.en };
  return names;
}
