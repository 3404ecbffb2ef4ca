import { A, useLocation, useParams } from "@solidjs/router";
import { createResource, lazy, Match, Show, Switch } from "solid-js";
import type { ApiError } from "../../app/api/client";
import { useI18n } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { session } from "../../app/session/session";
import { usePageTitle } from "../../app/title";
import { ListingView } from "./ListingView";

// Only students get the apply form, and with it the schema code: visitors and organisations never load it.
const ApplyPanel = lazy(() => import("../student/ApplyPanel"));
// Staff of a university or institute book seats for a whole class on visits they do not host.
const ClassBooking = lazy(() => import("../org/ClassBooking"));

/** What the viewer can do here: students apply or book, members manage, visitors are invited to sign in. */
function ListingActions(props: { listing: Listing }) {
  const { t } = useI18n();
  const location = useLocation();
  const me = () => session.me();
  const member = () => me()?.memberships.some((m) => m.orgId === props.listing.orgId);
  return (
    <Switch>
      <Match when={me()?.role === "student"}>
        <ApplyPanel listing={props.listing} />
      </Match>
      <Match
        when={
          me()?.role === "staff" &&
          !member() &&
          props.listing.type === "visit" &&
          props.listing.status === "published" &&
          (me()?.memberships.length ?? 0) > 0
        }
      >
        <ClassBooking listing={props.listing} />
      </Match>
      <Match when={member()}>
        <p class="actions">
          <A class="button button-secondary" href={paths.listingEdit(props.listing.id)}>
            {t("listing.edit")}
          </A>
          <Show when={props.listing.status !== "draft"}>
            <A class="button button-secondary" href={paths.applicants(props.listing.id)}>
              {t("listing.applicants")}
            </A>
            <A class="button button-secondary" href={paths.candidates(props.listing.id)}>
              {t("listing.candidates")}
            </A>
          </Show>
        </p>
      </Match>
      <Match when={!me() && session.status() !== "loading"}>
        <p>
          <A class="button" href={paths.signIn(location.pathname)}>
            {t("listing.signInToApply")}
          </A>
        </p>
      </Match>
    </Switch>
  );
}

import { fetchListing, type Listing } from "./api";

function ListingPage(props: { listing: Listing }) {
  const { pick } = useI18n();
  usePageTitle(() => pick(props.listing.title));
  return (
    <ListingView listing={props.listing} orgLink>
      <ListingActions listing={props.listing} />
    </ListingView>
  );
}

/** One listing at `/tin/:id`. */
export default function ListingDetail() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  const [listing, { refetch }] = createResource(() => params.id, fetchListing);
  return (
    <>
      <p>
        <a href="/">{t("listing.back")}</a>
      </p>
      <Show
        when={(listing.error as ApiError | undefined)?.code === "not_found" && !listing.loading}
        fallback={
          <Async resource={listing} onRetry={() => void refetch()}>
            {(value) => <ListingPage listing={value()} />}
          </Async>
        }
      >
        <p class="empty" role="alert">
          {t("listing.notFound")}
        </p>
      </Show>
    </>
  );
}
