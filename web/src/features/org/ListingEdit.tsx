import { A, useParams, useSearchParams } from "@solidjs/router";
import { createComputed, createResource, createSignal, on, Show } from "solid-js";
import { Guard, membersOf } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { usePageTitle } from "../../app/title";
import { fetchListing, type Listing } from "../listings/api";
import { fetchOrganisation, patchListing } from "./api";
import { ListingEditor } from "./ListingEditor";
import { orgMessages } from "./messages";

function EditListing(props: { listing: Listing; onReload: () => void }) {
  const { t, pick } = useCatalog(orgMessages);
  const [search] = useSearchParams<{ moi?: string }>();
  const [listing, setListing] = createSignal(props.listing);
  // A reload (after a version conflict) brings the stored listing: the editor below is keyed on its version, so it
  // starts over from it while this page, its heading and notice stay mounted.
  createComputed(on(() => props.listing, setListing, { defer: true }));
  const [notice, setNotice] = createSignal<string | undefined>(search.moi ? t("editor.created") : undefined);
  const [org] = createResource(() => props.listing.orgId, fetchOrganisation);
  usePageTitle(() => `${t("editor.editTitle")}: ${pick(listing().title)}`);
  return (
    <Guard audience={membersOf(props.listing.orgId)}>
      {() => (
        <>
          <p>
            <A href={paths.orgListings(listing().orgId)}>{t("editor.back")}</A>
          </p>
          <h1>{t("editor.editTitle")}</h1>
          <p class="lead">
            {pick(listing().title)} ·{" "}
            <span class={`badge status-${listing().status}`}>
              {t("editor.status", { status: t(`listingStatus.${listing().status}`) })}
            </span>
          </p>
          <Show when={listing().version} keyed>
            <ListingEditor
              org={{
                id: listing().orgId,
                name: listing().orgName,
                verified: org()?.verification === "verified" || listing().orgVerified,
              }}
              listing={listing()}
              notice={notice()}
              onReload={props.onReload}
              save={async (request) => {
                if (request.kind !== "update") return;
                const saved = await patchListing(listing().id, request.patch);
                setNotice(t(request.publishing ? "editor.publishedNow" : "editor.saved"));
                setListing(saved);
              }}
            />
          </Show>
        </>
      )}
    </Guard>
  );
}

/** `/tin/:id/sua`: edit a listing (any status) with optimistic concurrency, or save and publish it. */
export default function ListingEdit() {
  const params = useParams<{ id: string }>();
  const [listing, { refetch }] = createResource(() => params.id, fetchListing);
  return (
    <Async resource={listing} onRetry={() => void refetch()}>
      {(value) => <EditListing listing={value()} onReload={() => void refetch()} />}
    </Async>
  );
}
