import uPlot, { type AlignedData, type Options } from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartSpec } from "./charts";

// Colour-blind-safe palette (Okabe–Ito), dark enough on white for the lines and bars to stand out.
const palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

/**
 * Draws a chart with uPlot into `el` and returns how to remove it. Only the dashboard imports this module (lazily),
 * so uPlot's ~20 kB never reach the other pages.
 * @example const destroy = drawChart(div, { kind: "lines", categories: ["T1"], series: [{ label: "x", values: [1] }] });
 */
export function drawChart(el: HTMLElement, spec: ChartSpec): () => void {
  const xs = spec.categories.map((_, i) => i);
  const data: AlignedData = [xs, ...spec.series.map((s) => s.values)];
  const bars = spec.kind === "bars" ? uPlot.paths.bars?.({ size: [0.6, 48] }) : undefined;
  const options: Options = {
    width: Math.max(280, el.clientWidth || 640),
    height: 260,
    scales: { x: { time: false, range: [-0.5, Math.max(xs.length - 0.5, 0.5)] } },
    axes: [
      {
        values: (_u, splits) => splits.map((i) => spec.categories[Math.round(i)] ?? ""),
        splits: () => xs,
        rotate: spec.categories.length > 6 ? -30 : 0,
        size: spec.categories.length > 6 ? 80 : 40,
      },
      {},
    ],
    series: [
      {},
      ...spec.series.map((s, i) => ({
        label: s.label,
        stroke: palette[i % palette.length],
        width: 2,
        ...(bars ? { paths: bars, fill: `${palette[i % palette.length]}cc`, points: { show: false } } : {}),
      })),
    ],
  };
  const chart = new uPlot(options, data, el);
  return () => chart.destroy();
}
