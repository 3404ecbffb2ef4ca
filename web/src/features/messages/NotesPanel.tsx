import { maxApplicantNoteLength } from "@ketnoi/core/schemas/message";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { formatDateTime } from "../../app/format";
import { useCatalog } from "../../app/i18n/i18n";
import { type ApplicantNote, fetchNote, saveNote } from "./api";
import { conversationMessages } from "./messages";

/**
 * The organisation's private note and 1–5 rating on one applicant. Members only: the API answers 404 to anyone
 * else, the student included. Saved with the version read, so two members cannot overwrite each other unseen.
 */
export function NotesPanel(props: { applicationId: string; name: string }) {
  const { t, locale } = useCatalog(conversationMessages);
  const [note, { mutate, refetch }] = createResource(() => props.applicationId, fetchNote);
  const [text, setText] = createSignal<string>();
  const [rating, setRating] = createSignal<number | null>();
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<ApiError>();
  const [status, setStatus] = createSignal("");
  const field = `note-${props.applicationId}`;
  const shownText = () => text() ?? note()?.text ?? "";
  const shownRating = () => (rating() === undefined ? (note()?.rating ?? null) : rating()!);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const current = note();
    if (!current) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const saved: ApplicantNote = await saveNote(props.applicationId, {
        text: shownText(),
        rating: shownRating(),
        version: current.version,
      });
      mutate(saved);
      setText(undefined);
      setRating(undefined);
      setStatus(t("notes.saved"));
    } catch (err) {
      setFailure(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="notes-panel" aria-labelledby={`${field}-title`}>
      <h4 id={`${field}-title`}>{t("notes.title")}</h4>
      <p class="hint">{t("notes.intro")}</p>
      <Show when={note()}>
        <form onSubmit={(event) => void save(event)}>
          <div class="field">
            <label for={field}>{t("notes.text", { name: props.name })}</label>
            <textarea
              id={field}
              name="note"
              rows={3}
              maxLength={maxApplicantNoteLength}
              value={shownText()}
              onInput={(event) => setText(event.currentTarget.value)}
            />
          </div>
          <fieldset class="field rating">
            <legend>{t("notes.rating")}</legend>
            <label>
              <input
                type="radio"
                name={`${field}-rating`}
                checked={shownRating() === null}
                onChange={() => setRating(null)}
              />{" "}
              {t("notes.noRating")}
            </label>
            <For each={[1, 2, 3, 4, 5]}>
              {(n) => (
                <label>
                  <input
                    type="radio"
                    name={`${field}-rating`}
                    value={n}
                    checked={shownRating() === n}
                    onChange={() => setRating(n)}
                  />{" "}
                  {t("notes.star", { count: n })}
                </label>
              )}
            </For>
          </fieldset>
          <Show when={note()?.updatedAt}>
            {(at) => (
              <p class="hint">
                {t("notes.by", { name: note()?.updatedByName ?? "", time: formatDateTime(at(), locale()) })}
              </p>
            )}
          </Show>
          <button type="submit" class="button button-small" disabled={busy()}>
            {t("notes.save")}
          </button>
          <p class="visually-hidden" role="status">
            {status()}
          </p>
        </form>
      </Show>
      <ActionError error={failure()} onReload={() => void refetch()} />
    </section>
  );
}
