import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { orgPeople } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { session } from "../../app/session/session";
import { fetchOrganisation } from "./api";
import { orgMessages } from "./messages";
import { VerificationBadge } from "./VerificationBadge";

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
                    <A href={paths.org(org.id)}>{pick(org.name)}</A>
                  </h2>
                  <p class="org">
                    <span class="muted">{t(`orgs.role.${membership.role}`)}</span>
                    <VerificationBadge status={org.verification} />
                  </p>
                  <p class="actions">
                    <A class="button button-small" href={paths.orgListings(org.id)}>
                      {t("orgs.listings")}
                    </A>
                    <A class="button button-small button-secondary" href={paths.members(org.id)}>
                      {t("orgs.members")}
                    </A>
                    <A class="button button-small button-secondary" href={paths.orgPlacement(org.id)}>
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
  return (
    <Page title={t("orgs.title")} audience={orgPeople}>
      {() => (
        <>
          <p class="lead">{t("orgs.intro")}</p>
          <p>
            <A class="button" href={paths.orgRegister()}>
              {t("orgs.register")}
            </A>
          </p>
          <OrganisationList />
        </>
      )}
    </Page>
  );
}
