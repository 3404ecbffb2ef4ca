import { A } from "@solidjs/router";
import { createResource, For, Match, Show, Switch } from "solid-js";
import type { ApiError } from "../../app/api/client";
import { students } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { paths } from "../../app/paths";
import { ErrorState, Loading } from "../../app/Status";
import { fetchRecommendations, type Recommendation } from "./api";
import { matchingMessages } from "./messages";

/** One recommended listing: the score, the reasons and what to learn, in the reader's language. */
function RecommendationItem(props: { item: Recommendation }) {
  const { t, pick } = useCatalog(matchingMessages);
  const listing = () => props.item.listing;
  return (
    <li class="card" aria-labelledby={`rec-${listing().id}`}>
      <h2 class="card-title" id={`rec-${listing().id}`}>
        <A href={paths.listing(listing().id)}>{pick(listing().title)}</A>
      </h2>
      <p class="muted">{listing().orgName}</p>
      <p>
        <strong class="badge">{t("forYou.score", { score: props.item.score })}</strong>
      </p>
      <h3 class="visually-hidden">{t("forYou.why")}</h3>
      <p>{pick(props.item.explanation)}</p>
      <Show when={props.item.damping < 1}>
        <p class="muted">{t("forYou.busy")}</p>
      </Show>
      <Show when={props.item.whatToLearn.length > 0}>
        <h3>{t("forYou.toLearn")}</h3>
        <ul>
          <For each={props.item.whatToLearn}>{(suggestion) => <li>{pick(suggestion)}</li>}</For>
        </ul>
      </Show>
    </li>
  );
}

function Recommendations() {
  const { t } = useCatalog(matchingMessages);
  const [items, { refetch }] = createResource(() => fetchRecommendations(20));
  const profileMissing = () => (items.error as ApiError | undefined)?.code === "profile_required";
  return (
    <Switch>
      <Match when={items.loading}>
        <Loading />
      </Match>
      <Match when={profileMissing()}>
        <p class="empty">
          {t("forYou.profileNeeded")} <A href={paths.profile()}>{t("forYou.createProfile")}</A>
        </p>
      </Match>
      <Match when={items.error as ApiError | undefined}>
        {(error) => <ErrorState error={error()} onRetry={() => void refetch()} />}
      </Match>
      <Match when={items.state === "ready" && items()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">{t("forYou.empty")}</p>}>
            <ul class="cards cards-wide">
              <For each={list()}>{(item) => <RecommendationItem item={item} />}</For>
            </ul>
          </Show>
        )}
      </Match>
    </Switch>
  );
}

/** `/danh-cho-ban`: listings recommended to the signed-in student, each with its reasons. */
export default function ForYou() {
  const { t } = useCatalog(matchingMessages);
  return (
    <Page title={t("forYou.title")} audience={students}>
      {() => (
        <>
          <p class="lead">{t("forYou.intro")}</p>
          <Recommendations />
        </>
      )}
    </Page>
  );
}
