import uPlot, { type AlignedData } from "uplot";
import "uplot/dist/uPlot.min.css";
import { type LegendText, lineOptions } from "./chart-options";
import type { LineSpec } from "./charts";

export type { LegendText };

/**
 * Draws a line chart with uPlot into `el` and returns how to remove it. Only the dashboard imports this module
 * (lazily), so uPlot's ~20 kB never reach the other pages. The legend (uPlot's hover read-out) names the x axis
 * as the table does ("Tháng") instead of uPlot's English "Value", and writes numbers in the UI's locale.
 * @example const destroy = drawChart(div, { kind: "lines", xLabel: "Tháng", categories: ["T1"], series: [{ label: "x", values: [1] }] }, { locale: "vi-VN", none: "–" });
 */
export function drawChart(el: HTMLElement, spec: LineSpec, text: LegendText): () => void {
  const xs = spec.categories.map((_, i) => i);
  const data: AlignedData = [xs, ...spec.series.map((s) => s.values)];
  const chart = new uPlot(lineOptions(spec, text, Math.max(280, el.clientWidth || 640)), data, el);
  return () => chart.destroy();
}
