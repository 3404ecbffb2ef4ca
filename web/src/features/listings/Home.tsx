import { listingTypes } from "@ketnoi/core/catalog";
import { useSearchParams } from "@solidjs/router";
import { For, Match, Show, Switch } from "solid-js";
import { useI18n } from "../../app/i18n/i18n";
import { ErrorState, Loading } from "../../app/Status";
import { usePageTitle } from "../../app/title";
import type { ListingType } from "./api";
import { createListingFeed } from "./feed";
import { ListingCard } from "./ListingCard";
import { TypeFilter } from "./TypeFilter";

function asListingType(value: unknown): ListingType | undefined {
  return (listingTypes as readonly unknown[]).includes(value) ? (value as ListingType) : undefined;
}

/** Home: the live feed of published listings, filterable by type (kept in the URL so it can be shared). */
export default function Home() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams<{ loai?: string }>();
  const type = () => asListingType(search.loai);
  const feed = createListingFeed(type);
  usePageTitle(() => undefined);

  return (
    <>
      <h1>{t("home.title")}</h1>
      <p class="lead">{t("home.intro")}</p>
      <TypeFilter value={type()} onChange={(next) => setSearch({ loai: next })} />
      <Switch>
        <Match when={feed.status() === "loading"}>
          <Loading />
        </Match>
        <Match when={feed.status() === "error"}>
          <ErrorState error={feed.error()} onRetry={feed.retry} />
        </Match>
        <Match when={feed.items().length === 0}>
          <p class="empty">{t("home.empty")}</p>
        </Match>
        <Match when={feed.status() === "ready"}>
          <p class="visually-hidden" role="status">
            {t("home.count", { count: feed.items().length })}
          </p>
          <ul class="cards">
            <For each={feed.items()}>
              {(listing) => (
                <li>
                  <ListingCard listing={listing} />
                </li>
              )}
            </For>
          </ul>
          <Show when={feed.moreStatus() === "error"}>
            <p class="error-inline" role="alert">
              {t("home.loadMoreFailed")}
            </p>
          </Show>
          <Show when={feed.hasMore()}>
            <p class="more">
              <button
                type="button"
                class="button"
                disabled={feed.moreStatus() === "loading"}
                onClick={() => void feed.loadMore()}
              >
                {t(
                  feed.moreStatus() === "loading"
                    ? "home.loadingMore"
                    : feed.moreStatus() === "error"
                      ? "state.retry"
                      : "home.loadMore",
                )}
              </button>
            </p>
          </Show>
        </Match>
      </Switch>
    </>
  );
}
