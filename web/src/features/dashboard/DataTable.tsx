import type { DashboardTable, TableCell } from "@ketnoi/core";
import { createUniqueId, For, Show } from "solid-js";
import { formatNumber, formatPercent } from "../../app/format";
import { useCatalog } from "../../app/i18n/i18n";
import { dashboardMessages } from "./messages";

/** One cell as shown: numbers in the reader's locale (people counts already perturbed), percentages by its rule. */
function Cell(props: { value: TableCell; kind: string }) {
  const { locale } = useCatalog(dashboardMessages);
  const value = props.value;
  if (value === null) return <span class="muted">–</span>;
  return <>{props.kind === "percent" ? formatPercent(value / 100, locale(), 0) : formatNumber(value, locale())}</>;
}

/** Header groups: a count with its target and percentage share one group header; other columns stand alone. */
function headerGroups(table: DashboardTable) {
  const groups: Array<{ label: DashboardTable["columns"][number]["label"]; span: number }> = [];
  for (let j = 0; j < table.columns.length; j++) {
    const column = table.columns[j]!;
    const withTarget = table.columns[j + 1]?.kind === "target" && table.columns[j + 2]?.kind === "percent";
    groups.push({ label: column.label, span: withTarget ? 3 : 1 });
    if (withTarget) j += 2;
  }
  return groups;
}

/**
 * A dashboard table as an HTML table: caption, column headers (a count, its target and percentage grouped under
 * one `colgroup` header), row headers, the total row in the footer. The accessible twin of each chart, and the
 * only form of tables without one. The wrapper scrolls sideways on a phone, so it is a focusable group named by
 * the caption (a group, not a region: the section around it already carries the same name as a landmark):
 * keyboard users scroll it with the arrow keys (WCAG 2.1.1).
 */
export function DataTable(props: { table: DashboardTable; captionId?: string }) {
  const { t, pick } = useCatalog(dashboardMessages);
  const groups = () => headerGroups(props.table);
  const grouped = () => groups().some((g) => g.span > 1);
  const fallbackId = createUniqueId();
  const captionId = () => props.captionId ?? fallbackId;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset: it only makes the scroll box focusable.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must be focusable to scroll by keyboard.
    <div class="table-wrap dash-table" role="group" tabIndex={0} aria-labelledby={captionId()}>
      <table>
        <caption id={captionId()}>{pick(props.table.title)}</caption>
        <colgroup>
          <col />
        </colgroup>
        <For each={groups()}>{(group) => <colgroup span={group.span} />}</For>
        <thead>
          <tr>
            <th scope="col" rowSpan={grouped() ? 2 : 1}>
              {pick(props.table.rowHeader)}
            </th>
            <For each={groups()}>
              {(group) => (
                <th
                  scope={group.span > 1 ? "colgroup" : "col"}
                  colSpan={group.span}
                  rowSpan={grouped() && group.span === 1 ? 2 : 1}
                >
                  {pick(group.label)}
                </th>
              )}
            </For>
          </tr>
          <Show when={grouped()}>
            <tr>
              <For each={groups().filter((g) => g.span > 1)}>
                {() => (
                  <>
                    <th scope="col">{t("dash.column.count")}</th>
                    <th scope="col">{t("dash.column.target")}</th>
                    <th scope="col">{t("dash.column.percent")}</th>
                  </>
                )}
              </For>
            </tr>
          </Show>
        </thead>
        <tbody>
          <Show
            when={props.table.rows.length > 0}
            fallback={
              <tr>
                <td colSpan={props.table.columns.length + 1}>{t("dash.table.noRows")}</td>
              </tr>
            }
          >
            <For each={props.table.rows}>
              {(row) => (
                <tr>
                  <th scope="row">{pick(row.label)}</th>
                  <For each={row.cells}>
                    {(cell, j) => (
                      <td class="num">
                        <Cell value={cell} kind={props.table.columns[j()]!.kind} />
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </Show>
        </tbody>
        <Show when={props.table.total}>
          {(total) => (
            <tfoot>
              <tr>
                <th scope="row">{pick(total().label)}</th>
                <For each={total().cells}>
                  {(cell, j) => (
                    <td class="num">
                      <Cell value={cell} kind={props.table.columns[j()]!.kind} />
                    </td>
                  )}
                </For>
              </tr>
            </tfoot>
          )}
        </Show>
      </table>
    </div>
  );
}
