import type { Me } from "@ketnoi/core";
import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { signedIn } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { fetchOrganisation } from "../org/api";
import {
  fetchRound,
  fetchRounds,
  fetchSchools,
  type PlacementRoundView,
  respondToAssignment,
  savePreferences,
} from "./api";
import { CreateRound, type RoundOwner } from "./CreateRound";
import { matchingMessages } from "./messages";
import { OwnerRound } from "./OwnerRound";
import { ReorderList } from "./ReorderList";
import { Guarantees, useAction } from "./round-parts";

/**
 * Student: takes or declines the seat the round gave them, once; then shows the answer given. A re-offer may move
 * the student between reading the round and answering (409 `version_conflict`): they reload the round and answer
 * the seat they now hold.
 */
function AnswerAssignment(props: { round: PlacementRoundView; onChanged: (round: PlacementRoundView) => void }) {
  const { t } = useCatalog(matchingMessages);
  const { busy, failure, act } = useAction();
  const answer = async (decision: "confirmed" | "declined") => {
    const updated = await act(() => respondToAssignment(props.round.id, decision));
    if (updated) props.onChanged(updated);
  };
  const reload = async () => {
    const fresh = await act(() => fetchRound(props.round.id));
    if (fresh) props.onChanged(fresh);
  };
  return (
    <Show
      when={props.round.mine?.assignment?.response}
      fallback={
        <>
          <p>{t("placement.respondPrompt")}</p>
          <ActionError
            error={failure()}
            onReload={() => void reload()}
            extra={{ version_conflict: t("placement.seatChanged") }}
          />
          <p class="actions">
            <button type="button" class="button" disabled={busy()} onClick={() => void answer("confirmed")}>
              {t("placement.confirm")}
            </button>
            <button
              type="button"
              class="button button-secondary"
              disabled={busy()}
              onClick={() => void answer("declined")}
            >
              {t("placement.decline")}
            </button>
          </p>
        </>
      }
    >
      {(response) => (
        <p role="status">{t(response().decision === "confirmed" ? "placement.confirmed" : "placement.declined")}</p>
      )}
    </Show>
  );
}

/** Student: ranks the round's listings (while open) and sees their own outcome. */
function StudentRound(props: { round: PlacementRoundView; onChanged: (round: PlacementRoundView) => void }) {
  const { t, pick } = useCatalog(matchingMessages);
  const [choices, setChoices] = createSignal<string[]>(props.round.mine?.choices ?? []);
  const [saved, setSaved] = createSignal(false);
  const { busy, failure, act } = useAction();
  // Several organisations post listings with the same title: name each with its organisation.
  const labelOf = (listingId: string) => {
    const listing = props.round.listings.find((l) => l.listingId === listingId);
    return listing ? `${pick(listing.title)} · ${listing.orgName}` : listingId;
  };
  const open = () => props.round.status === "open";
  const headingId = () => `choices-${props.round.id}`;
  let heading: HTMLHeadingElement | undefined;
  const change = (next: string[]) => {
    setSaved(false);
    setChoices(next);
  };
  return (
    <li class="card">
      <h2 class="card-title">{props.round.title}</h2>
      <Show when={props.round.mine?.outcome}>
        {(outcome) => (
          <p class="notice" role="status">
            {outcome() === "assigned"
              ? t("placement.outcomeAssigned", {
                  title: labelOf(props.round.mine!.assignment!.listingId),
                  choice: props.round.mine!.assignment!.choice,
                })
              : t("placement.outcomeUnassigned")}
          </p>
        )}
      </Show>
      <Show when={props.round.mine?.assignment}>
        <AnswerAssignment round={props.round} onChanged={props.onChanged} />
      </Show>
      <h3 id={headingId()} tabIndex={-1} ref={heading}>
        {t("placement.myChoices")}
      </h3>
      <Show when={choices().length === 0}>
        <p class="muted">{t("placement.noChoices")}</p>
      </Show>
      <ReorderList
        items={choices()}
        label={t("placement.myChoices")}
        nameOf={labelOf}
        editable={open()}
        onChange={change}
        actions={(id) => (
          <button
            type="button"
            class="button button-small button-secondary"
            onClick={() => {
              change(choices().filter((c) => c !== id));
              heading?.focus();
            }}
          >
            {t("placement.remove", { title: labelOf(id) })}
          </button>
        )}
      >
        {(id) => <span>{labelOf(id)}</span>}
      </ReorderList>
      <Show when={open()} fallback={<p class="muted">{t("placement.closed")}</p>}>
        <h3>{t("placement.otherListings")}</h3>
        <ul>
          <For each={props.round.listings.filter((l) => !choices().includes(l.listingId))}>
            {(l) => (
              <li>
                {labelOf(l.listingId)}{" "}
                <button
                  type="button"
                  class="button button-small"
                  aria-label={t("placement.addNamed", { title: labelOf(l.listingId) })}
                  onClick={() => change([...choices(), l.listingId])}
                >
                  {t("placement.add")}
                </button>
              </li>
            )}
          </For>
        </ul>
        <ActionError error={failure()} />
        <button
          type="button"
          class="button"
          disabled={busy()}
          onClick={async () => {
            const updated = await act(() => savePreferences(props.round.id, choices()));
            if (updated) {
              setSaved(true);
              props.onChanged(updated);
            }
          }}
        >
          {t("placement.save")}
        </button>
        <p role="status">
          <Show when={saved()}>{t("placement.saved")}</Show>
        </p>
      </Show>
      <Guarantees round={props.round} />
    </li>
  );
}

/** Names of the schools of province-wide rounds, for their owners (ids until the list arrives). */
function useSchoolNames(wanted: () => boolean) {
  const { pick } = useCatalog(matchingMessages);
  const [schools] = createResource(wanted, () => fetchSchools().catch(() => []));
  return (id: string) => {
    const school = schools()?.find((s) => s.id === id);
    return school ? pick(school.name) : id;
  };
}

/**
 * Recruiters and organisation staff: each of their organisations' list of the rounds its listings are in, where
 * they rank the students who chose them.
 */
function OrganisationRounds(props: { me: Me }) {
  const { t, pick } = useCatalog(matchingMessages);
  const [names] = createResource(
    () => props.me.memberships,
    (memberships) =>
      Promise.all(
        memberships.map((m) =>
          fetchOrganisation(m.orgId)
            .then((org) => pick(org.name))
            .catch(() => m.orgId),
        ),
      ),
  );
  return (
    <section aria-labelledby="org-rounds">
      <h2 id="org-rounds">{t("placement.orgRounds")}</h2>
      <p>{t("placement.forOrganisations")}</p>
      <ul>
        <For each={props.me.memberships}>
          {(membership, i) => (
            <li>
              <A href={paths.orgPlacement(membership.orgId)}>
                {t("placement.orgRoundsOf", { org: names()?.[i()] ?? membership.orgId })}
              </A>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function Rounds(props: { me: Me }) {
  const { t } = useCatalog(matchingMessages);
  const [rounds, { refetch }] = createResource(fetchRounds);
  // Rounds opened or changed on this page. Kept beside the fetched list rather than written into it: rewriting
  // the resource would rebuild every card and lose its focus and messages.
  const [opened, setOpened] = createSignal<PlacementRoundView[]>([]);
  const [changed, setChanged] = createSignal<Record<string, PlacementRoundView>>({});
  const replace = (round: PlacementRoundView) => setChanged({ ...changed(), [round.id]: round });
  const roundOf = (id: string) =>
    changed()[id] ?? opened().find((r) => r.id === id) ?? (rounds() ?? []).find((r) => r.id === id)!;
  const owner = (): RoundOwner | undefined => {
    if (props.me.role === "province") return { province: true };
    const school = props.me.memberships[0]?.orgId;
    return props.me.role === "staff" && school ? { universityId: school } : undefined;
  };
  const schoolName = useSchoolNames(() => props.me.role === "province");
  return (
    <>
      <Show when={owner()}>
        {(who) => <CreateRound owner={who()} onCreated={(round) => setOpened([round, ...opened()])} />}
      </Show>
      <Async resource={rounds} onRetry={() => void refetch()}>
        {(list) => {
          const ids = () => [...opened(), ...list()].map((r) => r.id);
          return (
            <Show when={ids().length > 0} fallback={<p class="empty">{t("placement.none")}</p>}>
              <ul class="cards cards-wide">
                <For each={ids()}>
                  {(id) =>
                    props.me.role === "student" ? (
                      <StudentRound round={roundOf(id)} onChanged={replace} />
                    ) : (
                      <OwnerRound round={roundOf(id)} schoolName={schoolName} onChanged={replace} />
                    )
                  }
                </For>
              </ul>
            </Show>
          );
        }}
      </Async>
    </>
  );
}

/**
 * `/phan-bo`: a school's staff, or the province across schools, open and run placement rounds; students rank
 * listings and see their outcome. Recruiters and organisation staff are pointed to their organisations' lists of
 * the rounds their listings are in, where they rank the applicants.
 */
export default function PlacementPage() {
  const { t } = useCatalog(matchingMessages);
  return (
    <Page title={t("placement.title")} audience={signedIn}>
      {(me) => (
        <>
          <p class="lead">{t("placement.intro")}</p>
          <Show when={me.role !== "recruiter"}>
            <Rounds me={me} />
          </Show>
          <Show when={me.role === "recruiter" || me.role === "staff"}>
            <OrganisationRounds me={me} />
          </Show>
        </>
      )}
    </Page>
  );
}
