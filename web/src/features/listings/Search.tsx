import type { SearchHit } from "@ketnoi/core";
import { listingTypes } from "@ketnoi/core/catalog";
import { SavedSearchCreateSchema } from "@ketnoi/core/schemas/search";
import { useSearchParams } from "@solidjs/router";
import { batch, createEffect, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { SelectField, TextField } from "../../app/forms/fields";
import { communeOptions, parkOptions, sectorOptions, skillGroups } from "../../app/forms/options";
import { type FieldErrors, focusFirstError, validateWith } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { ErrorState, Loading } from "../../app/Status";
import { session } from "../../app/session/session";
import { usePageTitle } from "../../app/title";
import { createSavedSearch, type SearchParams, searchListings } from "../student/api";
import { studentMessages } from "../student/messages";
import { criteriaFromSearch, type SearchKey, searchFromUrl } from "../student/search-params";
import { ListingCard } from "./ListingCard";
import "./listings.css";

/** "Save this search": a name, checked with the API's schema (which also requires at least one criterion). */
function SaveSearch(props: { search: SearchParams }) {
  const { t } = useCatalog(studentMessages);
  const [open, setOpen] = createSignal(false);
  const [name, setName] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<ApiError>();
  const [saved, setSaved] = createSignal<string>();
  let box: HTMLFormElement | undefined;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setFailure(undefined);
    const checked = validateWith(
      SavedSearchCreateSchema,
      { name: name(), criteria: criteriaFromSearch(props.search) },
      t,
      { criteria: { field: "name", message: t("search.needCriterion") } },
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      return focusFirstError(box);
    }
    setErrors({});
    try {
      const created = await createSavedSearch(checked.value);
      batch(() => {
        setSaved(t("search.saved", { name: created.name }));
        setOpen(false);
        setName("");
      });
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  return (
    <div class="save-search">
      <Show when={saved()}>
        <p class="success" role="status">
          {saved()}
        </p>
      </Show>
      <Show
        when={open()}
        fallback={
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              setOpen(true);
              queueMicrotask(() => document.getElementById("f-saved-name")?.focus());
            }}
          >
            {t("search.save")}
          </button>
        }
      >
        <form class="form panel" ref={box} noValidate onSubmit={save}>
          <ActionError error={failure()} />
          <TextField
            name="saved-name"
            label={t("search.saveName")}
            hint={t("search.saveNameHint")}
            required
            value={name()}
            onInput={setName}
            error={errors().name}
          />
          <p class="actions">
            <button type="submit" class="button">
              {t("search.saveConfirm")}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setOpen(false)}>
              {t("form.cancel")}
            </button>
          </p>
        </form>
      </Show>
    </div>
  );
}

/**
 * `/tim-kiem`: full-text search (with or without diacritics) with filters and sort, all kept in the URL so a
 * search can be shared, bookmarked and saved. Selects apply at once; the text applies on submit, which is kinder
 * to a slow phone than searching on every keystroke.
 */
export default function Search() {
  const { t, lang } = useCatalog(studentMessages);
  const [params, setParams] = useSearchParams<Partial<Record<SearchKey, string>>>();
  const search = () => searchFromUrl(params);
  const [text, setText] = createSignal(search().q ?? "");
  const [items, setItems] = createSignal<SearchHit[]>([]);
  const [total, setTotal] = createSignal(0);
  const [allTerms, setAllTerms] = createSignal(true);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<"loading" | "ready" | "error">("loading");
  const [error, setError] = createSignal<ApiError>();
  const [more, setMore] = createSignal<"idle" | "loading" | "error">("idle");
  let generation = 0;
  usePageTitle(() => t("search.title"));

  async function run() {
    const current = ++generation;
    setStatus("loading");
    try {
      const page = await searchListings(search());
      if (current !== generation) return;
      batch(() => {
        setItems(page.items);
        setTotal(page.total);
        setAllTerms(page.matchedAllTerms);
        setCursor(page.cursor);
        setMore("idle");
        setStatus("ready");
      });
    } catch (caught) {
      if (current !== generation) return;
      batch(() => {
        setError(toApiError(caught));
        setStatus("error");
      });
    }
  }

  async function loadMore() {
    const from = cursor();
    if (!from) return;
    const current = generation;
    setMore("loading");
    try {
      const page = await searchListings({ ...search(), cursor: from });
      if (current !== generation) return;
      batch(() => {
        setItems((previous) => [...previous, ...page.items]);
        setCursor(page.cursor);
        setMore("idle");
      });
    } catch {
      if (current === generation) setMore("error");
    }
  }

  createEffect(
    on(
      () => JSON.stringify(search()),
      () => void run(),
    ),
  );
  // Back/forward or a saved-search link changes the URL: the text box follows it.
  createEffect(
    on(
      () => search().q,
      (q) => setText(q ?? ""),
    ),
  );

  const [filtersOpen, setFiltersOpen] = createSignal(false);
  const filterKeys = ["type", "sector", "skill", "commune", "industrialPark", "paid", "verifiedOnly", "sort"] as const;
  const activeFilters = () => filterKeys.filter((key) => search()[key]).length;
  const setFilter = (key: SearchKey, value: string) => setParams({ [key]: value || undefined });
  const any = () => t("search.any");
  const skillOptions = () => skillGroups(lang()).flatMap((group) => group.options);

  return (
    <>
      <h1>{t("search.title")}</h1>
      <search>
        <form
          class="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            setParams({ q: text().trim() || undefined });
          }}
        >
          <div class="search-box">
            <TextField
              name="q"
              type="search"
              label={t("search.query")}
              hint={t("search.queryHint")}
              value={text()}
              onInput={setText}
              enterkeyhint="search"
            />
            <button type="submit" class="button">
              {t("search.submit")}
            </button>
          </div>
          {/* On a phone the filters fold behind this button so the first result is near the top (listings.css hides
              the button and always shows the filters on wider screens). */}
          <button
            type="button"
            class="button button-secondary filters-toggle"
            aria-expanded={filtersOpen()}
            aria-controls="search-filters"
            onClick={() => setFiltersOpen((open) => !open)}
          >
            {activeFilters() > 0 ? t("search.filtersActive", { count: activeFilters() }) : t("search.filters")}
          </button>
          <fieldset id="search-filters" class="filters" classList={{ "filters-open": filtersOpen() }}>
            <legend>{t("search.filters")}</legend>
            <SelectField
              name="type"
              label={t("search.type")}
              value={search().type ?? ""}
              placeholder={any()}
              options={listingTypes.map((type) => ({ value: type, label: t(`listingType.${type}`) }))}
              onChange={(value) => setFilter("type", value)}
            />
            <SelectField
              name="sector"
              label={t("search.sector")}
              value={search().sector ?? ""}
              placeholder={any()}
              options={sectorOptions(lang())}
              onChange={(value) => setFilter("sector", value)}
            />
            <SelectField
              name="skill"
              label={t("search.skill")}
              value={search().skill ?? ""}
              placeholder={any()}
              options={skillOptions()}
              onChange={(value) => setFilter("skill", value)}
            />
            <SelectField
              name="commune"
              label={t("search.commune")}
              value={search().commune ?? ""}
              placeholder={any()}
              options={communeOptions}
              onChange={(value) => setFilter("commune", value)}
            />
            <SelectField
              name="industrialPark"
              label={t("search.park")}
              value={search().industrialPark ?? ""}
              placeholder={any()}
              options={parkOptions}
              onChange={(value) => setFilter("industrialPark", value)}
            />
            <SelectField
              name="paid"
              label={t("search.paid")}
              value={search().paid ?? ""}
              placeholder={any()}
              options={[
                { value: "true", label: t("search.paidYes") },
                { value: "false", label: t("search.paidNo") },
              ]}
              onChange={(value) => setFilter("paid", value)}
            />
            <label class="check filter-check">
              <input
                type="checkbox"
                name="verifiedOnly"
                checked={search().verifiedOnly === "true"}
                onChange={(event) => setFilter("verifiedOnly", event.currentTarget.checked ? "true" : "")}
              />
              <span>{t("search.verifiedOnly")}</span>
            </label>
            <SelectField
              name="sort"
              label={t("search.sort")}
              value={search().sort ?? ""}
              placeholder={t(search().q ? "search.sort.relevance" : "search.sort.newest")}
              options={(["relevance", "newest", "deadline"] as const).map((sort) => ({
                value: sort,
                label: t(`search.sort.${sort}`),
              }))}
              onChange={(value) => setFilter("sort", value)}
            />
          </fieldset>
          <p class="actions">
            <button
              type="button"
              class="button button-secondary"
              onClick={() =>
                setParams({
                  q: undefined,
                  type: undefined,
                  sector: undefined,
                  skill: undefined,
                  commune: undefined,
                  industrialPark: undefined,
                  paid: undefined,
                  verifiedOnly: undefined,
                  sort: undefined,
                })
              }
            >
              {t("search.clear")}
            </button>
          </p>
        </form>
      </search>
      <Show when={session.me()?.role === "student"}>
        <SaveSearch search={search()} />
      </Show>
      <Switch>
        <Match when={status() === "loading"}>
          <Loading />
        </Match>
        <Match when={status() === "error"}>
          <ErrorState error={error()} onRetry={() => void run()} />
        </Match>
        <Match when={status() === "ready"}>
          <p role="status" class="muted">
            {t("search.results", { count: total() })}
          </p>
          <Show when={!allTerms() && items().length > 0}>
            <p class="notice">{t("search.partial")}</p>
          </Show>
          <Show when={items().length > 0} fallback={<p class="empty">{t("search.empty")}</p>}>
            <ul class="cards">
              <For each={items()}>
                {(listing) => (
                  <li>
                    <ListingCard listing={listing} />
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={more() === "error"}>
            <p class="error-inline" role="alert">
              {t("home.loadMoreFailed")}
            </p>
          </Show>
          <Show when={cursor()}>
            <p class="more">
              <button type="button" class="button" disabled={more() === "loading"} onClick={() => void loadMore()}>
                {t(more() === "loading" ? "home.loadingMore" : "search.more")}
              </button>
            </p>
          </Show>
        </Match>
      </Switch>
    </>
  );
}
