import { createEffect, createSignal, onCleanup, Show } from "solid-js";
import { useCatalog } from "../../app/i18n/i18n";
import type { LineSpec } from "./charts";
import { dashboardMessages } from "./messages";

/**
 * A chart drawn by uPlot, loaded on first use (a dynamic import: only dashboard pages ever fetch it). The canvas
 * is hidden from screen readers; the caption points to the table that follows with the same figures.
 */
export function Chart(props: { spec: LineSpec; title: string }) {
  const { t, locale } = useCatalog(dashboardMessages);
  const [drawn, setDrawn] = createSignal(false);
  let canvas: HTMLDivElement | undefined;
  let destroy: (() => void) | undefined;
  createEffect(() => {
    const spec = props.spec;
    const text = { locale: locale(), none: "–" };
    void import("./chart-uplot").then(({ drawChart }) => {
      destroy?.();
      if (!canvas) return;
      destroy = drawChart(canvas, spec, text);
      setDrawn(true);
    });
  });
  onCleanup(() => destroy?.());
  return (
    <figure class="dash-chart">
      <div ref={canvas} class="dash-chart-canvas" aria-hidden="true" data-chart={props.spec.kind} />
      <Show when={!drawn()}>
        <p class="muted">{t("dash.chart.loading")}</p>
      </Show>
      <figcaption>{t("dash.chart.caption", { title: props.title })}</figcaption>
    </figure>
  );
}
