import {
  DashboardExportQuerySchema,
  type DashboardQuery,
  DashboardQuerySchema,
  DashboardSchema,
  type Selection,
  tableFileNames,
  yearMonthInVietnam,
} from "@ketnoi/core";
import type { Context } from "hono";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { recordAudit } from "../data/audit";
import { loadDashboard } from "../data/dashboard";
import { csvExport, exportTypes, xlsxExport } from "../data/dashboard-export";
import { getOrganisation } from "../data/organisations";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce } from "../http/middleware";
import { bearer, responses, route } from "../http/openapi";
import { validate } from "../http/validate";

const scopeText =
  "`scope=province` (province officers, admins; `universityId` then filters), `scope=university&universityId=…` " +
  "(that school's staff: its own students), `scope=organisation&orgId=…` (its members: the funnel of its " +
  "listings). Every people count is published by the cell-key method: the true count plus a small noise fixed by " +
  "the counted records (the same cell always shows the same number; 0 stays 0; 1–4 are never shown as themselves; " +
  "totals are perturbed as cells of their own). Listing counts are exact. Each request is written to the audit log.";

/** Checks who may see the requested scope and turns the query into a selection. */
async function selectionFor(c: Context<AppEnv>, query: DashboardQuery): Promise<Selection> {
  const year = query.year ?? yearMonthInVietnam(new Date().toISOString()).year;
  const filters = { field: query.field, universityId: query.universityId };
  if (query.scope === "province") {
    enforce(c, "dashboard:viewProvince");
    return { year, scope: { kind: "province", id: null }, filters };
  }
  if (query.scope === "university") {
    const school = await getOrganisation(query.universityId!);
    enforce(c, "dashboard:viewUniversity", {
      orgId: query.universityId!,
      ...(school ? { orgKind: school.kind, orgVerification: school.verification } : {}),
    });
    if (!school) throw new AppError("not_found", "Không tìm thấy trường.");
    return { year, scope: { kind: "university", id: school.id }, filters: { field: query.field } };
  }
  enforce(c, "dashboard:viewOrganisation", { orgId: query.orgId! });
  return { year, scope: { kind: "organisation", id: query.orgId! }, filters };
}

const scopeLabel = (s: Selection) => (s.scope.id ? `${s.scope.kind}:${s.scope.id}` : s.scope.kind);

/** The workforce dashboard and its exports. Mounted at /api/dashboard. */
export const dashboardRoutes = new Hono<AppEnv>()
  .get(
    "/",
    route({
      tags: ["Dashboard"],
      summary: "Progress against targets, funnel, trends and skills gap, as de-identified, perturbed tables",
      description: scopeText,
      auth: true,
      ok: { 200: { description: "The dashboard", schema: DashboardSchema } },
      errors: [400, 404],
    }),
    validate("query", DashboardQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      const selection = await selectionFor(c, query);
      await recordAudit(c.get("principal")!, {
        action: "dashboard.view",
        scope: scopeLabel(selection),
        filters: { year: selection.year, field: query.field, universityId: query.universityId },
      });
      c.header("Cache-Control", "no-store");
      return c.json(await loadDashboard(selection));
    },
  )
  .get(
    "/export",
    describeRoute({
      tags: ["Dashboard"],
      summary: "Download a dashboard table as CSV (UTF-8 with BOM) or XLSX (`table=all`: one sheet per table)",
      description: `Vietnamese headers; the same numbers as the page. ${scopeText}`,
      security: bearer,
      responses: {
        ...responses({}, [400, 401, 403, 404, 503]),
        200: {
          description: "The file",
          content: {
            [exportTypes.csv]: { schema: { type: "string" } },
            [exportTypes.xlsx]: { schema: { type: "string", format: "binary" } },
          },
        },
      },
    }),
    validate("query", DashboardExportQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      const selection = await selectionFor(c, query);
      const only = query.table === "all" ? undefined : query.table;
      const { tables } = await loadDashboard(selection, only);
      if (tables.length === 0) throw new AppError("not_found", "Phạm vi này không có bảng đó.");
      await recordAudit(c.get("principal")!, {
        action: "dashboard.export",
        scope: scopeLabel(selection),
        filters: {
          year: selection.year,
          field: query.field,
          universityId: query.universityId,
          table: query.table,
          format: query.format,
        },
      });
      const name = `ketnoi-${only ? tableFileNames[only] : "bang-dieu-khien"}-${selection.year}.${query.format}`;
      c.header("Content-Disposition", `attachment; filename="${name}"`);
      c.header("Cache-Control", "no-store");
      c.header("Content-Type", exportTypes[query.format]);
      if (query.format === "csv") return c.body(csvExport(tables[0]!));
      return c.body(new Uint8Array(await xlsxExport(tables)));
    },
  );
