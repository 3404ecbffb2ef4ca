import { A, useNavigate, useParams } from "@solidjs/router";
import { createResource } from "solid-js";
import { Guard, membersOf } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { justCreated, paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { usePageTitle } from "../../app/title";
import { createListing, fetchOrganisation } from "./api";
import { ListingEditor } from "./ListingEditor";
import { orgMessages } from "./messages";

function NewListing(props: { orgId: string }) {
  const { t, pick } = useCatalog(orgMessages);
  const navigate = useNavigate();
  const [org, { refetch }] = createResource(() => props.orgId, fetchOrganisation);
  return (
    <Async resource={org} onRetry={() => void refetch()}>
      {(value) => (
        <>
          <p>
            <A href={paths.orgListings(value().id)}>{t("editor.back")}</A>
          </p>
          <h1>{t("editor.newTitle")}</h1>
          <p class="lead">{pick(value().name)}</p>
          <ListingEditor
            org={{ id: value().id, name: value().name.vi, verified: value().verification === "verified" }}
            save={async (request) => {
              if (request.kind !== "create") return;
              const created = await createListing(request.input);
              navigate(paths.listingEdit(created.id) + justCreated);
            }}
          />
        </>
      )}
    </Async>
  );
}

/** `/to-chuc/:id/tin/moi`: a new listing for the organisation, saved as a draft. */
export default function ListingNew() {
  const { t } = useCatalog(orgMessages);
  const params = useParams<{ id: string }>();
  usePageTitle(() => t("editor.newTitle"));
  return <Guard audience={membersOf(params.id)}>{() => <NewListing orgId={params.id} />}</Guard>;
}
