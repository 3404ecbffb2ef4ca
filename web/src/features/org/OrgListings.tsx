import type { ListingStatus } from "@ketnoi/core";
import { canTransitionListing } from "@ketnoi/core/catalog";
import { A, useParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ActionError } from "../../app/ActionError";
import { ApiError, toApiError } from "../../app/api/client";
import { Guard, membersOf } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { usePageTitle } from "../../app/title";
import type { Listing } from "../listings/api";
import { formatDate } from "../listings/format";
import { TypeTag } from "../listings/ListingCard";
import { fetchOrganisation, fetchOrganisationListings, patchListing } from "./api";
import { type OrgKey, orgMessages } from "./messages";
import { VerificationBadge } from "./VerificationBadge";

/** The status moves offered on a listing, in the order a recruiter thinks of them. */
const moves: Array<{ to: ListingStatus; label: (from: ListingStatus) => OrgKey; done: OrgKey }> = [
  { to: "published", label: (from) => (from === "closed" ? "mine.republish" : "mine.publish"), done: "mine.published" },
  { to: "closed", label: () => "mine.close", done: "mine.closed" },
  { to: "archived", label: () => "mine.archive", done: "mine.archived" },
];

function ListingRows(props: { orgId: string }) {
  const { t, pick, locale } = useCatalog(orgMessages);
  const [data, { refetch }] = createResource(
    () => props.orgId,
    async (orgId) => {
      const [org, listings] = await Promise.all([fetchOrganisation(orgId), fetchOrganisationListings(orgId)]);
      return { org, listings };
    },
  );
  // A store reconciled by id: after a move only that card changes, so focus stays on the button just pressed.
  const [listings, setListings] = createStore<Listing[]>([]);
  createEffect(() => {
    const loaded = data();
    if (loaded) setListings(reconcile(loaded.listings, { key: "id" }));
  });
  const [busy, setBusy] = createSignal<string>();
  const [failure, setFailure] = createSignal<ApiError>();
  const [done, setDone] = createSignal<string>();
  usePageTitle(() => {
    const org = data.latest?.org;
    return org ? t("mine.title", { org: pick(org.name) }) : t("nav.orgListings");
  });

  async function move(listing: Listing, to: ListingStatus, doneKey: OrgKey) {
    setBusy(listing.id);
    setFailure(undefined);
    setDone(undefined);
    try {
      const updated = await patchListing(listing.id, { status: to, version: listing.version });
      setListings((l) => l.id === updated.id, updated);
      setDone(t(doneKey, { title: pick(updated.title) }));
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Async resource={data} onRetry={() => void refetch()}>
      {(data) => {
        const org = () => data().org;
        return (
          <>
            <h1>{t("mine.title", { org: pick(org().name) })}</h1>
            <p class="org">
              <VerificationBadge status={org().verification} />
            </p>
            <p class="lead">{t("mine.intro")}</p>
            <Show when={org().verification !== "verified"}>
              <p class="notice" id="unverified-hint">
                {t("mine.unverifiedHint")}
              </p>
            </Show>
            <p class="actions">
              <A class="button" href={paths.listingNew(org().id)}>
                {t("mine.new")}
              </A>
              <A class="button button-secondary" href={paths.orgPlacement(org().id)}>
                {t("orgs.placement")}
              </A>
            </p>
            <Show when={done()}>
              <p class="success" role="status">
                {done()}
              </p>
            </Show>
            <ActionError
              error={failure()}
              onReload={() => {
                setFailure(undefined);
                void refetch();
              }}
            />
            <Show when={listings.length > 0} fallback={<p class="empty">{t("mine.empty")}</p>}>
              <ul class="cards">
                <For each={listings}>
                  {(listing) => (
                    <li class="card">
                      <p class="card-top">
                        <TypeTag type={listing.type} />
                        <span class={`badge status-${listing.status}`}>{t(`listingStatus.${listing.status}`)}</span>
                      </p>
                      <h2 class="card-title">
                        <A href={paths.listing(listing.id)}>{pick(listing.title)}</A>
                      </h2>
                      <p class="deadline">{t("listing.deadline", { date: formatDate(listing.deadline, locale()) })}</p>
                      <fieldset class="actions action-group">
                        <legend class="visually-hidden">{t("mine.actionsFor", { title: pick(listing.title) })}</legend>
                        <A class="button button-small button-secondary" href={paths.listingEdit(listing.id)}>
                          {t("mine.edit")}
                        </A>
                        <For
                          each={moves.filter(
                            (m) => m.to !== listing.status && canTransitionListing(listing.status, m.to),
                          )}
                        >
                          {(m) => (
                            <button
                              type="button"
                              class="button button-small"
                              classList={{ "button-secondary": m.to !== "published" }}
                              disabled={busy() === listing.id}
                              // Kept focusable when the organisation is unverified, so pressing it explains why.
                              aria-disabled={
                                m.to === "published" && org().verification !== "verified" ? "true" : undefined
                              }
                              aria-describedby={
                                m.to === "published" && org().verification !== "verified"
                                  ? "unverified-hint"
                                  : undefined
                              }
                              onClick={() =>
                                m.to === "published" && org().verification !== "verified"
                                  ? setFailure(new ApiError("organisation_unverified", "", 403))
                                  : void move(listing, m.to, m.done)
                              }
                            >
                              {t(m.label(listing.status))}
                            </button>
                          )}
                        </For>
                        <Show when={listing.status !== "draft"}>
                          <A class="button button-small button-secondary" href={paths.applicants(listing.id)}>
                            {t("mine.applicants")}
                          </A>
                          <A class="button button-small button-secondary" href={paths.candidates(listing.id)}>
                            {t("listing.candidates")}
                          </A>
                        </Show>
                        <Show when={listing.type === "visit" && listing.status !== "draft"}>
                          <A class="button button-small button-secondary" href={paths.hostBookings(listing.id)}>
                            {t("mine.bookings")}
                          </A>
                        </Show>
                      </fieldset>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        );
      }}
    </Async>
  );
}

/** `/to-chuc/:id/tin`: all of an organisation's listings with their status and actions, for its members. */
export default function OrgListings() {
  const params = useParams<{ id: string }>();
  return <Guard audience={membersOf(params.id)}>{() => <ListingRows orgId={params.id} />}</Guard>;
}
