import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { skillName } from "../../app/forms/options";
import { orgPeople } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { fetchListing } from "../listings/api";
import { majorLabel } from "../listings/format";
import { type Candidate, fetchCandidates, inviteCandidate } from "./api";
import { matchingMessages } from "./messages";

/** One suggested student, pseudonymous, with the reasons and the invite-to-apply button. */
function CandidateItem(props: { listingId: string; candidate: Candidate; onInvited: (label: string) => void }) {
  const { t, pick, lang } = useCatalog(matchingMessages);
  const [invited, setInvited] = createSignal(props.candidate.invited);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<ApiError>();
  const c = () => props.candidate;

  async function invite() {
    setBusy(true);
    setFailure(undefined);
    try {
      await inviteCandidate(props.listingId, c().candidateId);
      setInvited(true);
      props.onInvited(c().label);
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="card" aria-labelledby={`cand-${c().candidateId}`}>
      <h2 class="card-title" id={`cand-${c().candidateId}`}>
        {c().label}
      </h2>
      <p class="muted">
        {majorLabel(c().major, lang())} · {t("candidates.yearN", { count: c().year })}
      </p>
      <p>
        <strong class="badge">{t("forYou.score", { score: c().score })}</strong>
      </p>
      <p>{pick(c().explanation)}</p>
      <ul class="skills">
        <For each={c().skills}>{(skill) => <li>{skillName(skill.id, lang())}</li>}</For>
      </ul>
      <ActionError error={failure()} onReload={() => setFailure(undefined)} />
      <p class="actions">
        <Show
          when={!invited()}
          fallback={
            <button type="button" class="button button-secondary" disabled>
              {t("candidates.invited")}
            </button>
          }
        >
          <button
            type="button"
            class="button"
            disabled={busy()}
            aria-label={t("candidates.inviteFor", { label: c().label })}
            onClick={() => void invite()}
          >
            {t("candidates.invite")}
          </button>
        </Show>
      </p>
    </li>
  );
}

/** `/tin/:id/ung-vien-phu-hop`: students suited to a listing, for its organisation's members. */
export default function Candidates() {
  const { t, pick } = useCatalog(matchingMessages);
  const params = useParams<{ id: string }>();
  const [listing] = createResource(() => params.id, fetchListing);
  const [candidates, { refetch }] = createResource(
    () => params.id,
    (id) => fetchCandidates(id),
  );
  const [announcement, setAnnouncement] = createSignal("");
  return (
    <Page title={t("candidates.title")} audience={orgPeople}>
      {() => (
        <>
          <Show when={listing()}>{(l) => <p class="muted">{pick(l().title)}</p>}</Show>
          <p class="lead">{t("candidates.intro")}</p>
          <p>
            <A href={paths.applicants(params.id)}>{t("candidates.back")}</A>
          </p>
          <p class="visually-hidden" role="status">
            {announcement()}
          </p>
          <Async resource={candidates} onRetry={() => void refetch()}>
            {(list) => (
              <Show when={list().length > 0} fallback={<p class="empty">{t("candidates.empty")}</p>}>
                <ul class="cards cards-wide">
                  <For each={list()}>
                    {(candidate) => (
                      <CandidateItem
                        listingId={params.id}
                        candidate={candidate}
                        onInvited={(label) => setAnnouncement(t("candidates.invitedNow", { label }))}
                      />
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </Async>
        </>
      )}
    </Page>
  );
}
