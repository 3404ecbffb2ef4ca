import { For, Show } from "solid-js";
import { formattersFor } from "../../app/format";
import { useCatalog } from "../../app/i18n/i18n";
import type { BarSpec } from "./charts";
import { dashboardMessages } from "./messages";

/**
 * Horizontal bars in plain HTML/CSS: labels sit above their bar and wrap, so long names ("Dịch vụ công trực
 * tuyến") are never cut; a target is a marker on the bar with "412/600 (69%)" beside it. Like the canvas charts it
 * is hidden from screen readers: the table right after holds the same figures.
 */
export function Bars(props: { spec: BarSpec; title: string }) {
  const { t, locale } = useCatalog(dashboardMessages);
  const fmt = formattersFor(locale);
  const num = (n: number) => fmt.number(n);
  return (
    <figure class="dash-chart">
      <div class="dash-bars" aria-hidden="true" data-chart="hbars">
        <For each={props.spec.groups}>
          {(group) => {
            // One scale per group, wide enough for the largest value or target, so a marker is never off the bar.
            const max = () => Math.max(1, ...group.bars.map((b) => Math.max(b.value, b.target ?? 0)));
            const share = (n: number) => `${(Math.max(0, n) / max()) * 100}%`;
            return (
              <div class="dash-bar-group" data-series={group.label}>
                <p class="dash-bar-series">{group.label}</p>
                <ul>
                  <For each={group.bars}>
                    {(bar) => (
                      <li class="dash-bar">
                        <span class="dash-bar-label">{bar.label}</span>
                        <span class="dash-bar-track">
                          <span class="dash-bar-fill" style={{ width: share(bar.value) }} />
                          <Show when={bar.target !== undefined}>
                            <span class="dash-bar-target" style={{ left: share(bar.target!) }} />
                          </Show>
                        </span>
                        <span class="dash-bar-value">
                          {bar.target === undefined
                            ? num(bar.value)
                            : bar.percent === undefined
                              ? t("dash.bar.ofTarget", { value: num(bar.value), target: num(bar.target) })
                              : t("dash.bar.ofTargetPercent", {
                                  value: num(bar.value),
                                  target: num(bar.target),
                                  percent: fmt.percent(bar.percent / 100, 0),
                                })}
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            );
          }}
        </For>
        <Show when={props.spec.groups.some((g) => g.bars.some((b) => b.target !== undefined))}>
          <p class="dash-bar-key">
            <span class="dash-bar-target-key" /> {t("dash.bar.targetKey")}
          </p>
        </Show>
      </div>
      <figcaption>{t("dash.chart.caption", { title: props.title })}</figcaption>
    </figure>
  );
}
