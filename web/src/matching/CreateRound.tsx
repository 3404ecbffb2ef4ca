import { foldVietnamese } from "@ketnoi/core/text";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../components/ActionError";
import { Async } from "../components/Status";
import { CheckboxGroup, TextField } from "../forms/fields";
import { useCatalog } from "../i18n/i18n";
import { createRound, fetchPublishedListings, fetchSchools, type PlacementRoundView } from "./api";
import { matchingMessages } from "./messages";
import { useAction } from "./round-parts";

/** Who opens the round: a school's staff for its own students, or the province across the schools it picks. */
export type RoundOwner = { universityId: string } | { province: true };

const fourteenDays = 14 * 86_400_000;

/**
 * Opens a round with chosen published listings and their seats. A province officer also picks the schools whose
 * students take part (verified universities and institutes).
 */
export function CreateRound(props: { owner: RoundOwner; onCreated: (round: PlacementRoundView) => void }) {
  const { t, pick } = useCatalog(matchingMessages);
  const province = () => "province" in props.owner;
  const [listings, { refetch }] = createResource(fetchPublishedListings);
  const [schools] = createResource(province, () => fetchSchools());
  const [title, setTitle] = createSignal("");
  const [deadline, setDeadline] = createSignal("");
  const [filter, setFilter] = createSignal("");
  const [seats, setSeats] = createSignal<Record<string, number>>({});
  const [chosenSchools, setChosenSchools] = createSignal<string[]>([]);
  const [problem, setProblem] = createSignal<{ schools?: string; listings?: string }>({});
  const { busy, failure, act } = useAction();
  let form: HTMLFormElement | undefined;

  const needle = () => foldVietnamese(filter());
  const shown = () =>
    (listings() ?? [])
      .filter((l) => l.type !== "visit")
      .filter((l) => !needle() || foldVietnamese(`${l.title.vi} ${l.title.en ?? ""} ${l.orgName}`).includes(needle()));
  const seatCount = () => Object.values(seats()).filter((capacity) => capacity > 0).length;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const chosen = Object.entries(seats())
      .filter(([, capacity]) => capacity > 0)
      .map(([listingId, capacity]) => ({ listingId, capacity }));
    const found = {
      ...(province() && chosenSchools().length === 0 ? { schools: t("placement.needSchool") } : {}),
      ...(chosen.length === 0 ? { listings: t("placement.needListing") } : {}),
    };
    setProblem(found);
    if (found.schools || found.listings) {
      // Take the keyboard to the first thing to fix.
      form?.querySelector<HTMLElement>(found.schools ? "input[name=universityIds]" : "#f-listing-filter")?.focus();
      return;
    }
    const fields = {
      title: title(),
      listings: chosen,
      preferencesDeadline: new Date(deadline() || Date.now() + fourteenDays).toISOString(),
    };
    const owner = props.owner;
    const created = await act(() =>
      createRound(
        "province" in owner
          ? { universityIds: chosenSchools(), ...fields }
          : { universityId: owner.universityId, ...fields },
      ),
    );
    if (created) props.onCreated(created);
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
              options={items.map((school) => ({ value: school.id, label: pick(school.name) }))}
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
            <For each={shown()} fallback={<p class="empty">{t("placement.noListingMatch")}</p>}>
              {(l) => (
                <div class="field">
                  <label for={`seats-${l.id}`}>
                    <span class="visually-hidden">{t("placement.seatsFor")} </span>
                    {pick(l.title)} · {l.orgName}
                  </label>
                  <input
                    id={`seats-${l.id}`}
                    type="number"
                    inputmode="numeric"
                    min="0"
                    max="50"
                    style={{ "max-width": "7rem" }}
                    value={seats()[l.id] ?? 0}
                    onInput={(e) => setSeats({ ...seats(), [l.id]: Number(e.currentTarget.value) || 0 })}
                  />
                </div>
              )}
            </For>
          )}
        </Async>
      </fieldset>
      <ActionError error={failure()} />
      <p class="actions">
        <button type="submit" class="button" disabled={busy()}>
          {t(province() ? "placement.createProvince" : "placement.create")}
        </button>
      </p>
    </form>
  );
}
