import type { Bilingual } from "./labels";
import type { DashboardTableId } from "./schemas";

/**
 * Each dashboard table's title, and `all` (every table, an XLSX export's choice): the tables carry it, and the audit
 * log names an export's table with it rather than its id.
 */
export const dashboardTableTitles = {
  byField: { vi: "Tiến độ theo lĩnh vực", en: "Progress by field" },
  byUniversity: { vi: "Tiến độ theo trường", en: "Progress by university" },
  byPark: { vi: "Theo khu công nghiệp", en: "By industrial park" },
  byCommune: { vi: "Theo xã/phường", en: "By commune or ward" },
  byMonth: { vi: "Diễn biến theo tháng", en: "Month by month" },
  funnel: { vi: "Phễu tuyển dụng theo lĩnh vực", en: "Hiring funnel by field" },
  funnelByMonth: { vi: "Phễu tuyển dụng theo tháng", en: "Hiring funnel by month" },
  skills: { vi: "Khoảng cách kỹ năng (xếp hạng)", en: "Skills gap (ranked)" },
  all: { vi: "Tất cả các bảng", en: "All tables" },
} as const satisfies Record<DashboardTableId | "all", Bilingual>;
