import type { Target, TargetVersion } from "@ketnoi/core";
import { type WorkforceField, workforceFieldIds, workforceFields } from "@ketnoi/core/dashboard/fields";
import { metricLabels, targetMetrics } from "@ketnoi/core/dashboard/metrics";
import { TargetInputSchema } from "@ketnoi/core/dashboard/schemas";
import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { can } from "../../app/can";
import { createBoundDraft } from "../../app/forms/bound-draft";
import { fieldId } from "../../app/forms/fields";
import { type FieldErrors, validateWith } from "../../app/forms/validation";
import { signedIn } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { fetchSchools } from "../student/api";
import { fetchTargetHistory, fetchTargets, saveTarget } from "./api";
import { dashboardMessages } from "./messages";
import "./dashboard.css";
import { formatDateTime } from "../../app/format";

const thisYear = new Date().getFullYear();
type Counts = Record<(typeof targetMetrics)[number], string>;

/** The form's inputs for a stored target (0 for a field without one yet). */
const countsOf = (target: Target | undefined): Counts =>
  Object.fromEntries(targetMetrics.map((m) => [m, String(target?.counts[m] ?? 0)])) as Counts;

function History(props: { year: number; field: WorkforceField; universityId: string | undefined }) {
  const { t, pick, locale } = useCatalog(dashboardMessages);
  const [versions] = createResource(
    () => ({ ...props }),
    (p) => fetchTargetHistory(p.year, p.field, p.universityId),
  );
  return (
    <Show when={versions()} fallback={<p class="muted">{t("state.loading")}</p>}>
      {(items) => (
        <Show when={items().length > 0} fallback={<p class="muted">{t("targets.noHistory")}</p>}>
          <ol class="dash-history">
            <For each={items()}>
              {(v: TargetVersion) => (
                <li>
                  {t("targets.version", {
                    version: v.version,
                    who: v.changedBy,
                    time: formatDateTime(v.changedAt, locale()),
                  })}
                  : {targetMetrics.map((m) => `${pick(metricLabels[m])} ${v.counts[m]}`).join(" · ")}
                </li>
              )}
            </For>
          </ol>
        </Show>
      )}
    </Show>
  );
}

function TargetForm(props: {
  year: number;
  field: WorkforceField;
  universityId: string | undefined;
  current: Target | undefined;
  onReload: () => void;
}) {
  const { t, pick, locale } = useCatalog(dashboardMessages);
  const [saved, setSaved] = createSignal<Target | undefined>(props.current);
  const [counts, setCounts] = createBoundDraft(saved, countsOf);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<ApiError>();
  const [done, setDone] = createSignal<string>();
  const [showHistory, setShowHistory] = createSignal(false);
  const name = () => pick(workforceFields[props.field]);
  const id = (metric: string) => fieldId(`${props.field}.counts.${metric}`);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setFailure(undefined);
    setDone(undefined);
    const input = {
      year: props.year,
      field: props.field,
      ...(props.universityId ? { universityId: props.universityId } : {}),
      counts: Object.fromEntries(targetMetrics.map((m) => [m, counts[m] === "" ? Number.NaN : Number(counts[m])])),
      ...(saved() ? { version: saved()!.version } : {}),
    };
    const result = validateWith(TargetInputSchema, input, t);
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) return;
    try {
      const target = await saveTarget(result.value);
      setSaved(target);
      setDone(t("targets.saved", { field: name(), version: target.version }));
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  return (
    <form class="form panel" onSubmit={submit} aria-labelledby={`t-${props.field}`} novalidate>
      <h2 id={`t-${props.field}`}>{name()}</h2>
      <p class="muted">
        {saved()
          ? t("targets.version", {
              version: saved()!.version,
              who: saved()!.changedBy,
              time: formatDateTime(saved()!.changedAt, locale()),
            })
          : t("targets.new")}
      </p>
      <div class="dash-filters">
        <For each={targetMetrics}>
          {(metric) => (
            <div class="field">
              <label for={id(metric)}>{pick(metricLabels[metric])}</label>
              <input
                id={id(metric)}
                type="number"
                min="0"
                step="1"
                inputmode="numeric"
                value={counts[metric]}
                aria-invalid={errors()[`counts.${metric}`] ? "true" : undefined}
                aria-describedby={errors()[`counts.${metric}`] ? `${id(metric)}-error` : undefined}
                onInput={(e) => setCounts(metric, e.currentTarget.value)}
              />
              <Show when={errors()[`counts.${metric}`]}>
                <p class="field-error" id={`${id(metric)}-error`}>
                  {errors()[`counts.${metric}`]}
                </p>
              </Show>
            </div>
          )}
        </For>
      </div>
      <p class="actions">
        <button type="submit" class="button">
          {t("targets.save", { field: name() })}
        </button>
        <button
          type="button"
          class="button button-quiet"
          aria-expanded={showHistory()}
          onClick={() => setShowHistory(!showHistory())}
        >
          {t("targets.history")}
        </button>
      </p>
      <Show when={done()}>
        <p class="success" role="status">
          {done()}
        </p>
      </Show>
      <ActionError error={failure()} onReload={props.onReload} />
      <Show when={showHistory()}>
        <History year={props.year} field={props.field} universityId={props.universityId} />
      </Show>
    </form>
  );
}

function Editor() {
  const { t, pick } = useCatalog(dashboardMessages);
  const [params, setParams] = useSearchParams<{ nam?: string; truong?: string }>();
  const year = () => Number(params.nam ?? thisYear);
  const [universities] = createResource(() => fetchSchools(["university"]));
  const [targets, { refetch }] = createResource(year, fetchTargets);
  const find = (field: string) =>
    targets()?.find((x) => x.field === field && x.universityId === (params.truong ?? null));
  return (
    <>
      <div class="form dash-filters">
        <div class="field">
          <label for="t-year">{t("dash.year")}</label>
          <select id="t-year" onChange={(e) => setParams({ nam: e.currentTarget.value })}>
            <For each={[thisYear - 1, thisYear, thisYear + 1]}>
              {(y) => (
                <option value={y} selected={y === year()}>
                  {y}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="t-scope">{t("targets.scope")}</label>
          <select id="t-scope" onChange={(e) => setParams({ truong: e.currentTarget.value || undefined })}>
            <option value="">{t("targets.scope.province")}</option>
            <For each={universities() ?? []}>
              {(u) => (
                <option value={u.id} selected={u.id === params.truong}>
                  {pick(u.name)}
                </option>
              )}
            </For>
          </select>
        </div>
      </div>
      <Async resource={targets} onRetry={() => void refetch()}>
        {() => (
          <For each={workforceFieldIds}>
            {(field) => (
              <Show keyed when={`${year()}/${params.truong ?? ""}`}>
                <TargetForm
                  year={year()}
                  field={field}
                  universityId={params.truong}
                  current={find(field)}
                  onReload={() => void refetch()}
                />
              </Show>
            )}
          </For>
        )}
      </Async>
    </>
  );
}

/** The targets editor (/bang-dieu-khien/chi-tieu): province officers and admins set and revise targets. */
export default function TargetsPage() {
  const { t } = useCatalog(dashboardMessages);
  return (
    <Page title={t("targets.title")} audience={signedIn}>
      {(me) => (
        <>
          <p class="lead">{t("targets.intro")}</p>
          <p>
            <A href={paths.dashboard()}>{t("targets.back")}</A>
          </p>
          <Show when={can(me, "target:write")} fallback={<p class="notice">{t("targets.forbidden")}</p>}>
            <Editor />
          </Show>
        </>
      )}
    </Page>
  );
}
