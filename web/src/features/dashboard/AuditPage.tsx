import type { AuditEntry } from "@ketnoi/core";
import { type FieldOrOther, fieldLabel, workforceFields } from "@ketnoi/core/dashboard/fields";
import { dashboardTableTitles } from "@ketnoi/core/dashboard/table-titles";
import { todayInVietnam } from "@ketnoi/core/time";
import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { type ApiError, toApiError } from "../../app/api/client";
import { can } from "../../app/can";
import { useFormat } from "../../app/format";
import { signedIn } from "../../app/Guard";
import { type LocalizedText, useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { paths } from "../../app/paths";
import { ErrorState, Loading } from "../../app/Status";
import { fetchAudit } from "./api";
import { dashboardMessages } from "./messages";
import "./dashboard.css";

// Months are Vietnam time (UTC+7), as the audit log partitions them.
const currentMonth = () => todayInVietnam(new Date()).slice(0, 7);

type Names = Record<string, LocalizedText>;

/** The filter keys an entry can carry, with the label that names each (the dashboard's own filter labels). */
const filterLabels = {
  year: "dash.year",
  field: "dash.field",
  universityId: "dash.university",
  table: "audit.filter.table",
  format: "audit.filter.format",
  version: "audit.filter.version",
} as const;
const formatLabels = { csv: "audit.format.csv", xlsx: "audit.format.xlsx" } as const;

function Log() {
  const { t, pick } = useCatalog(dashboardMessages);
  const fmt = useFormat();
  const [month, setMonth] = createSignal(currentMonth());
  const [entries, setEntries] = createSignal<AuditEntry[]>([]);
  const [names, setNames] = createSignal<Names>({});
  /** An id in words where this page named it; as stored otherwise (an erased user, a deleted organisation). */
  const nameOf = (id: string) => {
    const name = names()[id];
    return name ? pick(name) : id;
  };
  const scopeText = (scope: string) => {
    const [kind, id] = scope.split(":");
    if (kind === "province") return t("dash.scope.province");
    if (id && (kind === "university" || kind === "organisation")) return t(`dash.scope.${kind}`, { name: nameOf(id) });
    return scope;
  };
  /** A filter's value in words: a field, school, table or format by its name, never by its code. */
  const valueText = (key: string, value: string) => {
    if (key === "field" && (value === "other" || value in workforceFields))
      return pick(fieldLabel(value as FieldOrOther));
    if (key === "universityId" || key === "orgId") return nameOf(value);
    if (key === "table" && value in dashboardTableTitles)
      return pick(dashboardTableTitles[value as keyof typeof dashboardTableTitles]);
    if (key === "format" && value in formatLabels) return t(formatLabels[value as keyof typeof formatLabels]);
    return value;
  };
  const filterText = (key: string, value: string) => {
    const label = key in filterLabels ? t(filterLabels[key as keyof typeof filterLabels]) : key;
    return `${label}: ${valueText(key, value)}`;
  };
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [failure, setFailure] = createSignal<ApiError>();

  async function load(reset: boolean) {
    setLoading(true);
    setFailure(undefined);
    try {
      const page = await fetchAudit(month(), reset ? undefined : (cursor() ?? undefined));
      setEntries(reset ? page.items : [...entries(), ...page.items]);
      setNames(reset ? page.names : { ...names(), ...page.names });
      setCursor(page.cursor);
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setLoading(false);
    }
  }
  void load(true);

  return (
    <>
      <div class="form dash-filters">
        <div class="field">
          <label for="a-month">{t("audit.month")}</label>
          <input
            id="a-month"
            type="month"
            value={month()}
            onChange={(e) => {
              setMonth(e.currentTarget.value || currentMonth());
              void load(true);
            }}
          />
        </div>
      </div>
      <Show when={failure()}>{(error) => <ErrorState error={error()} onRetry={() => void load(true)} />}</Show>
      <Show
        when={entries().length > 0}
        fallback={<Show when={!loading()}>{<p class="empty">{t("audit.empty")}</p>}</Show>}
      >
        {/* Scrolls sideways on a phone: focusable, so the keyboard can scroll it too (WCAG 2.1.1). */}
        {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset: it only makes the scroll box focusable. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must be focusable to scroll by keyboard. */}
        <div class="table-wrap dash-table" role="group" tabIndex={0} aria-labelledby="audit-caption">
          <table>
            <caption id="audit-caption">{t("audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.role")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.scope")}</th>
                <th scope="col">{t("audit.filters")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={entries()}>
                {(entry) => (
                  <tr>
                    <th scope="row">
                      <time datetime={entry.at}>{fmt.dateTime(entry.at)}</time>
                    </th>
                    <td>{nameOf(entry.actorId)}</td>
                    <td>{t(`role.${entry.role}` as never)}</td>
                    <td>{t(`audit.action.${entry.action}`)}</td>
                    <td>{scopeText(entry.scope)}</td>
                    <td>
                      {Object.entries(entry.filters)
                        .map(([k, v]) => filterText(k, v))
                        .join("; ")}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={loading()}>
        <Loading />
      </Show>
      <Show when={cursor() && !loading()}>
        <button type="button" class="button button-secondary" onClick={() => void load(false)}>
          {t("audit.more")}
        </button>
      </Show>
    </>
  );
}

/** The audit log (/bang-dieu-khien/nhat-ky): who viewed or downloaded which figures, for platform admins. */
export default function AuditPage() {
  const { t } = useCatalog(dashboardMessages);
  return (
    <Page title={t("audit.title")} audience={signedIn}>
      {(me) => (
        <>
          <p class="lead">{t("audit.intro")}</p>
          <p>
            <A href={paths.dashboard()}>{t("targets.back")}</A>
          </p>
          <Show when={can(me, "audit:read")} fallback={<p class="notice">{t("audit.forbidden")}</p>}>
            <Log />
          </Show>
        </>
      )}
    </Page>
  );
}
