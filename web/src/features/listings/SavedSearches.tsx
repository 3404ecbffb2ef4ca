import { listingTypes, sectors } from "@ketnoi/core/catalog";
import { communes, industrialParks } from "@ketnoi/core/places";
import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { skillName as skillLabel } from "../../app/forms/options";
import { students } from "../../app/Guard";
import { type ScopedT, useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { Async } from "../../app/Status";
import { deleteSavedSearch, fetchSavedSearches, type SavedSearch } from "../student/api";
import { type StudentKey, studentMessages } from "../student/messages";
import { searchHref } from "../student/search-params";
import { formatDateTime } from "./format";

/** A saved search's criteria in words, e.g. ["“nhung”", "Thực tập", "KCN Amata", "Có hỗ trợ"]. */
function describe(criteria: SavedSearch["criteria"], t: ScopedT<StudentKey>, lang: "vi" | "en"): string[] {
  const parts: string[] = [];
  if (criteria.q) parts.push(`“${criteria.q}”`);
  if (criteria.type && (listingTypes as readonly string[]).includes(criteria.type)) {
    parts.push(t(`listingType.${criteria.type}`));
  }
  if (criteria.sector) parts.push(sectors[criteria.sector][lang]);
  if (criteria.skill) parts.push(skillLabel(criteria.skill, lang));
  if (criteria.commune) parts.push(communes.find((c) => c.id === criteria.commune)?.name ?? criteria.commune);
  if (criteria.industrialPark) {
    parts.push(industrialParks.find((p) => p.id === criteria.industrialPark)?.name ?? criteria.industrialPark);
  }
  if (criteria.paid !== undefined) parts.push(t(criteria.paid ? "search.paidYes" : "search.paidNo"));
  if (criteria.verifiedOnly) parts.push(t("search.verifiedOnly"));
  return parts;
}

function SavedList() {
  const { t, lang, locale } = useCatalog(studentMessages);
  const [list, { refetch, mutate }] = createResource(fetchSavedSearches);
  const [failure, setFailure] = createSignal<ApiError>();
  const [done, setDone] = createSignal<string>();
  let doneBox: HTMLParagraphElement | undefined;

  async function remove(saved: SavedSearch) {
    setFailure(undefined);
    try {
      await deleteSavedSearch(saved.id);
      mutate((items) => items?.filter((s) => s.id !== saved.id));
      setDone(t("saved.deleted", { name: saved.name }));
      // The removed item took the focused button with it.
      queueMicrotask(() => doneBox?.focus());
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  return (
    <>
      <Show when={done()}>
        <p class="success" role="status" tabIndex={-1} ref={doneBox}>
          {done()}
        </p>
      </Show>
      <ActionError error={failure()} />
      <Async resource={list} onRetry={() => void refetch()}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p class="empty">{t("saved.empty")}</p>}>
            <ul class="cards">
              <For each={items()}>
                {(saved) => (
                  <li class="card">
                    <h2 class="card-title">{saved.name}</h2>
                    <p>
                      <span class="muted">{t("saved.criteria")}: </span>
                      {describe(saved.criteria, t, lang()).join(" · ")}
                    </p>
                    <p class="muted">{t("saved.savedAt", { time: formatDateTime(saved.createdAt, locale()) })}</p>
                    <p class="actions">
                      <A class="button button-small" href={searchHref(saved.criteria)}>
                        {t("saved.open")}
                      </A>
                      <button
                        type="button"
                        class="button button-small button-secondary"
                        onClick={() => void remove(saved)}
                      >
                        {t("saved.delete", { name: saved.name })}
                      </button>
                    </p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Async>
    </>
  );
}

/** `/tim-kiem-da-luu`: the student's saved searches, each opening its results; new matches notify in-app. */
export default function SavedSearches() {
  const { t } = useCatalog(studentMessages);
  return (
    <Page title={t("saved.title")} audience={students}>
      {() => (
        <>
          <p class="lead">{t("saved.intro")}</p>
          <SavedList />
        </>
      )}
    </Page>
  );
}
