import type { Dashboard, DashboardTable, Me } from "@ketnoi/core";
import { workforceFieldIds, workforceFields } from "@ketnoi/core/dashboard/fields";
import { A, useSearchParams } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import { toApiError } from "../../app/api/client";
import { can } from "../../app/can";
import { signedIn } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { fetchSchools } from "../student/api";
import { type DashboardRequest, downloadExport, fetchDashboard } from "./api";
import { Bars } from "./Bars";
import { Chart } from "./Chart";
import { chartFor, progressSummary } from "./charts";
import { DataTable } from "./DataTable";
import { dashboardMessages } from "./messages";
import { type ScopeOption, scopesFor, scopeValue } from "./scopes";
import "./dashboard.css";
import { formatDateTime, formattersFor } from "../../app/format";

type Params = { nam?: string; pham_vi?: string; linh_vuc?: string; truong?: string };
const thisYear = new Date().getFullYear();
const years = [thisYear - 1, thisYear, thisYear + 1];

function TableSection(props: { table: DashboardTable; query: DashboardRequest; onFailure: (message: string) => void }) {
  const { t, pick, lang } = useCatalog(dashboardMessages);
  const chart = createMemo(() => chartFor(props.table, lang()));
  const [busy, setBusy] = createSignal(false);
  const download = async (format: "csv" | "xlsx") => {
    setBusy(true);
    try {
      await downloadExport({ ...props.query, table: props.table.id, format });
    } catch (error) {
      props.onFailure(t("dash.downloadFailed", { message: toApiError(error).message }));
    } finally {
      setBusy(false);
    }
  };
  const title = () => pick(props.table.title);
  return (
    <section class="dash-section" aria-labelledby={`h-${props.table.id}`}>
      <h2 id={`h-${props.table.id}`}>{title()}</h2>
      <div class="actions">
        <button
          type="button"
          class="button button-small button-secondary"
          disabled={busy()}
          aria-label={t("dash.downloadCsvFor", { table: title() })}
          onClick={() => download("csv")}
        >
          {t("dash.downloadCsv")}
        </button>
        <button
          type="button"
          class="button button-small button-secondary"
          disabled={busy()}
          aria-label={t("dash.downloadXlsxFor", { table: title() })}
          onClick={() => download("xlsx")}
        >
          {t("dash.downloadXlsx")}
        </button>
      </div>
      <Show when={chart()}>
        {(spec) => {
          const it = spec();
          return it.kind === "lines" ? <Chart spec={it} title={title()} /> : <Bars spec={it} title={title()} />;
        }}
      </Show>
      <DataTable table={props.table} captionId={`c-${props.table.id}`} />
    </section>
  );
}

const summaryMetrics = ["internships", "visits", "jobs", "trainings"] as const;

/**
 * The story in one line, above everything: per target metric, what the province (or the chosen scope) has reached
 * of its target this year — from the progress-by-field table's total row, the same figures as the table.
 */
function Summary(props: { dashboard: Dashboard }) {
  const { t, locale } = useCatalog(dashboardMessages);
  const fmt = formattersFor(locale);
  const num = (n: number) => fmt.number(n);
  // Only scopes with progress tables (province, university) have targets; an organisation's funnel has none.
  const byField = () => props.dashboard.tables.find((table) => table.id === "byField");
  const items = () => {
    const table = byField();
    return table ? progressSummary(table) : [];
  };
  const metric = (key: string) =>
    (summaryMetrics as readonly string[]).includes(key)
      ? t(`dash.metric.${key as (typeof summaryMetrics)[number]}`)
      : key;
  return (
    <Show when={byField()}>
      <section class="dash-summary" aria-label={t("dash.summary", { year: String(props.dashboard.year) })}>
        <Show
          when={items().length > 0}
          fallback={<p>{t("dash.summary.noTargets", { year: String(props.dashboard.year) })}</p>}
        >
          <ul>
            <For each={items()}>
              {(item) => (
                <li>
                  {item.percent === null
                    ? t("dash.summary.itemNoPercent", {
                        metric: metric(item.key),
                        value: num(item.value),
                        target: num(item.target),
                      })
                    : t("dash.summary.item", {
                        metric: metric(item.key),
                        value: num(item.value),
                        target: num(item.target),
                        percent: fmt.percent(item.percent / 100, 0),
                      })}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </Show>
  );
}

function Figures(props: { query: DashboardRequest }) {
  const { t, locale } = useCatalog(dashboardMessages);
  const [data, { refetch }] = createResource(() => ({ ...props.query }), fetchDashboard);
  const [failure, setFailure] = createSignal<string>();
  const all = async () => {
    try {
      await downloadExport({ ...props.query, table: "all", format: "xlsx" });
    } catch (error) {
      setFailure(t("dash.downloadFailed", { message: toApiError(error).message }));
    }
  };
  return (
    <Async resource={data} onRetry={() => void refetch()}>
      {(dashboard) => (
        <>
          <Summary dashboard={dashboard()} />
          <p class="muted">{t("dash.generatedAt", { time: formatDateTime(dashboard().generatedAt, locale()) })}</p>
          <ul class="dash-legend">
            <li>{t("dash.legend.adjusted")}</li>
          </ul>
          <p>
            <button type="button" class="button" onClick={all}>
              {t("dash.downloadAll")}
            </button>
          </p>
          <Show when={failure()}>
            <p class="error-inline" role="alert">
              {failure()}
            </p>
          </Show>
          <For each={dashboard().tables}>
            {(table) => <TableSection table={table} query={props.query} onFailure={setFailure} />}
          </For>
        </>
      )}
    </Async>
  );
}

function Filters(props: {
  scopes: ScopeOption[];
  canPickUniversity: boolean;
  params: Params;
  set: (p: Partial<Params>) => void;
}) {
  const { t, pick } = useCatalog(dashboardMessages);
  const [universities] = createResource(
    () => props.canPickUniversity || undefined,
    () => fetchSchools(["university"]),
  );
  const scopeLabel = (s: ScopeOption) =>
    s.kind === "province"
      ? t("dash.scope.province")
      : t(`dash.scope.${s.kind}`, { name: s.name ? pick(s.name) : (s.id ?? "") });
  return (
    <form class="form dash-filters" aria-label={t("dash.filters")} onSubmit={(e) => e.preventDefault()}>
      <Show when={props.scopes.length > 1}>
        <div class="field">
          <label for="f-scope">{t("dash.scope")}</label>
          <select
            id="f-scope"
            value={props.params.pham_vi ?? scopeValue(props.scopes[0]!)}
            onChange={(e) => props.set({ pham_vi: e.currentTarget.value })}
          >
            <For each={props.scopes}>{(s) => <option value={scopeValue(s)}>{scopeLabel(s)}</option>}</For>
          </select>
        </div>
      </Show>
      <div class="field">
        <label for="f-year">{t("dash.year")}</label>
        <select
          id="f-year"
          value={props.params.nam ?? String(thisYear)}
          onChange={(e) => props.set({ nam: e.currentTarget.value })}
        >
          <For each={years}>{(y) => <option value={y}>{y}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="f-field">{t("dash.field")}</label>
        <select
          id="f-field"
          value={props.params.linh_vuc ?? ""}
          onChange={(e) => props.set({ linh_vuc: e.currentTarget.value || undefined })}
        >
          <option value="">{t("dash.field.all")}</option>
          <For each={workforceFieldIds}>{(f) => <option value={f}>{pick(workforceFields[f])}</option>}</For>
          <option value="other">{t("dash.field.other")}</option>
        </select>
      </div>
      <Show when={props.canPickUniversity}>
        <div class="field">
          <label for="f-university">{t("dash.university")}</label>
          <select
            id="f-university"
            value={props.params.truong ?? ""}
            onChange={(e) => props.set({ truong: e.currentTarget.value || undefined })}
          >
            <option value="">{t("dash.university.all")}</option>
            <For each={universities() ?? []}>
              {(u) => (
                // `selected` rather than the select's value: these options arrive after the select is drawn.
                <option value={u.id} selected={u.id === props.params.truong}>
                  {pick(u.name)}
                </option>
              )}
            </For>
          </select>
        </div>
      </Show>
    </form>
  );
}

function DashboardView(props: { scopes: ScopeOption[]; me: Me }) {
  const { t } = useCatalog(dashboardMessages);
  const [params, setParams] = useSearchParams<Params>();
  const scope = () => props.scopes.find((s) => scopeValue(s) === params.pham_vi) ?? props.scopes[0]!;
  const query = createMemo((): DashboardRequest => {
    const s = scope();
    return {
      year: params.nam ?? String(thisYear),
      scope: s.kind,
      field: params.linh_vuc,
      ...(s.kind === "university"
        ? { universityId: s.id! }
        : s.kind === "organisation"
          ? { orgId: s.id! }
          : { universityId: params.truong }),
    };
  });
  return (
    <>
      <Filters
        scopes={props.scopes}
        canPickUniversity={scope().kind === "province"}
        params={params}
        set={(p) => setParams(p)}
      />
      <Show when={can(props.me, "target:write")}>
        <p class="actions">
          <A class="button button-secondary" href={paths.targets()}>
            {t("dash.targetsLink")}
          </A>
          <Show when={can(props.me, "audit:read")}>
            <A class="button button-secondary" href={paths.audit()}>
              {t("dash.auditLink")}
            </A>
          </Show>
        </p>
      </Show>
      <Figures query={query()} />
    </>
  );
}

/** The workforce dashboard (/bang-dieu-khien): filters, charts with their tables, downloads. */
export default function DashboardPage() {
  const { t } = useCatalog(dashboardMessages);
  return (
    <Page title={t("dash.title")} audience={signedIn}>
      {(me) => (
        <>
          <p class="lead">{t("dash.intro")}</p>
          <Show when={me.role !== "student"} fallback={<p class="notice">{t("dash.forbidden")}</p>}>
            <ScopeLoader me={me} />
          </Show>
        </>
      )}
    </Page>
  );
}

function ScopeLoader(props: { me: Parameters<typeof scopesFor>[0] }) {
  const { t } = useCatalog(dashboardMessages);
  const [scopes, { refetch }] = createResource(() => props.me, scopesFor);
  return (
    <Async resource={scopes} onRetry={() => void refetch()}>
      {(options) => (
        <Show when={options().length > 0} fallback={<p class="notice">{t("dash.noScope")}</p>}>
          <DashboardView scopes={options()} me={props.me} />
        </Show>
      )}
    </Async>
  );
}
