import { sectors } from "@ketnoi/core/catalog";
import { communes, industrialParks } from "@ketnoi/core/places";
import { A, useParams, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, type JSX, Show } from "solid-js";
import type { ApiError } from "../../app/api/client";
import { can } from "../../app/can";
import { placeLine } from "../../app/format";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { session } from "../../app/session/session";
import { usePageTitle } from "../../app/title";
import { fetchOrganisation, type Organisation, updateOrganisation } from "./api";
import { orgMessages } from "./messages";
import { OrganisationForm, organisationEdit } from "./OrganisationForm";
import { VerificationBadge } from "./VerificationBadge";

function Fact(props: { label: string; children: JSX.Element }) {
  return (
    <div class="fact">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function Profile(props: { org: Organisation; onSaved: (org: Organisation) => void }) {
  const { t, lang, pick } = useCatalog(orgMessages);
  const [search] = useSearchParams<{ moi?: string }>();
  const [editing, setEditing] = createSignal(false);
  const org = () => props.org;
  const membership = () => session.me()?.memberships.find((m) => m.orgId === org().id);
  const canEdit = () => can(session.me(), "organisation:update", { orgId: org().id });
  const place = () =>
    placeLine(org().address, [
      industrialParks.find((p) => p.id === org().industrialParkId)?.name,
      communes.find((c) => c.id === org().communeId)?.name,
    ]);
  usePageTitle(() => pick(org().name));

  return (
    <>
      <Show when={search.moi && org().verification === "pending"}>
        <p class="success" role="status">
          {t("org.register.done")}
        </p>
      </Show>
      <h1>{pick(org().name)}</h1>
      <p class="org">
        <span>{t(`orgKind.${org().kind}`)}</span>
        <VerificationBadge status={org().verification} />
      </p>
      <Show when={membership() && org().verification === "pending"}>
        <p class="notice">{t("org.profile.pendingNote")}</p>
      </Show>
      <Show when={org().verification === "rejected" && org().verificationReason}>
        {(reason) => <p class="notice">{t("org.profile.rejectedNote", { reason: reason() })}</p>}
      </Show>
      <Show when={membership() || session.me()?.role === "admin"}>
        <p class="actions">
          <A class="button" href={paths.orgListings(org().id)}>
            {t("orgs.listings")}
          </A>
          <A class="button button-secondary" href={paths.members(org().id)}>
            {t("orgs.members")}
          </A>
          <Show when={org().kind === "university" || org().kind === "institute"}>
            <A class="button button-secondary" href={paths.enrolments(org().id)}>
              {t("enrolments.link")}
            </A>
          </Show>
          <Show when={canEdit() && !editing()}>
            <button type="button" class="button button-secondary" onClick={() => setEditing(true)}>
              {t("org.profile.edit")}
            </button>
          </Show>
        </p>
      </Show>
      <Show
        when={editing()}
        fallback={
          <>
            <Show when={org().description}>{(d) => <p class="description">{pick(d())}</p>}</Show>
            <dl class="facts">
              <Show when={org().sectors.length > 0}>
                <Fact label={t("org.profile.sectors")}>
                  {org()
                    .sectors.map((s) => sectors[s][lang()])
                    .join(", ")}
                </Fact>
              </Show>
              <Fact label={t("org.profile.address")}>{place()}</Fact>
              <Show when={org().website}>
                {(url) => (
                  <Fact label={t("org.profile.website")}>
                    <a href={url()} rel="noopener noreferrer" target="_blank">
                      {url()}
                    </a>
                  </Fact>
                )}
              </Show>
              <Show when={org().contactEmail}>
                {(email) => (
                  <Fact label={t("org.profile.contact")}>
                    <a href={`mailto:${email()}`}>{email()}</a>
                  </Fact>
                )}
              </Show>
            </dl>
          </>
        }
      >
        <h2>{t("org.profile.editTitle")}</h2>
        <OrganisationForm
          initial={org()}
          submitLabel={t("form.save")}
          onCancel={() => setEditing(false)}
          submit={async (input) => {
            const saved = await updateOrganisation(org().id, {
              ...organisationEdit(input, org()),
              version: org().version,
            });
            props.onSaved(saved);
            setEditing(false);
          }}
        />
      </Show>
    </>
  );
}

/** `/to-chuc/:id`: an organisation's profile with its verification state; members get their tools here. */
export default function OrgProfile() {
  const { t } = useCatalog(orgMessages);
  const params = useParams<{ id: string }>();
  const [org, { refetch, mutate }] = createResource(() => params.id, fetchOrganisation);
  return (
    <Show
      when={(org.error as ApiError | undefined)?.code === "not_found" && !org.loading}
      fallback={
        <Async resource={org} onRetry={() => void refetch()}>
          {(value) => <Profile org={value()} onSaved={(saved) => mutate(saved)} />}
        </Async>
      }
    >
      <p class="empty" role="alert">
        {t("org.profile.notFound")}
      </p>
    </Show>
  );
}
