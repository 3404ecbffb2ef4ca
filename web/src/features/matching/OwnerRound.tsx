import { createSignal, createUniqueId, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { Confirm } from "../../app/Confirm";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { formatDateTime } from "../listings/format";
import { type PlacementRoundView, reofferRound, runRound } from "./api";
import { matchingMessages } from "./messages";
import { Guarantees, useAction, useListingTitle } from "./round-parts";

type Result = NonNullable<PlacementRoundView["result"]>;

/** Students whose seat differs between two results (newly placed, or moved): what a re-offer changed. */
function movedStudents(before: Result | undefined, after: Result | undefined): number {
  const seatOf = new Map((before?.assignments ?? []).map((a) => [a.studentId, a.listingId]));
  return (after?.assignments ?? []).filter((a) => seatOf.get(a.studentId) !== a.listingId).length;
}

/**
 * The links to each listing's ranking page, where the members of its organisation rank the students who chose it.
 * They also find the round in their organisation's list of rounds; the owner may send a link to hurry them along.
 */
function RankingLinks(props: { round: PlacementRoundView }) {
  const { t, pick } = useCatalog(matchingMessages);
  const url = (listingId: string) => `${window.location.origin}${paths.ranking(props.round.id, listingId)}`;
  return (
    <details>
      <summary>{t("placement.rankingLinks")}</summary>
      <p class="hint">{t("placement.rankingLinksHint")}</p>
      <For each={props.round.listings}>
        {(l) => (
          <div class="field">
            <label for={`link-${props.round.id}-${l.listingId}`}>
              {t("placement.rankingLinkFor", { org: l.orgName, title: pick(l.title) })}
            </label>
            <input
              id={`link-${props.round.id}-${l.listingId}`}
              readOnly
              value={url(l.listingId)}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
        )}
      </For>
    </details>
  );
}

/** The owner offers seats students declined to those who wanted them more; nobody else is moved down. */
function Reoffer(props: {
  round: PlacementRoundView;
  declined: number;
  onChanged: (round: PlacementRoundView, moved: number) => void;
}) {
  const { t } = useCatalog(matchingMessages);
  const { busy, failure, act } = useAction();
  const headingId = () => `reoffer-${props.round.id}`;
  return (
    <section aria-labelledby={headingId()}>
      <h3 id={headingId()}>{t("placement.declinedSeats", { count: props.declined })}</h3>
      <p>{t("placement.reofferExplain")}</p>
      <ActionError error={failure()} />
      <p class="actions">
        <button
          type="button"
          class="button"
          disabled={busy()}
          onClick={async () => {
            const before = props.round.result;
            const updated = await act(() => reofferRound(props.round.id));
            if (updated) props.onChanged(updated, movedStudents(before, updated.result));
          }}
        >
          {t("placement.reoffer")}
        </button>
      </p>
    </section>
  );
}

/** A school's staff (or the province): a round's listings, the run button, the result and its audit record. */
/** A student's name as the API gives it to the round's owner; the id only when the profile has no name (erased). */
const nameOf = (result: { names?: Record<string, string> }, studentId: string) =>
  result.names?.[studentId] ?? studentId;

export function OwnerRound(props: {
  round: PlacementRoundView;
  schoolName: (id: string) => string;
  onChanged: (round: PlacementRoundView) => void;
}) {
  const { t, pick, locale } = useCatalog(matchingMessages);
  const { busy, failure, act } = useAction();
  const [reoffered, setReoffered] = createSignal<number>();
  const [confirmingRun, setConfirmingRun] = createSignal(false);
  const early = () => !props.round.result && Date.parse(props.round.preferencesDeadline) > Date.now();
  const titleOf = useListingTitle(() => props.round);
  const captionId = createUniqueId();
  const declined = () => props.round.result?.assignments.filter((a) => a.response?.decision === "declined").length ?? 0;
  return (
    <li class="card">
      <h2 class="card-title">{props.round.title}</h2>
      <p>
        <span class="badge">
          {t(
            props.round.status !== "open"
              ? "placement.placed"
              : early()
                ? "placement.open"
                : "placement.closedForRanking",
          )}
        </span>
        <Show when={props.round.universityIds}>
          {" "}
          <span class="badge">{t("placement.provinceWide")}</span>
        </Show>
      </p>
      <p>
        {t("placement.deadline")}: {formatDateTime(props.round.preferencesDeadline, locale())}
      </p>
      <Show when={props.round.universityIds}>
        {(ids) => <p>{t("placement.schools", { list: ids().map(props.schoolName).join(", ") })}</p>}
      </Show>
      <ul>
        <For each={props.round.listings}>
          {(l) => (
            <li>
              {pick(l.title)} · {l.orgName} · {t("placement.seats", { count: l.capacity })}
            </li>
          )}
        </For>
      </ul>
      <Show when={props.round.status === "open"}>
        <RankingLinks round={props.round} />
      </Show>
      <ActionError error={failure()} />
      <Confirm
        when={confirmingRun()}
        trigger={
          <p class="actions">
            <button type="button" class="button" disabled={busy()} onClick={() => setConfirmingRun(true)}>
              {t("placement.run")}
            </button>
          </p>
        }
        consequence={
          <>
            <p>{t(props.round.result ? "placement.runAgainConsequence" : "placement.runConsequence")}</p>
            <Show when={early()}>
              <p>
                <strong>
                  {t("placement.runEarly", { deadline: formatDateTime(props.round.preferencesDeadline, locale()) })}
                </strong>
              </p>
            </Show>
          </>
        }
        confirmLabel={t(early() ? "placement.runEarlyConfirm" : "placement.runConfirm")}
        busy={busy()}
        onCancel={() => setConfirmingRun(false)}
        onConfirm={async () => {
          // Before the deadline the API waits unless told: the owner has just read and confirmed the consequence.
          const ran = await act(() => runRound(props.round.id, early()));
          setConfirmingRun(false);
          if (ran) props.onChanged(ran);
        }}
      />
      <Show when={props.round.result}>
        {(result) => (
          <>
            <p role="status">
              {t("placement.ran", { assigned: result().assignments.length, unassigned: result().unassigned.length })}
            </p>
            <p>{t(result().stable ? "placement.stable" : "placement.unstable")}</p>
            {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset: it only makes the scroll box focusable. */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must be focusable to scroll by keyboard. */}
            <div class="table-wrap" role="group" tabIndex={0} aria-labelledby={captionId}>
              <table>
                <caption id={captionId}>{t("placement.assignments")}</caption>
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
                        <td>{nameOf(result(), a.studentId)}</td>
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
            </div>
            <p>{t("placement.unassignedList", { count: result().unassigned.length })}</p>
            <Show when={declined() > 0}>
              <Reoffer
                round={props.round}
                declined={declined()}
                onChanged={(round, moved) => {
                  setReoffered(moved);
                  props.onChanged(round);
                }}
              />
            </Show>
            <Show when={result().declined?.length ? result().declined : undefined}>
              {(declinedSeats) => (
                <>
                  <p>{t("placement.declinedOffered", { count: declinedSeats().length })}</p>
                  <details>
                    <summary>{t("placement.declinedList")}</summary>
                    <ul>
                      <For each={declinedSeats()}>
                        {(a) => (
                          <li>
                            {nameOf(result(), a.studentId)} · {titleOf(a.listingId)} ·{" "}
                            {t("placement.choiceN", { count: a.choice })}
                          </li>
                        )}
                      </For>
                    </ul>
                  </details>
                </>
              )}
            </Show>
            <p role="status">
              <Show when={reoffered() !== undefined}>{t("placement.reoffered", { count: reoffered()! })}</Show>
            </p>
            <details>
              <summary>{t("placement.audit")}</summary>
              {/* 64-character hashes would widen a phone screen: let them wrap anywhere. */}
              <dl style={{ "overflow-wrap": "anywhere" }}>
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
