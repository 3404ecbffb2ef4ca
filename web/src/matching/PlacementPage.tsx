import type { Me } from "@ketnoi/core";
import { createResource, createSignal, For, Show } from "solid-js";
import { type ApiError, toApiError } from "../api/client";
import { ActionError } from "../components/ActionError";
import { Guard, signedIn } from "../components/Guard";
import { Async } from "../components/Status";
import { usePageTitle } from "../components/title";
import { useCatalog } from "../i18n/i18n";
import {
  createRound,
  fetchPublishedListings,
  fetchRounds,
  type PlacementRoundView,
  respondToAssignment,
  runRound,
  savePreferences,
} from "./api";
import { matchingMessages } from "./messages";

/** What the round guarantees, in the reader's language (stable ≠ everyone's first choice). */
function Guarantees(props: { round: PlacementRoundView }) {
  const { lang } = useCatalog(matchingMessages);
  const text = () => props.round.guarantees[lang()];
  return (
    <section class="notice">
      <h3>{text().title}</h3>
      <ul>
        <For each={text().points}>{(point) => <li>{point}</li>}</For>
      </ul>
    </section>
  );
}

/** Runs a result through `setBusy`/`setFailure` so each action button reports its own error. */
function useAction() {
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<ApiError>();
  async function act<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setFailure(undefined);
    try {
      return await work();
    } catch (error) {
      setFailure(toApiError(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, failure, act };
}

/** Staff: a round's listings, the run button, the result and its audit record. */
function OwnerRound(props: { round: PlacementRoundView; onChanged: (round: PlacementRoundView) => void }) {
  const { t, pick } = useCatalog(matchingMessages);
  const { busy, failure, act } = useAction();
  const titleOf = (listingId: string) => {
    const listing = props.round.listings.find((l) => l.listingId === listingId);
    return listing ? pick(listing.title) : listingId;
  };
  return (
    <li class="card">
      <h2 class="card-title">{props.round.title}</h2>
      <p class="badge">{t(props.round.status === "open" ? "placement.open" : "placement.placed")}</p>
      <ul>
        <For each={props.round.listings}>
          {(l) => (
            <li>
              {pick(l.title)} · {l.orgName} · {l.capacity}
            </li>
          )}
        </For>
      </ul>
      <ActionError error={failure()} />
      <p class="actions">
        <button
          type="button"
          class="button"
          disabled={busy()}
          onClick={async () => {
            const ran = await act(() => runRound(props.round.id));
            if (ran) props.onChanged(ran);
          }}
        >
          {t("placement.run")}
        </button>
      </p>
      <Show when={props.round.result}>
        {(result) => (
          <>
            <p role="status">
              {t("placement.ran", { assigned: result().assignments.length, unassigned: result().unassigned.length })}
            </p>
            <p>{t(result().stable ? "placement.stable" : "placement.unstable")}</p>
            <table>
              <caption>{t("placement.assignments")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("placement.student")}</th>
                  <th scope="col">{t("placement.listing")}</th>
                  <th scope="col">#</th>
                  <th scope="col">{t("placement.response")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={result().assignments}>
                  {(a) => (
                    <tr>
                      <td>{a.studentId}</td>
                      <td>{titleOf(a.listingId)}</td>
                      <td>{t("placement.choiceN", { count: a.choice })}</td>
                      <td>
                        {t(
                          a.response?.decision === "confirmed"
                            ? "placement.responseConfirmed"
                            : a.response?.decision === "declined"
                              ? "placement.responseDeclined"
                              : "placement.responsePending",
                        )}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <p>{t("placement.unassignedList", { count: result().unassigned.length })}</p>
            <details>
              <summary>{t("placement.audit")}</summary>
              <dl>
                <dt>{t("placement.inputsHash")}</dt>
                <dd>
                  <code>{result().audit.inputsHash}</code>
                </dd>
                <dt>{t("placement.resultHash")}</dt>
                <dd>
                  <code>{result().audit.resultHash}</code>
                </dd>
                <dt>{t("placement.seed")}</dt>
                <dd>
                  <code>{result().audit.seed}</code>
                </dd>
              </dl>
            </details>
          </>
        )}
      </Show>
      <Guarantees round={props.round} />
    </li>
  );
}

/** Staff: opens a round with chosen published listings and their seats. */
function CreateRound(props: { universityId: string; onCreated: (round: PlacementRoundView) => void }) {
  const { t, pick } = useCatalog(matchingMessages);
  const [listings] = createResource(fetchPublishedListings);
  const [title, setTitle] = createSignal("");
  const [deadline, setDeadline] = createSignal("");
  const [seats, setSeats] = createSignal<Record<string, number>>({});
  const { busy, failure, act } = useAction();
  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const chosen = Object.entries(seats())
      .filter(([, capacity]) => capacity > 0)
      .map(([listingId, capacity]) => ({ listingId, capacity }));
    const created = await act(() =>
      createRound({
        universityId: props.universityId,
        title: title(),
        listings: chosen,
        preferencesDeadline: new Date(deadline() || Date.now() + 14 * 86_400_000).toISOString(),
      }),
    );
    if (created) props.onCreated(created);
  }
  return (
    <form class="card" onSubmit={(e) => void submit(e)}>
      <h2>{t("placement.create")}</h2>
      <label>
        {t("placement.roundTitle")}
        <input required minLength={3} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        {t("placement.deadline")}
        <input type="datetime-local" value={deadline()} onInput={(e) => setDeadline(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t("placement.pickListings")}</legend>
        <Async resource={listings} onRetry={() => undefined}>
          {(items) => (
            <For each={items.filter((l) => l.type !== "visit")}>
              {(l) => (
                <label>
                  {pick(l.title)} · {l.orgName}
                  <input
                    type="number"
                    min="0"
                    max="50"
                    value={seats()[l.id] ?? 0}
                    aria-label={t("placement.capacityOf", { title: pick(l.title) })}
                    onInput={(e) => setSeats({ ...seats(), [l.id]: Number(e.currentTarget.value) })}
                  />
                </label>
              )}
            </For>
          )}
        </Async>
      </fieldset>
      <ActionError error={failure()} />
      <button type="submit" class="button" disabled={busy()}>
        {t("placement.create")}
      </button>
    </form>
  );
}

/** Student: takes or declines the seat the round gave them, once; then shows the answer given. */
function AnswerAssignment(props: { round: PlacementRoundView; onChanged: (round: PlacementRoundView) => void }) {
  const { t } = useCatalog(matchingMessages);
  const { busy, failure, act } = useAction();
  const answer = async (decision: "confirmed" | "declined") => {
    const updated = await act(() => respondToAssignment(props.round.id, decision));
    if (updated) props.onChanged(updated);
  };
  return (
    <Show
      when={props.round.mine?.assignment?.response}
      fallback={
        <>
          <p>{t("placement.respondPrompt")}</p>
          <ActionError error={failure()} />
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
  const titleOf = (listingId: string) => {
    const listing = props.round.listings.find((l) => l.listingId === listingId);
    return listing ? pick(listing.title) : listingId;
  };
  const open = () => props.round.status === "open";
  const moveUp = (i: number) => {
    const next = [...choices()];
    [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
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
                  title: titleOf(props.round.mine!.assignment!.listingId),
                  choice: props.round.mine!.assignment!.choice,
                })
              : t("placement.outcomeUnassigned")}
          </p>
        )}
      </Show>
      <Show when={props.round.mine?.assignment}>
        <AnswerAssignment round={props.round} onChanged={props.onChanged} />
      </Show>
      <h3>{t("placement.myChoices")}</h3>
      <ol>
        <For each={choices()}>
          {(id, i) => (
            <li>
              {titleOf(id)}
              <Show when={open()}>
                <Show when={i() > 0}>
                  <button type="button" class="button button-small button-secondary" onClick={() => moveUp(i())}>
                    <span aria-hidden="true">↑</span>
                    <span class="visually-hidden">{t("placement.up", { title: titleOf(id) })}</span>
                  </button>
                </Show>
                <button
                  type="button"
                  class="button button-small button-secondary"
                  onClick={() => setChoices(choices().filter((c) => c !== id))}
                >
                  {t("placement.remove", { title: titleOf(id) })}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <Show when={open()} fallback={<p class="muted">{t("placement.closed")}</p>}>
        <ul>
          <For each={props.round.listings.filter((l) => !choices().includes(l.listingId))}>
            {(l) => (
              <li>
                {pick(l.title)} · {l.orgName}{" "}
                <button
                  type="button"
                  class="button button-small"
                  onClick={() => setChoices([...choices(), l.listingId])}
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
        <Show when={saved()}>
          <p role="status">{t("placement.saved")}</p>
        </Show>
      </Show>
      <Guarantees round={props.round} />
    </li>
  );
}

function Rounds(props: { me: Me }) {
  const { t } = useCatalog(matchingMessages);
  const [rounds, { refetch, mutate }] = createResource(fetchRounds);
  const replace = (round: PlacementRoundView) =>
    mutate((list) => (list ?? []).map((r) => (r.id === round.id ? { ...r, ...round } : r)));
  const school = () => props.me.memberships[0]?.orgId;
  return (
    <>
      <Show when={props.me.role === "staff" && school()}>
        {(universityId) => (
          <CreateRound
            universityId={universityId()}
            onCreated={(round) => mutate((list) => [round, ...(list ?? [])])}
          />
        )}
      </Show>
      <Async resource={rounds} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p class="empty">{t("placement.none")}</p>}>
            <ul class="cards cards-wide">
              <For each={list}>
                {(round) =>
                  props.me.role === "student" ? (
                    <StudentRound round={round} onChanged={replace} />
                  ) : (
                    <OwnerRound round={round} onChanged={replace} />
                  )
                }
              </For>
            </ul>
          </Show>
        )}
      </Async>
    </>
  );
}

/** `/phan-bo`: a school's staff open and run placement rounds; its students rank listings and see their outcome. */
export default function PlacementPage() {
  const { t } = useCatalog(matchingMessages);
  usePageTitle(() => t("placement.title"));
  return (
    <Guard audience={signedIn}>
      {(me) => (
        <>
          <h1>{t("placement.title")}</h1>
          <p class="lead">{t("placement.intro")}</p>
          <Rounds me={me} />
        </>
      )}
    </Guard>
  );
}
