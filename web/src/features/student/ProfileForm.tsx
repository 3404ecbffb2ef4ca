import type { Organisation, StudentProfile, StudentProfileInput } from "@ketnoi/core";
import { StudentProfileInputSchema } from "@ketnoi/core/schemas/student";
import { createSignal, For, Show } from "solid-js";
import { toApiError } from "../../app/api/client";
import { createBoundDraft, draftValue } from "../../app/forms/bound-draft";
import { CheckboxGroup, ErrorSummary, SelectField, TextField } from "../../app/forms/fields";
import { communeOptions, majorOptions, sectorOptions, skillName as skillLabel } from "../../app/forms/options";
import { SkillPicker } from "../../app/forms/SkillPicker";
import { apiFieldErrors, type FieldErrors, focusFirstError, validateWith } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { studentMessages } from "./messages";
import { consentPurposeList, draftFromProfile, type ProfileDraft, profileInput } from "./profile-form";

const languageCodes = ["vi", "en", "ja", "ko", "zh", "fr", "de"] as const;
const languageLevels = ["basic", "intermediate", "fluent", "native"] as const;

/**
 * The student profile form (create and edit). Checked with the API's schema; on first creation it also asks
 * for each consent separately, unticked, as the law wants consent to be an explicit act.
 */
export function ProfileForm(props: {
  profile: StudentProfile | null;
  schools: Organisation[];
  fullName: string;
  submit: (input: StudentProfileInput) => Promise<void>;
}) {
  const { t, lang, pick } = useCatalog(studentMessages);
  const [draft, setDraft] = createBoundDraft(
    () => props.profile,
    (profile): ProfileDraft => draftFromProfile(profile, props.fullName),
  );
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setFailure(undefined);
    // Consents are edited in their own panel once the profile exists: keep the stored choices here.
    const current = props.profile ? draftFromProfile(props.profile).consents : draft.consents;
    const input = profileInput({ ...draftValue(draft), consents: current }, props.profile?.version);
    const checked = validateWith(StudentProfileInputSchema, input, t, {
      "": { field: "availableTo", message: t("profile.availabilityOrder") },
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return focusFirstError(form);
    }
    setErrors({});
    setBusy(true);
    try {
      await props.submit(checked.value);
    } catch (caught) {
      const error = toApiError(caught);
      const fieldErrors = apiFieldErrors(error);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setFailure(t("action.failed", { message: error.message }));
      focusFirstError(form);
    } finally {
      setBusy(false);
    }
  }

  const chooseSkills = (ids: string[]) =>
    setDraft("skills", (current) => ids.map((id) => current.find((s) => s.id === id) ?? { id, level: "3" }));

  return (
    <form class="form" ref={form} noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={errors()} message={failure()} />
      <TextField
        name="fullName"
        label={t("profile.fullName")}
        required
        autocomplete="name"
        value={draft.fullName}
        onInput={(value) => setDraft("fullName", value)}
        error={errors().fullName}
      />
      <SelectField
        name="universityId"
        label={t("profile.school")}
        required
        value={draft.universityId}
        placeholder={t("form.choose")}
        options={props.schools.map((s) => ({ value: s.id, label: pick(s.name) }))}
        onChange={(value) => setDraft("universityId", value)}
        error={errors().universityId}
      />
      {/* The declared school grants nothing until its staff confirm the enrolment (school placement rounds). */}
      <Show when={draft.universityId}>
        <p class="muted" id="school-confirmation">
          {props.profile?.confirmedUniversityId === draft.universityId
            ? t("profile.schoolConfirmed")
            : t("profile.schoolUnconfirmed")}
        </p>
      </Show>
      <div class="row-2">
        <SelectField
          name="major"
          label={t("profile.major")}
          required
          value={draft.major}
          placeholder={t("form.choose")}
          options={majorOptions(lang())}
          onChange={(value) => setDraft("major", value)}
          error={errors().major}
        />
        <SelectField
          name="year"
          label={t("profile.year")}
          required
          value={draft.year}
          placeholder={t("form.choose")}
          options={[1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: t("profile.yearN", { count: n }) }))}
          onChange={(value) => setDraft("year", value)}
          error={errors().year}
        />
      </div>
      <SkillPicker
        name="skills"
        legend={t("profile.skills")}
        selected={draft.skills.map((s) => s.id)}
        onChange={chooseSkills}
        error={errors().skills}
      />
      <Show when={draft.skills.length > 0}>
        <div class="row-2">
          <For each={draft.skills}>
            {(skill, index) => (
              <SelectField
                name={`skills.${index()}.level`}
                label={t("profile.skillLevel", { skill: skillLabel(skill.id, lang()) })}
                value={skill.level}
                options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t("profile.level", { count: n }) }))}
                onChange={(value) => setDraft("skills", index(), "level", value)}
                error={errors()[`skills.${index()}.level`]}
              />
            )}
          </For>
        </div>
      </Show>
      <fieldset class="field">
        <legend>{t("profile.languages")}</legend>
        <For each={draft.languages}>
          {(language, index) => (
            <fieldset class="row-group">
              <legend>{t("profile.language", { count: index() + 1 })}</legend>
              <div class="row-2">
                <SelectField
                  name={`languages.${index()}.code`}
                  label={t("profile.languageCode")}
                  value={language.code}
                  placeholder={t("form.choose")}
                  options={languageCodes.map((code) => ({ value: code, label: t(`profile.lang.${code}`) }))}
                  onChange={(value) => setDraft("languages", index(), "code", value)}
                  error={errors()[`languages.${index()}.code`]}
                />
                <SelectField
                  name={`languages.${index()}.level`}
                  label={t("profile.languageLevel")}
                  value={language.level}
                  placeholder={t("form.choose")}
                  options={languageLevels.map((level) => ({ value: level, label: t(`profile.langLevel.${level}`) }))}
                  onChange={(value) => setDraft("languages", index(), "level", value)}
                  error={errors()[`languages.${index()}.level`]}
                />
              </div>
              <p>
                <button
                  type="button"
                  class="button button-small button-secondary"
                  onClick={() => setDraft("languages", (rows) => rows.filter((_, i) => i !== index()))}
                >
                  {t("profile.removeLanguage", { count: index() + 1 })}
                </button>
              </p>
            </fieldset>
          )}
        </For>
        <Show when={draft.languages.length < 7}>
          <p>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => setDraft("languages", (rows) => [...rows, { code: "", level: "" }])}
            >
              {t("profile.addLanguage")}
            </button>
          </p>
        </Show>
      </fieldset>
      <div class="row-2">
        <TextField
          name="availableFrom"
          type="date"
          label={`${t("profile.availableFrom")} ${t("form.optional")}`}
          value={draft.availableFrom}
          onInput={(value) => setDraft("availableFrom", value)}
          error={errors().availableFrom}
        />
        <TextField
          name="availableTo"
          type="date"
          label={`${t("profile.availableTo")} ${t("form.optional")}`}
          value={draft.availableTo}
          onInput={(value) => setDraft("availableTo", value)}
          error={errors().availableTo}
        />
      </div>
      <CheckboxGroup
        name="reachableCommunes"
        legend={t("profile.communes")}
        options={communeOptions}
        selected={draft.reachableCommunes}
        onChange={(list) => setDraft("reachableCommunes", list)}
        error={errors().reachableCommunes}
      />
      <CheckboxGroup
        name="preferredSectors"
        legend={t("profile.sectors")}
        options={sectorOptions(lang())}
        selected={draft.preferredSectors}
        onChange={(list) => setDraft("preferredSectors", list)}
        error={errors().preferredSectors}
      />
      <TextField
        name="cvUrl"
        type="url"
        inputmode="url"
        label={`${t("profile.cv")} ${t("form.optional")}`}
        hint={t("profile.cvHint")}
        value={draft.cvUrl}
        onInput={(value) => setDraft("cvUrl", value)}
        error={errors().cvUrl}
      />
      <Show when={!props.profile}>
        <CheckboxGroup
          name="consents"
          legend={t("consent.initial")}
          hint={t("consent.initialHint")}
          options={consentPurposeList.map((purpose) => ({ value: purpose, label: t(`consent.${purpose}`) }))}
          selected={consentPurposeList.filter((purpose) => draft.consents[purpose])}
          onChange={(list) =>
            setDraft("consents", {
              shareWithAppliedOrgs: list.includes("shareWithAppliedOrgs"),
              recommendToRecruiters: list.includes("recommendToRecruiters"),
              provinceStatistics: list.includes("provinceStatistics"),
            })
          }
        />
      </Show>
      <p class="actions">
        <button type="submit" class="button" disabled={busy()}>
          {busy() ? t("form.saving") : props.profile ? t("form.save") : t("profile.create")}
        </button>
      </p>
    </form>
  );
}
