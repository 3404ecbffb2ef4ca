/** The main menu's dashboard link, on its own so the shell carries two words, not the dashboard's catalog. */
export const dashboardNavLabel = { vi: "Bảng điều khiển", en: "Dashboard" } as const;
