import { A, useNavigate, useParams } from "@solidjs/router";
import { createResource } from "solid-js";
import { Guard, membersOf } from "../components/Guard";
import { Async } from "../components/Status";
import { usePageTitle } from "../components/title";
import { useCatalog } from "../i18n/i18n";
import { orgMessages } from "../i18n/org";
import { ListingEditor } from "../org/ListingEditor";
import { createListing, fetchOrganisation } from "../org/organisations";

function NewListing(props: { orgId: string }) {
  const { t, pick } = useCatalog(orgMessages);
  const navigate = useNavigate();
  const [org, { refetch }] = createResource(() => props.orgId, fetchOrganisation);
  return (
    <Async resource={org} onRetry={() => void refetch()}>
      {(value) => (
        <>
          <p>
            <A href={`/to-chuc/${value().id}/tin`}>{t("editor.back")}</A>
          </p>
          <h1>{t("editor.newTitle")}</h1>
          <p class="lead">{pick(value().name)}</p>
          <ListingEditor
            org={{ id: value().id, name: value().name.vi, verified: value().verification === "verified" }}
            save={async (request) => {
              if (request.kind !== "create") return;
              const created = await createListing(request.input);
              navigate(`/tin/${created.id}/sua?moi=1`);
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
