import type { Organisation, OrganisationCreate, OrganisationPatch } from "@ketnoi/core";
import { organisationKinds } from "@ketnoi/core/roles";
import { OrganisationCreateSchema } from "@ketnoi/core/schemas/organisation";
import { createSignal } from "solid-js";
import { toApiError } from "../../app/api/client";
import { createBoundDraft } from "../../app/forms/bound-draft";
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from "../../app/forms/fields";
import { sectorOptions } from "../../app/forms/options";
import { apiFieldErrors, type FieldErrors, focusFirstError, validateWith } from "../../app/forms/validation";
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
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setFailure(undefined);
    const result = validateWith(OrganisationCreateSchema, organisationInput(draft), t);
    if (!result.ok) {
      setErrors(result.errors);
      return focusFirstError(form);
    }
    setErrors({});
    setBusy(true);
    try {
      await props.submit(result.value);
    } catch (caught) {
      const error = toApiError(caught);
      const fieldErrors = apiFieldErrors(error);
      setErrors(fieldErrors);
      setFailure(Object.keys(fieldErrors).length > 0 ? undefined : t("action.failed", { message: error.message }));
      focusFirstError(form);
    } finally {
      setBusy(false);
    }
  }

  const kindOptions = () => organisationKinds.map((kind) => ({ value: kind, label: t(`orgKind.${kind}`) }));

  return (
    <form class="form" ref={form} noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={errors()} message={failure()} />
      <SelectField
        name="kind"
        label={t("org.field.kind")}
        required
        value={draft.kind}
        placeholder={t("form.choose")}
        options={kindOptions()}
        onChange={(value) => setDraft("kind", value)}
        error={errors().kind}
      />
      <div class="row-2">
        <TextField
          name="name.vi"
          label={t("org.field.nameVi")}
          required
          lang="vi"
          autocomplete="organization"
          value={draft.nameVi}
          onInput={(value) => setDraft("nameVi", value)}
          error={errors()["name.vi"]}
        />
        <TextField
          name="name.en"
          label={`${t("org.field.nameEn")} ${t("form.optional")}`}
          lang="en"
          value={draft.nameEn}
          onInput={(value) => setDraft("nameEn", value)}
          error={errors()["name.en"]}
        />
      </div>
      <TextArea
        name="description.vi"
        label={`${t("org.field.descriptionVi")} ${t("form.optional")}`}
        lang="vi"
        rows={3}
        value={draft.descriptionVi}
        onInput={(value) => setDraft("descriptionVi", value)}
        error={errors()["description.vi"]}
      />
      <TextArea
        name="description.en"
        label={`${t("org.field.descriptionEn")} ${t("form.optional")}`}
        lang="en"
        rows={3}
        value={draft.descriptionEn}
        onInput={(value) => setDraft("descriptionEn", value)}
        error={errors()["description.en"]}
      />
      <CheckboxGroup
        name="sectors"
        legend={t("org.field.sectors")}
        hint={t("org.field.sectorsHint")}
        options={sectorOptions(lang())}
        selected={draft.sectors}
        onChange={(list) => setDraft("sectors", list)}
        error={errors().sectors}
      />
      <PlaceFields
        communeId={draft.communeId}
        industrialParkId={draft.industrialParkId}
        onCommune={(value) => setDraft("communeId", value)}
        onPark={(value) => setDraft("industrialParkId", value)}
        errors={errors()}
      />
      <TextField
        name="address"
        label={t("org.field.address")}
        hint={t("org.field.addressHint")}
        required
        autocomplete="street-address"
        value={draft.address}
        onInput={(value) => setDraft("address", value)}
        error={errors().address}
      />
      <div class="row-2">
        <TextField
          name="website"
          type="url"
          inputmode="url"
          label={`${t("org.field.website")} ${t("form.optional")}`}
          hint={t("org.field.websiteHint")}
          value={draft.website}
          onInput={(value) => setDraft("website", value)}
          error={errors().website}
        />
        <TextField
          name="contactEmail"
          type="email"
          inputmode="email"
          autocomplete="email"
          label={`${t("org.field.contact")} ${t("form.optional")}`}
          value={draft.contactEmail}
          onInput={(value) => setDraft("contactEmail", value)}
          error={errors().contactEmail}
        />
      </div>
      <p class="actions">
        <button type="submit" class="button" disabled={busy()}>
          {busy() ? t("form.saving") : props.submitLabel}
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
