import type { Catalog } from "../../app/i18n/i18n";
import { dashboardEn } from "./messages.en";
import { type DashboardKey, dashboardVi } from "./messages.vi";

export type { DashboardKey };

/** Messages of the dashboard pages (with the shared ones), loaded only with those pages. */
export const dashboardMessages: Catalog<DashboardKey> = { vi: dashboardVi, en: dashboardEn };
