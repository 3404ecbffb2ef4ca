import { A, useParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { can } from "../../app/can";
import { type Audience, Guard } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { usePageTitle } from "../../app/title";
import { formatDateTime } from "../listings/format";
import { fetchOrganisation } from "../org/api";
import { fetchOrganisationRounds, type OrgPlacementRound } from "./api";
import { matchingMessages } from "./messages";

/** The organisation's recruiters and staff: the rankings are the organisation's (no admin exception in the API). */
const membersActing = (orgId: string): Audience => ({
  allows: (me) => can(me, "placement:rank", { orgId }),
  who: "guard.who.org",
});

/** One round: the organisation's listings in it, each with its numbers and the way to its ranking. */
function RoundCard(props: { round: OrgPlacementRound }) {
  const { t, pick, locale } = useCatalog(matchingMessages);
  const open = () => props.round.status === "open";
  return (
    <li class="card">
      <h2 class="card-title">{props.round.title}</h2>
      <p>
        <span class="badge">{t(open() ? "placement.open" : "placement.placed")}</span>
      </p>
      <p class="deadline">
        {t("orgRounds.deadline", { date: formatDateTime(props.round.preferencesDeadline, locale()) })}
      </p>
      <ul aria-label={t("orgRounds.yourListings")}>
        <For each={props.round.listings}>
          {(listing) => (
            <li>
              <p>
                <strong>{pick(listing.title)}</strong>
              </p>
              <p>{t("orgRounds.numbers", { seats: listing.capacity, count: listing.applicants })}</p>
              <p class="muted">{t(listing.edited ? "orgRounds.edited" : "orgRounds.automatic")}</p>
              <p class="actions">
                <A
                  class="button button-small"
                  classList={{ "button-secondary": !open() }}
                  href={paths.ranking(props.round.id, listing.listingId)}
                  aria-label={t(open() ? "orgRounds.rankNamed" : "orgRounds.viewNamed", { title: pick(listing.title) })}
                >
                  {t(open() ? "orgRounds.rank" : "orgRounds.view")}
                </A>
              </p>
            </li>
          )}
        </For>
      </ul>
    </li>
  );
}

/** The page's content, for a member: read only once the guard lets them in. */
function RoundList(props: { orgId: string }) {
  const { t, pick } = useCatalog(matchingMessages);
  const [org] = createResource(
    () => props.orgId,
    (id) => fetchOrganisation(id).catch(() => undefined),
  );
  const [rounds, { refetch }] = createResource(() => props.orgId, fetchOrganisationRounds);
  const title = () => {
    const loaded = org();
    return loaded ? t("orgRounds.titleOf", { org: pick(loaded.name) }) : t("orgRounds.title");
  };
  usePageTitle(title);
  return (
    <>
      <h1>{title()}</h1>
      <p class="lead">{t("orgRounds.intro")}</p>
      <Async resource={rounds} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">{t("orgRounds.empty")}</p>}>
            <ul class="cards cards-wide">
              <For each={list()}>{(round) => <RoundCard round={round} />}</For>
            </ul>
          </Show>
        )}
      </Async>
      <p>
        <A href={paths.orgListings(props.orgId)}>{t("orgRounds.back")}</A>
      </p>
    </>
  );
}

/**
 * `/to-chuc/:id/phan-bo`: the placement rounds that include the organisation's listings, newest first, with the
 * way to each listing's ranking page. Rounds are opened by schools and the province; this is how the organisation
 * finds them.
 */
export default function OrgRounds() {
  const params = useParams<{ id: string }>();
  return <Guard audience={membersActing(params.id)}>{() => <RoundList orgId={params.id} />}</Guard>;
}
