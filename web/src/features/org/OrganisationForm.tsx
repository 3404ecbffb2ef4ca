import type { Organisation, OrganisationCreate, OrganisationPatch } from "@ketnoi/core";
import { organisationKinds } from "@ketnoi/core/roles";
import { OrganisationCreateSchema } from "@ketnoi/core/schemas/organisation";
import { createBoundDraft } from "../../app/forms/bound-draft";
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from "../../app/forms/fields";
import { bindDraft, createFormState } from "../../app/forms/form-state";
import { sectorOptions } from "../../app/forms/options";
import { validateWith } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { orgMessages } from "./messages";
import { PlaceFields } from "./PlaceFields";

/** What the organisation form's inputs hold. */
export interface OrganisationDraft {
  kind: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  sectors: string[];
  communeId: string;
  address: string;
  industrialParkId: string;
  website: string;
  contactEmail: string;
}

export function draftFromOrganisation(org?: Organisation): OrganisationDraft {
  return {
    kind: org?.kind ?? "",
    nameVi: org?.name.vi ?? "",
    nameEn: org?.name.en ?? "",
    descriptionVi: org?.description?.vi ?? "",
    descriptionEn: org?.description?.en ?? "",
    sectors: [...(org?.sectors ?? [])],
    communeId: org?.communeId ?? "",
    address: org?.address ?? "",
    industrialParkId: org?.industrialParkId ?? "",
    website: org?.website ?? "",
    contactEmail: org?.contactEmail ?? "",
  };
}

const blankToUndefined = (value: string) => (value.trim() === "" ? undefined : value);

/** The organisation as the API takes it (before validation); paths match the form's field names. */
export function organisationInput(draft: OrganisationDraft): Record<string, unknown> {
  const description =
    draft.descriptionVi.trim() || draft.descriptionEn.trim()
      ? { vi: draft.descriptionVi, ...(draft.descriptionEn.trim() ? { en: draft.descriptionEn } : {}) }
      : undefined;
  const input: Record<string, unknown> = {
    kind: draft.kind,
    name: { vi: draft.nameVi, ...(draft.nameEn.trim() ? { en: draft.nameEn } : {}) },
    description,
    sectors: draft.sectors,
    communeId: draft.communeId,
    address: draft.address,
    industrialParkId: blankToUndefined(draft.industrialParkId),
    website: blankToUndefined(draft.website),
    contactEmail: blankToUndefined(draft.contactEmail),
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** The form's optional fields, which an edit clears by sending `null`. */
const clearableFields = [
  "description",
  "industrialParkId",
  "website",
  "contactEmail",
] as const satisfies readonly (keyof OrganisationCreate)[];

/**
 * The changes of a profile edit: the checked input, plus `null` for each optional field of this form the
 * organisation has and the input leaves out (the user emptied it), so the API removes it. Fields the form does not
 * show (logo, phone) are never cleared.
 */
export function organisationEdit(input: OrganisationCreate, org: Organisation): Omit<OrganisationPatch, "version"> {
  const cleared = clearableFields.filter((key) => org[key] !== undefined && input[key] === undefined);
  return { ...input, ...Object.fromEntries(cleared.map((key) => [key, null])) };
}

/**
 * The organisation profile form, for registering and for editing. Validates with the API's schema before
 * sending; `submit` receives the checked input and may throw an ApiError, shown in place.
 */
export function OrganisationForm(props: {
  initial?: Organisation;
  submitLabel: string;
  submit: (input: OrganisationCreate) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t, lang } = useCatalog(orgMessages);
  const [draft, setDraft] = createBoundDraft(() => props.initial, draftFromOrganisation);
  const state = createFormState();
  const bind = bindDraft(draft, setDraft, state.errors);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const result = validateWith(OrganisationCreateSchema, organisationInput(draft), t);
    if (!result.ok) return state.refuse(result.errors);
    await state.send(() => props.submit(result.value));
  }

  const kindOptions = () => organisationKinds.map((kind) => ({ value: kind, label: t(`orgKind.${kind}`) }));

  return (
    <form class="form" ref={state.ref} noValidate onSubmit={onSubmit}>
      <ErrorSummary
        errors={state.errors()}
        message={state.failure() ? t("action.failed", { message: state.failure()!.message }) : undefined}
      />
      <SelectField
        {...bind.choice("kind")}
        label={t("org.field.kind")}
        required
        placeholder={t("form.choose")}
        options={kindOptions()}
      />
      <div class="row-2">
        <TextField
          {...bind.text("nameVi", "name.vi")}
          label={t("org.field.nameVi")}
          required
          lang="vi"
          autocomplete="organization"
        />
        <TextField
          {...bind.text("nameEn", "name.en")}
          label={`${t("org.field.nameEn")} ${t("form.optional")}`}
          lang="en"
        />
      </div>
      <TextArea
        {...bind.text("descriptionVi", "description.vi")}
        label={`${t("org.field.descriptionVi")} ${t("form.optional")}`}
        lang="vi"
        rows={3}
      />
      <TextArea
        {...bind.text("descriptionEn", "description.en")}
        label={`${t("org.field.descriptionEn")} ${t("form.optional")}`}
        lang="en"
        rows={3}
      />
      <CheckboxGroup
        {...bind.list("sectors")}
        legend={t("org.field.sectors")}
        hint={t("org.field.sectorsHint")}
        options={sectorOptions(lang())}
      />
      <PlaceFields
        communeId={draft.communeId}
        industrialParkId={draft.industrialParkId}
        onCommune={(value) => setDraft("communeId", value)}
        onPark={(value) => setDraft("industrialParkId", value)}
        errors={state.errors()}
      />
      <TextField
        {...bind.text("address")}
        label={t("org.field.address")}
        hint={t("org.field.addressHint")}
        required
        autocomplete="street-address"
      />
      <div class="row-2">
        <TextField
          {...bind.text("website")}
          type="url"
          inputmode="url"
          label={`${t("org.field.website")} ${t("form.optional")}`}
          hint={t("org.field.websiteHint")}
        />
        <TextField
          {...bind.text("contactEmail")}
          type="email"
          inputmode="email"
          autocomplete="email"
          label={`${t("org.field.contact")} ${t("form.optional")}`}
        />
      </div>
      <p class="actions">
        <button type="submit" class="button" disabled={state.busy()}>
          {state.busy() ? t("form.saving") : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" class="button button-secondary" onClick={() => props.onCancel?.()}>
            {t("form.cancel")}
          </button>
        )}
      </p>
    </form>
  );
}
