import type {
  AuditEntry,
  AuditList,
  Dashboard,
  DashboardExportQuery,
  DashboardScopeKind,
  Target,
  TargetInput,
  TargetVersion,
} from "@ketnoi/core";
import { api, request, toApiError } from "../../app/api/client";

/** What the dashboard page asks for (query-string values). */
export interface DashboardRequest {
  year: string;
  scope: DashboardScopeKind;
  field?: string | undefined;
  universityId?: string | undefined;
  orgId?: string | undefined;
}

const clean = <T extends Record<string, string | undefined>>(query: T) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v)) as T;

/** The dashboard for a scope and filters (suppressed tables; the request is audited). */
export function fetchDashboard(query: DashboardRequest): Promise<Dashboard> {
  return request(() => api.dashboard.$get({ query: clean({ ...query }) as never }));
}

/**
 * Downloads one table (or every table as XLSX) with the signed-in user's token, then hands the file to the
 * browser with the name the API chose.
 */
export async function downloadExport(
  query: DashboardRequest & { table: DashboardExportQuery["table"]; format: "csv" | "xlsx" },
): Promise<void> {
  let res: Response;
  try {
    res = (await api.dashboard.export.$get({ query: clean({ ...query }) as never })) as unknown as Response;
  } catch (error) {
    throw toApiError(error);
  }
  // request() reads the API's error body into the one ApiError the page shows.
  if (!res.ok) await request(async () => res as never);
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `ketnoi.${query.format}`;
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The year's targets. */
export async function fetchTargets(year: number): Promise<Target[]> {
  return (await request(() => api.targets.$get({ query: { year: String(year) } }))).items;
}

/** Creates or changes a target (with the version read; 409 `version_conflict` otherwise). */
export function saveTarget(input: TargetInput): Promise<Target> {
  return request(() => api.targets.$put({ json: input }));
}

/** A target's versions, newest first. */
export async function fetchTargetHistory(year: number, field: string, universityId?: string): Promise<TargetVersion[]> {
  const query = clean({ year: String(year), field, universityId });
  return (await request(() => api.targets.history.$get({ query: query as never }))).items;
}

/** A month of the audit log, newest first, with the names of the people and organisations it mentions. */
export function fetchAudit(
  month: string,
  cursor?: string,
): Promise<{ items: AuditEntry[]; cursor: string | null; names: AuditList["names"] }> {
  return request(() => api.audit.$get({ query: clean({ month, cursor }) }));
}
