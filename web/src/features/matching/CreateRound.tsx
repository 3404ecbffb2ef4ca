import { foldVietnamese } from "@ketnoi/core/text";
import { deadlinePassed, roundDeadlineProblems, vietnamInstant } from "@ketnoi/core/time";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { CheckboxGroup, TextField } from "../../app/forms/fields";
import { timeErrors } from "../../app/forms/time-rules";
import { useCatalog } from "../../app/i18n/i18n";
import { Async } from "../../app/Status";
import { formatDate } from "../listings/format";
import { createRound, fetchPublishedListings, fetchSchools, type PlacementRoundView } from "./api";
import { matchingMessages } from "./messages";
import { useAction } from "./round-parts";

/** Who opens the round: a school's staff for its own students, or the province across the schools it picks. */
export type RoundOwner = { universityId: string } | { province: true };

const fourteenDays = 14 * 86_400_000;
/** How many matches the picker lists at once: a province has thousands of listings, the page must stay short. */
const shownAtOnce = 12;

/**
 * Opens a round with chosen published listings and their seats. A province officer also picks the schools whose
 * students take part (verified universities and institutes).
 */
export function CreateRound(props: { owner: RoundOwner; onCreated: (round: PlacementRoundView) => void }) {
  const { t, pick, locale } = useCatalog(matchingMessages);
  const province = () => "province" in props.owner;
  const [listings, { refetch }] = createResource(fetchPublishedListings);
  const [schools] = createResource(province, () => fetchSchools());
  const [title, setTitle] = createSignal("");
  const [deadline, setDeadline] = createSignal("");
  const [filter, setFilter] = createSignal("");
  const [seats, setSeats] = createSignal<Record<string, number>>({});
  const [chosenSchools, setChosenSchools] = createSignal<string[]>([]);
  const [problem, setProblem] = createSignal<{ schools?: string; listings?: string; preferencesDeadline?: string }>({});
  const [created, setCreated] = createSignal<string>();
  const { busy, failure, act } = useAction();
  let form: HTMLFormElement | undefined;

  const needle = () => foldVietnamese(filter());
  // Listings that can take part: published, not a visit, deadline not passed, not chosen yet.
  const candidates = () =>
    (listings() ?? []).filter(
      (l) => l.type !== "visit" && !deadlinePassed(l.deadline, new Date()) && !(l.id in seats()),
    );
  const matches = () =>
    candidates().filter(
      (l) => !needle() || foldVietnamese(`${l.title.vi} ${l.title.en ?? ""} ${l.orgName}`).includes(needle()),
    );
  const chosenListings = () => (listings() ?? []).filter((l) => l.id in seats());
  const seatCount = () => Object.values(seats()).filter((capacity) => capacity > 0).length;
  const choose = (id: string) => setSeats({ ...seats(), [id]: 1 });
  const drop = (id: string) => setSeats(Object.fromEntries(Object.entries(seats()).filter(([key]) => key !== id)));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const chosen = Object.entries(seats())
      .filter(([, capacity]) => capacity > 0)
      .map(([listingId, capacity]) => ({ listingId, capacity }));
    // The typed time is Vietnam time (the province's clock), whatever zone the phone is set to.
    const [day = "", time = ""] = deadline().split("T");
    const at = deadline() ? vietnamInstant(day, time) : Date.now() + fourteenDays;
    const preferencesDeadline = Number.isFinite(at) ? new Date(at).toISOString() : "";
    const found: { schools?: string; listings?: string; preferencesDeadline?: string } = {
      ...timeErrors(roundDeadlineProblems({ preferencesDeadline }, new Date()), t),
      ...(province() && chosenSchools().length === 0 ? { schools: t("placement.needSchool") } : {}),
      ...(chosen.length === 0 ? { listings: t("placement.needListing") } : {}),
    };
    setProblem(found);
    setCreated(undefined);
    if (found.schools || found.listings || found.preferencesDeadline) {
      // Take the keyboard to the first thing to fix.
      const first = found.preferencesDeadline
        ? "#f-preferencesDeadline"
        : found.schools
          ? "input[name=universityIds]"
          : "#f-listing-filter";
      form?.querySelector<HTMLElement>(first)?.focus();
      return;
    }
    const fields = { title: title(), listings: chosen, preferencesDeadline };
    const owner = props.owner;
    const created = await act(() =>
      createRound(
        "province" in owner
          ? { universityIds: chosenSchools(), ...fields }
          : { universityId: owner.universityId, ...fields },
      ),
    );
    if (created) {
      // Said where the button was, and the form emptied, so a second click cannot open the same round again.
      setCreated(t("placement.created", { title: created.title }));
      setTitle("");
      setSeats({});
      setDeadline("");
      props.onCreated(created);
    }
  }

  return (
    <form class="card" ref={form} aria-labelledby="create-round-title" onSubmit={(e) => void submit(e)}>
      <h2 id="create-round-title">{t(province() ? "placement.createProvince" : "placement.create")}</h2>
      <TextField
        name="title"
        label={t("placement.roundTitle")}
        required
        minLength={3}
        maxLength={200}
        value={title()}
        onInput={setTitle}
      />
      <TextField
        name="preferencesDeadline"
        type="datetime-local"
        label={t("placement.deadline")}
        hint={t("placement.deadlineHint")}
        value={deadline()}
        onInput={setDeadline}
        error={problem().preferencesDeadline}
      />
      <Show when={province()}>
        <Async resource={schools} onRetry={() => undefined}>
          {(items) => (
            <CheckboxGroup
              name="universityIds"
              legend={t("placement.pickSchools")}
              hint={t("placement.pickSchoolsHint")}
              required
              error={problem().schools}
              options={items().map((school) => ({ value: school.id, label: pick(school.name) }))}
              selected={chosenSchools()}
              onChange={setChosenSchools}
            />
          )}
        </Async>
      </Show>
      <fieldset class="field" aria-describedby={problem().listings ? "f-listings-error" : undefined}>
        <legend>{t("placement.pickListings")}</legend>
        <TextField
          name="listing-filter"
          type="search"
          label={t("placement.filterListings")}
          value={filter()}
          onInput={setFilter}
        />
        <p class="hint" aria-live="polite">
          {t("placement.listingsChosen", { count: seatCount() })}
        </p>
        <Show when={problem().listings}>
          {(message) => (
            <p class="field-error" id="f-listings-error">
              <span aria-hidden="true">⚠ </span>
              {message()}
            </p>
          )}
        </Show>
        <Async resource={listings} onRetry={() => void refetch()}>
          {() => (
            <>
              <Show when={chosenListings().length > 0}>
                <ul class="chosen-listings" aria-label={t("placement.chosenListings")}>
                  <For each={chosenListings()}>
                    {(l) => (
                      <li class="field chosen-listing">
                        <label for={`seats-${l.id}`}>
                          <span class="visually-hidden">{t("placement.seatsFor")} </span>
                          {pick(l.title)} · {l.orgName}
                        </label>
                        <input
                          id={`seats-${l.id}`}
                          type="number"
                          inputmode="numeric"
                          min="1"
                          max="50"
                          style={{ "max-width": "7rem" }}
                          value={seats()[l.id] ?? 1}
                          onInput={(e) => setSeats({ ...seats(), [l.id]: Number(e.currentTarget.value) || 0 })}
                        />
                        <button type="button" class="button button-small button-secondary" onClick={() => drop(l.id)}>
                          {t("placement.removeListing", { title: pick(l.title) })}
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <p class="hint">
                {t("placement.matches", { shown: Math.min(shownAtOnce, matches().length), total: matches().length })}
              </p>
              <ul class="listing-picker">
                <For
                  each={matches().slice(0, shownAtOnce)}
                  fallback={<li class="empty">{t("placement.noListingMatch")}</li>}
                >
                  {(l) => (
                    <li>
                      <button type="button" class="button button-small button-secondary" onClick={() => choose(l.id)}>
                        {t("placement.addListing", { title: pick(l.title) })}
                      </button>{" "}
                      <span class="muted">
                        {l.orgName} · {t("placement.until", { date: formatDate(l.deadline, locale()) })}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Async>
      </fieldset>
      <ActionError error={failure()} />
      <Show when={created()}>
        <p class="success" role="status">
          {created()}
        </p>
      </Show>
      <p class="actions">
        <button type="submit" class="button" disabled={busy()}>
          {t(province() ? "placement.createProvince" : "placement.create")}
        </button>
      </p>
    </form>
  );
}
