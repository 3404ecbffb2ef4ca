import type { ConsentPurpose, StudentProfile, StudentProfileInput } from "@ketnoi/core";
import { createSignal, For } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { useCatalog } from "../../app/i18n/i18n";
import { formatDateTime } from "../listings/format";
import { studentMessages } from "./messages";
import { consentPurposeList, draftFromProfile, profileInput } from "./profile-form";
import "./student.css";

/**
 * Each consent purpose as its own switch, with the moment it was last given or withdrawn (the proof the law asks
 * for). Flipping one saves at once with the profile's version, so a change made elsewhere is never overwritten.
 */
export function ConsentPanel(props: {
  profile: StudentProfile;
  save: (input: StudentProfileInput) => Promise<StudentProfile>;
  onSaved: (profile: StudentProfile) => void;
  onReload: () => void;
}) {
  const { t, locale } = useCatalog(studentMessages);
  const [busy, setBusy] = createSignal<ConsentPurpose>();
  const [failure, setFailure] = createSignal<ApiError>();
  const [announcement, setAnnouncement] = createSignal("");

  const stateText = (purpose: ConsentPurpose) => {
    const consent = props.profile.consents[purpose];
    const time = formatDateTime(consent.at, locale());
    if (consent.granted) return t("consent.granted", { time });
    return consent.at === props.profile.createdAt
      ? t("consent.neverGiven", { time })
      : t("consent.withdrawn", { time });
  };

  async function flip(purpose: ConsentPurpose, granted: boolean) {
    setBusy(purpose);
    setFailure(undefined);
    try {
      const draft = draftFromProfile(props.profile);
      draft.consents[purpose] = granted;
      const saved = await props.save(profileInput(draft, props.profile.version) as StudentProfileInput);
      props.onSaved(saved);
      setAnnouncement(t("consent.changed", { purpose: t(`consent.${purpose}`) }));
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section class="panel" aria-labelledby="consent-title">
      <h2 id="consent-title">{t("consent.title")}</h2>
      <p class="hint">{t("consent.intro")}</p>
      <ActionError error={failure()} onReload={props.onReload} />
      <ul class="consents">
        <For each={consentPurposeList}>
          {(purpose) => (
            <li class="consent">
              <label class="check">
                <input
                  type="checkbox"
                  role="switch"
                  checked={props.profile.consents[purpose].granted}
                  aria-checked={props.profile.consents[purpose].granted}
                  disabled={busy() !== undefined}
                  aria-describedby={`consent-${purpose}-help consent-${purpose}-state`}
                  onChange={(event) => void flip(purpose, event.currentTarget.checked)}
                />
                <span>{t(`consent.${purpose}`)}</span>
              </label>
              <p class="hint" id={`consent-${purpose}-help`}>
                {t(`consent.${purpose}.help`)}
              </p>
              <p class="consent-state" id={`consent-${purpose}-state`}>
                {stateText(purpose)}
              </p>
            </li>
          )}
        </For>
      </ul>
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
    </section>
  );
}
