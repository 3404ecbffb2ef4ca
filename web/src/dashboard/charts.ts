import type { DashboardTable, DashboardTableId } from "@ketnoi/core";

/** What the chart module draws: category labels on x and one or more series (null: no value). */
export interface ChartSpec {
  kind: "lines" | "bars";
  categories: string[];
  series: Array<{ label: string; values: Array<number | null> }>;
}

const numberOrGap = (cell: unknown) => (typeof cell === "number" ? cell : null);
const topSkills = 10;

/** Which tables get a chart, and how: trends as lines, one column of a breakdown as bars. */
const chartKinds: Partial<Record<DashboardTableId, "trend" | "firstColumn" | "totalRow" | "shortage">> = {
  byMonth: "trend",
  funnelByMonth: "trend",
  byField: "firstColumn",
  funnel: "totalRow",
  skills: "shortage",
};

/**
 * The chart of a table, from the same (perturbed) numbers the table shows (an empty cell is a gap),
 * or undefined for tables shown only as tables.
 * @example chartFor(byMonthTable, "vi")?.kind // "lines"
 */
export function chartFor(table: DashboardTable, lang: "vi" | "en"): ChartSpec | undefined {
  const spec = specFor(table, lang);
  // A chart of gaps only (no value at all) would be an empty frame: the table says it better.
  return spec?.series.some((s) => s.values.some((v) => v !== null)) ? spec : undefined;
}

function specFor(table: DashboardTable, lang: "vi" | "en"): ChartSpec | undefined {
  const kind = chartKinds[table.id];
  const counts = table.columns.flatMap((c, j) => (c.kind === "people" || c.kind === "listings" ? [{ c, j }] : []));
  switch (kind) {
    case "trend":
      return {
        kind: "lines",
        categories: table.rows.map((r) => r.label[lang]),
        series: counts.map(({ c, j }) => ({
          label: c.label[lang],
          values: table.rows.map((r) => numberOrGap(r.cells[j])),
        })),
      };
    case "firstColumn": {
      const { c, j } = counts[0]!;
      return {
        kind: "bars",
        categories: table.rows.map((r) => r.label[lang]),
        series: [{ label: c.label[lang], values: table.rows.map((r) => numberOrGap(r.cells[j])) }],
      };
    }
    case "totalRow":
      return table.total
        ? {
            kind: "bars",
            categories: counts.map(({ c }) => c.label[lang]),
            series: [
              { label: table.total.label[lang], values: counts.map(({ j }) => numberOrGap(table.total!.cells[j])) },
            ],
          }
        : undefined;
    case "shortage": {
      const gap = table.columns.findIndex((c) => c.kind === "gap");
      const rows = table.rows.filter((r) => typeof r.cells[gap] === "number").slice(0, topSkills);
      return rows.length === 0
        ? undefined
        : {
            kind: "bars",
            categories: rows.map((r) => r.label[lang]),
            series: [{ label: table.columns[gap]!.label[lang], values: rows.map((r) => numberOrGap(r.cells[gap])) }],
          };
    }
    default:
      return undefined;
  }
}
