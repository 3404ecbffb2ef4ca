import type uPlot from "uplot";
import type { Options } from "uplot";
import type { LineSpec } from "./charts";

// Colour-blind-safe palette (Okabe–Ito), dark enough on white for the lines to stand out.
const palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

/** How the legend writes a value: in the reader's locale, and "–" (as the tables) where there is none. */
export interface LegendText {
  locale: string;
  none: string;
}

/**
 * uPlot's options for a line chart (pure, so a test can read the legend's words without a canvas).
 * @example lineOptions(spec, { locale: "vi-VN", none: "–" }, 640).series[0]?.label // "Tháng"
 */
export function lineOptions(spec: LineSpec, text: LegendText, width: number): Options {
  const xs = spec.categories.map((_, i) => i);
  return {
    width,
    height: 260,
    scales: { x: { time: false, range: [-0.5, Math.max(xs.length - 0.5, 0.5)] } },
    axes: [
      {
        values: (_u, splits) => splits.map((i) => spec.categories[Math.round(i)] ?? ""),
        splits: () => xs,
        rotate: spec.categories.length > 6 ? -30 : 0,
        size: spec.categories.length > 6 ? 80 : 40,
      },
      { values: (_u, splits) => splits.map((v) => v.toLocaleString(text.locale)) },
    ],
    series: [
      {
        label: spec.xLabel,
        value: (_u, i) => (i == null ? text.none : (spec.categories[Math.round(i)] ?? text.none)),
      },
      ...spec.series.map((s, i) => ({
        label: s.label,
        stroke: palette[i % palette.length],
        width: 2,
        value: (_u: uPlot, v: number | null) => (v == null ? text.none : v.toLocaleString(text.locale)),
      })),
    ],
  };
}
