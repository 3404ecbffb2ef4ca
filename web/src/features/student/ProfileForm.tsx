import type { Organisation, StudentProfile, StudentProfileInput } from "@ketnoi/core";
import { StudentProfileInputSchema } from "@ketnoi/core/schemas/student";
import { For, Show } from "solid-js";
import { createBoundDraft, draftValue } from "../../app/forms/bound-draft";
import { CheckboxGroup, ErrorSummary, SelectField, TextField } from "../../app/forms/fields";
import { bindDraft, createFormState } from "../../app/forms/form-state";
import { communeOptions, majorOptions, sectorOptions, skillName as skillLabel } from "../../app/forms/options";
import { SkillPicker } from "../../app/forms/SkillPicker";
import { validateWith } from "../../app/forms/validation";
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
  const state = createFormState();
  const bind = bindDraft(draft, setDraft, state.errors);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    // Consents are edited in their own panel once the profile exists: keep the stored choices here.
    const current = props.profile ? draftFromProfile(props.profile).consents : draft.consents;
    const input = profileInput({ ...draftValue(draft), consents: current }, props.profile?.version);
    const checked = validateWith(StudentProfileInputSchema, input, t, {
      "": { field: "availableTo", message: t("profile.availabilityOrder") },
    });
    if (!checked.ok) return state.refuse(checked.errors);
    await state.send(() => props.submit(checked.value));
  }

  const chooseSkills = (ids: string[]) =>
    setDraft("skills", (current) => ids.map((id) => current.find((s) => s.id === id) ?? { id, level: "3" }));

  return (
    <form class="form" ref={state.ref} noValidate onSubmit={onSubmit}>
      <ErrorSummary
        errors={state.errors()}
        message={state.failure() ? t("action.failed", { message: state.failure()!.message }) : undefined}
      />
      <TextField {...bind.text("fullName")} label={t("profile.fullName")} required autocomplete="name" />
      <SelectField
        {...bind.choice("universityId")}
        label={t("profile.school")}
        required
        placeholder={t("form.choose")}
        options={props.schools.map((s) => ({ value: s.id, label: pick(s.name) }))}
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
          {...bind.choice("major")}
          label={t("profile.major")}
          required
          placeholder={t("form.choose")}
          options={majorOptions(lang())}
        />
        <SelectField
          {...bind.choice("year")}
          label={t("profile.year")}
          required
          placeholder={t("form.choose")}
          options={[1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: t("profile.yearN", { count: n }) }))}
        />
      </div>
      <SkillPicker
        name="skills"
        legend={t("profile.skills")}
        selected={draft.skills.map((s) => s.id)}
        onChange={chooseSkills}
        error={state.errors().skills}
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
                error={state.errors()[`skills.${index()}.level`]}
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
                  error={state.errors()[`languages.${index()}.code`]}
                />
                <SelectField
                  name={`languages.${index()}.level`}
                  label={t("profile.languageLevel")}
                  value={language.level}
                  placeholder={t("form.choose")}
                  options={languageLevels.map((level) => ({ value: level, label: t(`profile.langLevel.${level}`) }))}
                  onChange={(value) => setDraft("languages", index(), "level", value)}
                  error={state.errors()[`languages.${index()}.level`]}
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
          {...bind.text("availableFrom")}
          type="date"
          label={`${t("profile.availableFrom")} ${t("form.optional")}`}
        />
        <TextField
          {...bind.text("availableTo")}
          type="date"
          label={`${t("profile.availableTo")} ${t("form.optional")}`}
        />
      </div>
      <CheckboxGroup {...bind.list("reachableCommunes")} legend={t("profile.communes")} options={communeOptions} />
      <CheckboxGroup {...bind.list("preferredSectors")} legend={t("profile.sectors")} options={sectorOptions(lang())} />
      <TextField
        {...bind.text("cvUrl")}
        type="url"
        inputmode="url"
        label={`${t("profile.cv")} ${t("form.optional")}`}
        hint={t("profile.cvHint")}
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
        <button type="submit" class="button" disabled={state.busy()}>
          {state.busy() ? t("form.saving") : props.profile ? t("form.save") : t("profile.create")}
        </button>
      </p>
    </form>
  );
}
