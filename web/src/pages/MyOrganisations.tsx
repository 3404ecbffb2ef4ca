import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { Guard, orgPeople } from "../components/Guard";
import { Async } from "../components/Status";
import { usePageTitle } from "../components/title";
import { useCatalog } from "../i18n/i18n";
import { orgMessages } from "../i18n/org";
import { fetchOrganisation } from "../org/organisations";
import { VerificationBadge } from "../org/VerificationBadge";
import { session } from "../session/session";

function OrganisationList() {
  const { t, pick } = useCatalog(orgMessages);
  const memberships = () => session.me()?.memberships ?? [];
  const [orgs, { refetch }] = createResource(
    () =>
      memberships()
        .map((m) => m.orgId)
        .join(","),
    () => Promise.all(memberships().map(async (m) => ({ membership: m, org: await fetchOrganisation(m.orgId) }))),
  );
  return (
    <Async resource={orgs} onRetry={() => void refetch()}>
      {(list) => (
        <Show when={list().length > 0} fallback={<p class="empty">{t("orgs.none")}</p>}>
          <ul class="cards">
            <For each={list()}>
              {({ membership, org }) => (
                <li class="card">
                  <h2 class="card-title">
                    <A href={`/to-chuc/${org.id}`}>{pick(org.name)}</A>
                  </h2>
                  <p class="org">
                    <span class="muted">{t(`orgs.role.${membership.role}`)}</span>
                    <VerificationBadge status={org.verification} />
                  </p>
                  <p class="actions">
                    <A class="button button-small" href={`/to-chuc/${org.id}/tin`}>
                      {t("orgs.listings")}
                    </A>
                    <A class="button button-small button-secondary" href={`/to-chuc/${org.id}/thanh-vien`}>
                      {t("orgs.members")}
                    </A>
                    <A class="button button-small button-secondary" href={`/to-chuc/${org.id}/phan-bo`}>
                      {t("orgs.placement")}
                    </A>
                  </p>
                </li>
              )}
            </For>
          </ul>
        </Show>
      )}
    </Async>
  );
}

/** `/to-chuc-cua-toi`: the organisations the user acts for, and the way to register a new one. */
export default function MyOrganisations() {
  const { t } = useCatalog(orgMessages);
  usePageTitle(() => t("orgs.title"));
  return (
    <Guard audience={orgPeople}>
      {() => (
        <>
          <h1>{t("orgs.title")}</h1>
          <p class="lead">{t("orgs.intro")}</p>
          <p>
            <A class="button" href="/to-chuc/dang-ky">
              {t("orgs.register")}
            </A>
          </p>
          <OrganisationList />
        </>
      )}
    </Guard>
  );
}
