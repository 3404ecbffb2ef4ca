import { randomUUID } from "node:crypto";
import { type AuditEntry, type Principal, yearMonthInVietnam } from "@ketnoi/core";
import { db } from "../db/service";
import { guard, paginate } from "./guard";

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
    db()
      .entities.audit.create({
        month: auditMonth(at),
        at: at.toISOString(),
        auditId: randomUUID(),
        actorId: principal.userId,
        role: principal.role,
        action: event.action,
        scope: event.scope,
        filters,
      })
      .go(),
  );
}

/** One month's audit entries, newest first, cursor-paginated. */
export async function listAudit(
  month: string,
  options: { limit: number; cursor?: string | undefined },
): Promise<{ items: AuditEntry[]; cursor: string | null }> {
  const { data, cursor } = await paginate(options.cursor, () =>
    db()
      .entities.audit.query.byMonth({ month })
      .go({ order: "desc", count: options.limit, cursor: options.cursor ?? null }),
  );
  return {
    items: data.map(({ auditId, at, actorId, role, action, scope, filters }) => ({
      id: auditId,
      at,
      actorId,
      role,
      action,
      scope,
      filters: filters as Record<string, string>,
    })),
    cursor,
  };
}
