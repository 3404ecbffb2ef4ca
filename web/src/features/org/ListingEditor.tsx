import type { Listing, ListingCreate, ListingPatch } from "@ketnoi/core";
import { listingTypes, workModes } from "@ketnoi/core/catalog";
import { typeFields } from "@ketnoi/core/listing-fields";
import { ListingCreateSchema, ListingPatchSchema } from "@ketnoi/core/schemas/listing";
import { listingTimeProblems } from "@ketnoi/core/time";
import { createSignal, onMount, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { createBoundDraft, draftValue } from "../../app/forms/bound-draft";
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from "../../app/forms/fields";
import { majorOptions } from "../../app/forms/options";
import { SkillPicker } from "../../app/forms/SkillPicker";
import { timeErrors } from "../../app/forms/time-rules";
import { apiFieldErrors, type FieldErrors, focusFirstError, validateWith } from "../../app/forms/validation";
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
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<ApiError>();
  const [busy, setBusy] = createSignal(false);
  const [preview, setPreview] = createSignal(false);
  let form: HTMLFormElement | undefined;
  let notice: HTMLParagraphElement | undefined;
  // After a save the editor is rebuilt from the saved listing: land on the confirmation, not on the page top.
  onMount(() => notice?.focus());
  const uses = () => typeFields[draft.type];
  const canPublish = () => props.listing && (props.listing.status === "draft" || props.listing.status === "closed");

  /** Checks the form with the schema the API uses; a visit also needs at least one session to be bookable. */
  function check(publishing: boolean): ListingSave | undefined {
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
    const all = result.ok ? extra : { ...result.errors, ...extra };
    setErrors(all);
    if (!result.ok || Object.keys(extra).length > 0) return undefined;
    return props.listing
      ? { kind: "update", patch: result.value as ListingPatch, publishing }
      : { kind: "create", input: result.value as ListingCreate };
  }

  async function submit(publishing: boolean) {
    setFailure(undefined);
    const request = check(publishing);
    if (!request) return focusFirstError(form);
    setBusy(true);
    try {
      await props.save(request);
    } catch (caught) {
      const error = toApiError(caught);
      const fieldErrors = apiFieldErrors(error);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setFailure(error);
      focusFirstError(form);
    } finally {
      setBusy(false);
    }
  }

  const typeOptions = () => listingTypes.map((type) => ({ value: type, label: t(`listingType.${type}`) }));
  const modeOptions = () => workModes.map((mode) => ({ value: mode, label: t(`workMode.${mode}`) }));
  const yearOptions = () =>
    [1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: t("editor.yearN", { count: n }) }));

  return (
    <form
      class="form"
      ref={form}
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
      <ErrorSummary errors={errors()} />
      <ActionError error={failure()} onReload={props.onReload} />

      <section class="form-section" aria-labelledby="sec-basics">
        <h2 id="sec-basics">{t("editor.basics")}</h2>
        <SelectField
          name="type"
          label={t("editor.type")}
          required
          value={draft.type}
          options={typeOptions()}
          onChange={(value) => setDraft("type", value as ListingDraft["type"])}
          error={errors().type}
        />
        <TextField
          name="title.vi"
          label={t("editor.titleVi")}
          required
          lang="vi"
          value={draft.titleVi}
          onInput={(value) => setDraft("titleVi", value)}
          error={errors()["title.vi"]}
        />
        <TextField
          name="title.en"
          label={`${t("editor.titleEn")} ${t("form.optional")}`}
          lang="en"
          value={draft.titleEn}
          onInput={(value) => setDraft("titleEn", value)}
          error={errors()["title.en"]}
        />
        <TextArea
          name="description.vi"
          label={t("editor.descriptionVi")}
          required
          lang="vi"
          value={draft.descriptionVi}
          onInput={(value) => setDraft("descriptionVi", value)}
          error={errors()["description.vi"]}
        />
        <TextArea
          name="description.en"
          label={`${t("editor.descriptionEn")} ${t("form.optional")}`}
          lang="en"
          value={draft.descriptionEn}
          onInput={(value) => setDraft("descriptionEn", value)}
          error={errors()["description.en"]}
        />
      </section>

      <Show when={uses().positions || uses().pay || uses().duration || uses().sessions}>
        <section class="form-section" aria-labelledby="sec-type">
          <h2 id="sec-type">{t("editor.typeSection")}</h2>
          <div class="row-2">
            <Show when={uses().positions}>
              <TextField
                name="positions"
                type="number"
                inputmode="numeric"
                min="1"
                label={draft.type === "training" ? t("editor.seatsTotal") : t("editor.positions")}
                hint={draft.type === "internship" || draft.type === "job" ? t("editor.positionsHint") : undefined}
                value={draft.positions}
                onInput={(value) => setDraft("positions", value)}
                error={errors().positions}
              />
            </Show>
            <Show when={uses().duration}>
              <TextField
                name="durationWeeks"
                type="number"
                inputmode="numeric"
                min="1"
                label={t("editor.duration")}
                value={draft.durationWeeks}
                onInput={(value) => setDraft("durationWeeks", value)}
                error={errors().durationWeeks}
              />
            </Show>
          </div>
          <Show when={uses().pay}>
            <div class="row-2">
              <SelectField
                name="paid"
                label={t("editor.paid")}
                value={draft.paid}
                placeholder={t("form.choose")}
                options={[
                  { value: "yes", label: t("editor.paidYes") },
                  { value: "no", label: t("editor.paidNo") },
                ]}
                onChange={(value) => setDraft("paid", value)}
                error={errors().paid}
              />
              <Show when={draft.paid === "yes"}>
                <TextField
                  name="stipendVnd"
                  type="number"
                  inputmode="numeric"
                  min="0"
                  step="100000"
                  label={t("editor.stipend")}
                  value={draft.stipendVnd}
                  onInput={(value) => setDraft("stipendVnd", value)}
                  error={errors().stipendVnd}
                />
              </Show>
            </div>
          </Show>
          <Show when={uses().sessions}>
            <SessionRows draft={draft} setDraft={setDraft} errors={errors()} />
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
          errors={errors()}
        />
        <div class="row-2">
          <SelectField
            name="workMode"
            label={t("editor.workMode")}
            required
            value={draft.workMode}
            options={modeOptions()}
            onChange={(value) => setDraft("workMode", value)}
            error={errors().workMode}
          />
          <TextField
            name="deadline"
            type="date"
            label={t("editor.deadline")}
            required
            value={draft.deadline}
            onInput={(value) => setDraft("deadline", value)}
            error={errors().deadline}
          />
        </div>
      </section>

      <section class="form-section" aria-labelledby="sec-audience">
        <h2 id="sec-audience">{t("editor.audience")}</h2>
        <SkillPicker
          name="requiredSkills"
          legend={t("editor.requiredSkills")}
          selected={draft.requiredSkills}
          onChange={(ids) => setDraft("requiredSkills", ids)}
          error={errors().requiredSkills}
        />
        <SkillPicker
          name="preferredSkills"
          legend={t("editor.preferredSkills")}
          selected={draft.preferredSkills}
          onChange={(ids) => setDraft("preferredSkills", ids)}
          error={errors().preferredSkills}
        />
        <CheckboxGroup
          name="majors"
          legend={t("editor.majors")}
          options={majorOptions(lang())}
          selected={draft.majors}
          onChange={(list) => setDraft("majors", list)}
          error={errors().majors}
        />
        <CheckboxGroup
          name="years"
          legend={t("editor.years")}
          options={yearOptions()}
          selected={draft.years}
          onChange={(list) => setDraft("years", list)}
          error={errors().years}
        />
      </section>

      <QuestionRows draft={draft} setDraft={setDraft} errors={errors()} />

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
        <button type="submit" class="button" classList={{ "button-secondary": !!canPublish() }} disabled={busy()}>
          {busy() ? t("form.saving") : props.listing ? t("editor.save") : t("editor.saveDraft")}
        </button>
        <Show when={canPublish()}>
          <button type="button" class="button" disabled={busy()} onClick={() => void submit(true)}>
            {t("editor.saveAndPublish")}
          </button>
        </Show>
      </p>
    </form>
  );
}
