import type { DashboardTable, DashboardTableId, TableCell } from "@ketnoi/core";

/** A line chart drawn by uPlot: category labels on x (named `xLabel` in the legend), one line per series. */
export interface LineSpec {
  kind: "lines";
  xLabel: string;
  categories: string[];
  series: Array<{ label: string; values: Array<number | null> }>;
}

/** One horizontal bar: a value, and (for progress) its target and the % of it reached, as the table states them. */
export interface Bar {
  label: string;
  value: number;
  target?: number | undefined;
  percent?: number | undefined;
}

/**
 * Horizontal bars in plain HTML (long labels wrap instead of being cut), one group per series: every count
 * column of the table gets its group, so no series is left out.
 */
export interface BarSpec {
  kind: "hbars";
  groups: Array<{ label: string; bars: Bar[] }>;
}

export type ChartSpec = LineSpec | BarSpec;

const numberOrGap = (cell: TableCell | undefined) => (typeof cell === "number" ? cell : null);
const topSkills = 10;

/** Which tables get a chart, and how: trends as lines, breakdowns and the skills gap as bars. */
const chartKinds: Partial<Record<DashboardTableId, "trend" | "progress" | "totalRow" | "shortage">> = {
  byMonth: "trend",
  funnelByMonth: "trend",
  byField: "progress",
  byUniversity: "progress",
  funnel: "totalRow",
  skills: "shortage",
};

/** The count columns of a table (people or listings), each with its target and percent columns when it has them. */
export function countColumns(table: DashboardTable) {
  return table.columns.flatMap((c, j) => {
    if (c.kind !== "people" && c.kind !== "listings") return [];
    const hasTarget = table.columns[j + 1]?.kind === "target" && table.columns[j + 2]?.kind === "percent";
    return [{ column: c, j, target: hasTarget ? j + 1 : undefined, percent: hasTarget ? j + 2 : undefined }];
  });
}

/**
 * The chart of a table, from the same (perturbed) numbers the table shows, or undefined for tables shown only as
 * tables (and for charts with nothing to draw: the table says it better).
 * @example chartFor(byMonthTable, "vi")?.kind // "lines"
 */
export function chartFor(table: DashboardTable, lang: "vi" | "en"): ChartSpec | undefined {
  const spec = specFor(table, lang);
  if (!spec) return undefined;
  if (spec.kind === "lines") return spec.series.some((s) => s.values.some((v) => v !== null)) ? spec : undefined;
  const groups = spec.groups.filter((g) => g.bars.length > 0);
  return groups.length > 0 ? { kind: "hbars", groups } : undefined;
}

function specFor(table: DashboardTable, lang: "vi" | "en"): ChartSpec | undefined {
  const counts = countColumns(table);
  switch (chartKinds[table.id]) {
    case "trend":
      return {
        kind: "lines",
        xLabel: table.rowHeader[lang],
        categories: table.rows.map((r) => r.label[lang]),
        series: counts.map(({ column, j }) => ({
          label: column.label[lang],
          values: table.rows.map((r) => numberOrGap(r.cells[j])),
        })),
      };
    case "progress":
      // One group per metric (internships, visits, jobs, trainings), one bar per row, each with its target.
      return {
        kind: "hbars",
        groups: counts.map(({ column, j, target, percent }) => ({
          label: column.label[lang],
          bars: table.rows.flatMap((r) => {
            const value = numberOrGap(r.cells[j]);
            const goal = target === undefined ? null : numberOrGap(r.cells[target]);
            // A row with neither a count nor a target has nothing to show.
            if ((value === null || value === 0) && goal === null) return [];
            return [
              {
                label: r.label[lang],
                value: value ?? 0,
                target: goal ?? undefined,
                percent: percent === undefined ? undefined : (numberOrGap(r.cells[percent]) ?? undefined),
              },
            ];
          }),
        })),
      };
    case "totalRow": {
      const total = table.total;
      if (!total) return undefined;
      return {
        kind: "hbars",
        groups: [
          {
            label: total.label[lang],
            bars: counts.flatMap(({ column, j }) => {
              const value = numberOrGap(total.cells[j]);
              return value === null ? [] : [{ label: column.label[lang], value }];
            }),
          },
        ],
      };
    }
    case "shortage": {
      const gap = table.columns.findIndex((c) => c.kind === "gap");
      // Only shortages are drawn as bars (a surplus is a negative gap): the ranked top ten.
      const rows = table.rows.filter((r) => (numberOrGap(r.cells[gap]) ?? 0) > 0).slice(0, topSkills);
      return {
        kind: "hbars",
        groups: [
          {
            label: table.columns[gap]!.label[lang],
            bars: rows.map((r) => ({ label: r.label[lang], value: r.cells[gap] as number })),
          },
        ],
      };
    }
    default:
      return undefined;
  }
}

/**
 * The summary line's parts: per target metric of a progress table's total row, the count, the target and the %
 * reached (only metrics with a target).
 * @example progressSummary(byField) // [{ key: "internships", value: 412, target: 600, percent: 69 }]
 */
export function progressSummary(table: DashboardTable) {
  const total = table.total;
  if (!total) return [];
  return countColumns(table).flatMap(({ column, j, target, percent }) => {
    const goal = target === undefined ? null : numberOrGap(total.cells[target]);
    if (goal === null) return [];
    return [
      {
        key: column.key,
        value: numberOrGap(total.cells[j]) ?? 0,
        target: goal,
        percent: percent === undefined ? null : numberOrGap(total.cells[percent]),
      },
    ];
  });
}
