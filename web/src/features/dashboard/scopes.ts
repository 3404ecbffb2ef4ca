import type { DashboardScopeKind, Me } from "@ketnoi/core";
import { fetchOrganisation } from "../org/api";

/** One dashboard a user may open: the province, a school's students, or an organisation's listings. */
export interface ScopeOption {
  kind: DashboardScopeKind;
  id: string | null;
  name: { vi: string; en?: string | undefined } | null;
}

/**
 * The dashboards a user may open, first one the default: the province for officers and admins; for staff and
 * recruiters, each of their organisations' listings, and the students of each school (university or institute)
 * whose staff they are.
 */
export async function scopesFor(me: Me): Promise<ScopeOption[]> {
  if (me.role === "province" || me.role === "admin") return [{ kind: "province", id: null, name: null }];
  const orgs = await Promise.all(me.memberships.map((m) => fetchOrganisation(m.orgId)));
  return orgs.flatMap((org): ScopeOption[] => [
    ...(me.role === "staff" && (org.kind === "university" || org.kind === "institute")
      ? [{ kind: "university" as const, id: org.id, name: org.name }]
      : []),
    { kind: "organisation", id: org.id, name: org.name },
  ]);
}

/** A scope as one select value (`province`, `university:lhu`, `organisation:org-x`). */
export const scopeValue = (s: Pick<ScopeOption, "kind" | "id">) => (s.id ? `${s.kind}:${s.id}` : s.kind);
