import type { Listing, ListingCreate, ListingPatch } from "@ketnoi/core";
import { listingTypes, workModes } from "@ketnoi/core/catalog";
import { typeFields } from "@ketnoi/core/listing-fields";
import { ListingCreateSchema, ListingPatchSchema } from "@ketnoi/core/schemas/listing";
import { listingTimeProblems } from "@ketnoi/core/time";
import { createSignal, onMount, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { createBoundDraft, draftValue } from "../../app/forms/bound-draft";
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from "../../app/forms/fields";
import { bindDraft, createFormState } from "../../app/forms/form-state";
import { majorOptions } from "../../app/forms/options";
import { SkillPicker } from "../../app/forms/SkillPicker";
import { timeErrors } from "../../app/forms/time-rules";
import { type FieldErrors, type Validation, validateWith } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { ListingView } from "../listings/ListingView";
import {
  draftFromListing,
  emptyListingDraft,
  type ListingDraft,
  listingEditFields,
  listingFieldsFromDraft,
  previewListing,
} from "./listing-form";
import { orgMessages } from "./messages";
import { PlaceFields } from "./PlaceFields";
import { QuestionRows, SessionRows } from "./RowEditors";
import "./org.css";

/** What the editor sends: a new draft, or an edit of an existing listing (optionally publishing it). */
export type ListingSave =
  | { kind: "create"; input: ListingCreate }
  | { kind: "update"; patch: ListingPatch; publishing: boolean };

/**
 * The create/edit listing form. Type-specific fields appear for the chosen type; visit sessions and applicant
 * questions are editable rows; a preview shows the listing as students will see it. Input is checked with the
 * API's own schema before anything is sent.
 */
export function ListingEditor(props: {
  org: { id: string; name: string; verified: boolean };
  listing?: Listing;
  save: (request: ListingSave) => Promise<void>;
  onReload?: () => void;
  notice?: string | undefined;
}) {
  const { t, lang } = useCatalog(orgMessages);
  const [draft, setDraft] = createBoundDraft(
    () => props.listing,
    (listing): ListingDraft => (listing ? draftFromListing(listing) : emptyListingDraft()),
  );
  const state = createFormState();
  const bind = bindDraft(draft, setDraft, state.errors);
  const [preview, setPreview] = createSignal(false);
  let notice: HTMLParagraphElement | undefined;
  // After a save the editor is rebuilt from the saved listing: land on the confirmation, not on the page top.
  onMount(() => notice?.focus());
  const uses = () => typeFields[draft.type];
  const canPublish = () => props.listing && (props.listing.status === "draft" || props.listing.status === "closed");

  /** Checks the form with the schema the API uses; a visit also needs at least one session to be bookable. */
  function check(publishing: boolean): Validation<ListingSave> {
    const result = props.listing
      ? validateWith(
          ListingPatchSchema,
          {
            ...listingEditFields(draftValue(draft), props.listing),
            version: props.listing.version,
            ...(publishing ? { status: "published" } : {}),
          },
          t,
        )
      : validateWith(ListingCreateSchema, { orgId: props.org.id, ...listingFieldsFromDraft(draftValue(draft)) }, t);
    // The same time rules the API applies (core/time): past deadlines and sessions are refused before sending.
    const dates = { deadline: draft.deadline, sessions: uses().sessions ? draft.sessions : undefined };
    const stored = props.listing;
    const extra: FieldErrors = {
      ...timeErrors(listingTimeProblems(dates, new Date(), stored ? { stored, publishing } : undefined), t),
      ...(uses().sessions && draft.sessions.length === 0 ? { sessions: t("editor.needSession") } : {}),
    };
    if (!result.ok || Object.keys(extra).length > 0)
      return { ok: false, errors: result.ok ? extra : { ...result.errors, ...extra } };
    return {
      ok: true,
      value: props.listing
        ? { kind: "update", patch: result.value as ListingPatch, publishing }
        : { kind: "create", input: result.value as ListingCreate },
    };
  }

  async function submit(publishing: boolean) {
    const request = check(publishing);
    if (!request.ok) return state.refuse(request.errors);
    await state.send(() => props.save(request.value));
  }

  const typeOptions = () => listingTypes.map((type) => ({ value: type, label: t(`listingType.${type}`) }));
  const modeOptions = () => workModes.map((mode) => ({ value: mode, label: t(`workMode.${mode}`) }));
  const yearOptions = () =>
    [1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: t("editor.yearN", { count: n }) }));

  return (
    <form
      class="form"
      ref={state.ref}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit(false);
      }}
    >
      <Show when={props.notice}>
        <p class="success" role="status" tabIndex={-1} ref={notice}>
          {props.notice}
        </p>
      </Show>
      <ErrorSummary errors={state.errors()} />
      <ActionError error={state.failure()} onReload={props.onReload} />

      <section class="form-section" aria-labelledby="sec-basics">
        <h2 id="sec-basics">{t("editor.basics")}</h2>
        <SelectField {...bind.choice("type")} label={t("editor.type")} required options={typeOptions()} />
        <TextField {...bind.text("titleVi", "title.vi")} label={t("editor.titleVi")} required lang="vi" />
        <TextField
          {...bind.text("titleEn", "title.en")}
          label={`${t("editor.titleEn")} ${t("form.optional")}`}
          lang="en"
        />
        <TextArea
          {...bind.text("descriptionVi", "description.vi")}
          label={t("editor.descriptionVi")}
          required
          lang="vi"
        />
        <TextArea
          {...bind.text("descriptionEn", "description.en")}
          label={`${t("editor.descriptionEn")} ${t("form.optional")}`}
          lang="en"
        />
      </section>

      <Show when={uses().positions || uses().pay || uses().duration || uses().sessions}>
        <section class="form-section" aria-labelledby="sec-type">
          <h2 id="sec-type">{t("editor.typeSection")}</h2>
          <div class="row-2">
            <Show when={uses().positions}>
              <TextField
                {...bind.text("positions")}
                type="number"
                inputmode="numeric"
                min="1"
                label={draft.type === "training" ? t("editor.seatsTotal") : t("editor.positions")}
                hint={draft.type === "internship" || draft.type === "job" ? t("editor.positionsHint") : undefined}
              />
            </Show>
            <Show when={uses().duration}>
              <TextField
                {...bind.text("durationWeeks")}
                type="number"
                inputmode="numeric"
                min="1"
                label={t("editor.duration")}
              />
            </Show>
          </div>
          <Show when={uses().pay}>
            <div class="row-2">
              <SelectField
                {...bind.choice("paid")}
                label={t("editor.paid")}
                placeholder={t("form.choose")}
                options={[
                  { value: "yes", label: t("editor.paidYes") },
                  { value: "no", label: t("editor.paidNo") },
                ]}
              />
              <Show when={draft.paid === "yes"}>
                <TextField
                  {...bind.text("stipendVnd")}
                  type="number"
                  inputmode="numeric"
                  min="0"
                  step="100000"
                  label={t("editor.stipend")}
                />
              </Show>
            </div>
          </Show>
          <Show when={uses().sessions}>
            <SessionRows draft={draft} setDraft={setDraft} errors={state.errors()} />
          </Show>
        </section>
      </Show>

      <section class="form-section" aria-labelledby="sec-place">
        <h2 id="sec-place">{t("editor.place")}</h2>
        <PlaceFields
          communeId={draft.communeId}
          industrialParkId={draft.industrialParkId}
          onCommune={(value) => setDraft("communeId", value)}
          onPark={(value) => setDraft("industrialParkId", value)}
          errors={state.errors()}
        />
        <div class="row-2">
          <SelectField {...bind.choice("workMode")} label={t("editor.workMode")} required options={modeOptions()} />
          <TextField {...bind.text("deadline")} type="date" label={t("editor.deadline")} required />
        </div>
      </section>

      <section class="form-section" aria-labelledby="sec-audience">
        <h2 id="sec-audience">{t("editor.audience")}</h2>
        <SkillPicker {...bind.list("requiredSkills")} legend={t("editor.requiredSkills")} />
        <SkillPicker {...bind.list("preferredSkills")} legend={t("editor.preferredSkills")} />
        <CheckboxGroup {...bind.list("majors")} legend={t("editor.majors")} options={majorOptions(lang())} />
        <CheckboxGroup {...bind.list("years")} legend={t("editor.years")} options={yearOptions()} />
      </section>

      <QuestionRows draft={draft} setDraft={setDraft} errors={state.errors()} />

      <p class="actions">
        <button
          type="button"
          class="button button-secondary"
          aria-expanded={preview()}
          aria-controls="listing-preview"
          onClick={() => setPreview((open) => !open)}
        >
          {preview() ? t("editor.hidePreview") : t("editor.preview")}
        </button>
      </p>
      <div id="listing-preview">
        <Show when={preview()}>
          <section class="preview" aria-label={t("editor.previewTitle")}>
            <p class="muted">{t("editor.previewTitle")}</p>
            <ListingView listing={previewListing(draft, props.org)} nested />
          </section>
        </Show>
      </div>

      <p class="actions">
        <button type="submit" class="button" classList={{ "button-secondary": !!canPublish() }} disabled={state.busy()}>
          {state.busy() ? t("form.saving") : props.listing ? t("editor.save") : t("editor.saveDraft")}
        </button>
        <Show when={canPublish()}>
          <button type="button" class="button" disabled={state.busy()} onClick={() => void submit(true)}>
            {t("editor.saveAndPublish")}
          </button>
        </Show>
      </p>
    </form>
  );
}
