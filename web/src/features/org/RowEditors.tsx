import { For, Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { TextField } from "../../app/forms/fields";
import type { FieldErrors } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { emptyQuestion, emptySession, type ListingDraft } from "./listing-form";
import { orgMessages } from "./messages";

/** Moves focus to a row's first input after it is added, so keyboard users type straight into it. */
function focusField(id: string) {
  queueMicrotask(() => document.getElementById(id)?.focus());
}

/** Visit sessions as editable rows: date, start time, place and seats, each row with its own remove button. */
export function SessionRows(props: {
  draft: ListingDraft;
  setDraft: SetStoreFunction<ListingDraft>;
  errors: FieldErrors;
}) {
  const { t } = useCatalog(orgMessages);
  const add = () => {
    props.setDraft("sessions", (rows) => [...rows, emptySession()]);
    focusField(`f-sessions-${props.draft.sessions.length - 1}-date`);
  };
  return (
    <fieldset class="field" aria-describedby="f-sessions-hint">
      <legend>{t("editor.sessions")}</legend>
      <p class="hint" id="f-sessions-hint">
        {t("editor.sessionsHint")}
      </p>
      <Show when={props.errors.sessions}>
        <p class="field-error" id="f-sessions-error" tabIndex={-1} data-invalid>
          <span aria-hidden="true">⚠ </span>
          {props.errors.sessions}
        </p>
      </Show>
      <For each={props.draft.sessions}>
        {(session, index) => {
          const path = (field: string) => `sessions.${index()}.${field}`;
          return (
            <fieldset class="row-group">
              <legend>{t("editor.sessionN", { count: index() + 1 })}</legend>
              <div class="row-2">
                <TextField
                  name={path("date")}
                  type="date"
                  label={t("editor.sessionDate")}
                  required
                  value={session.date}
                  onInput={(value) => props.setDraft("sessions", index(), "date", value)}
                  error={props.errors[path("date")]}
                />
                <TextField
                  name={path("startTime")}
                  type="time"
                  label={t("editor.sessionTime")}
                  required
                  value={session.startTime}
                  onInput={(value) => props.setDraft("sessions", index(), "startTime", value)}
                  error={props.errors[path("startTime")]}
                />
              </div>
              <TextField
                name={path("place")}
                label={t("editor.sessionPlace")}
                required
                value={session.place}
                onInput={(value) => props.setDraft("sessions", index(), "place", value)}
                error={props.errors[path("place")]}
              />
              <TextField
                name={path("seats")}
                type="number"
                inputmode="numeric"
                min="1"
                label={t("editor.sessionSeats")}
                required
                value={session.seats}
                onInput={(value) => props.setDraft("sessions", index(), "seats", value)}
                error={props.errors[path("seats")]}
              />
              <p>
                <button
                  type="button"
                  class="button button-small button-secondary"
                  onClick={() => props.setDraft("sessions", (rows) => rows.filter((_, i) => i !== index()))}
                >
                  {t("editor.removeSession", { count: index() + 1 })}
                </button>
              </p>
            </fieldset>
          );
        }}
      </For>
      <p>
        <button type="button" class="button button-secondary" onClick={add}>
          {t("editor.addSession")}
        </button>
      </p>
    </fieldset>
  );
}

/** Up to five questions for applicants, Vietnamese required and English optional. */
export function QuestionRows(props: {
  draft: ListingDraft;
  setDraft: SetStoreFunction<ListingDraft>;
  errors: FieldErrors;
}) {
  const { t } = useCatalog(orgMessages);
  const add = () => {
    props.setDraft("questions", (rows) => [...rows, emptyQuestion()]);
    focusField(`f-questions-${props.draft.questions.length - 1}-vi`);
  };
  return (
    <fieldset class="field" aria-describedby="f-questions-hint">
      <legend>{t("editor.questions")}</legend>
      <p class="hint" id="f-questions-hint">
        {t("editor.questionsHint")}
      </p>
      <Show when={props.errors.questions}>
        <p class="field-error" id="f-questions-error">
          <span aria-hidden="true">⚠ </span>
          {props.errors.questions}
        </p>
      </Show>
      <For each={props.draft.questions}>
        {(question, index) => (
          <div class="row-group">
            <TextField
              name={`questions.${index()}.vi`}
              label={t("editor.questionVi", { count: index() + 1 })}
              required
              lang="vi"
              value={question.vi}
              onInput={(value) => props.setDraft("questions", index(), "vi", value)}
              error={props.errors[`questions.${index()}.vi`]}
            />
            <TextField
              name={`questions.${index()}.en`}
              label={`${t("editor.questionEn", { count: index() + 1 })} ${t("form.optional")}`}
              lang="en"
              value={question.en}
              onInput={(value) => props.setDraft("questions", index(), "en", value)}
              error={props.errors[`questions.${index()}.en`]}
            />
            <p>
              <button
                type="button"
                class="button button-small button-secondary"
                onClick={() => props.setDraft("questions", (rows) => rows.filter((_, i) => i !== index()))}
              >
                {t("editor.removeQuestion", { count: index() + 1 })}
              </button>
            </p>
          </div>
        )}
      </For>
      <Show when={props.draft.questions.length < 5}>
        <p>
          <button type="button" class="button button-secondary" onClick={add}>
            {t("editor.addQuestion")}
          </button>
        </p>
      </Show>
    </fieldset>
  );
}
