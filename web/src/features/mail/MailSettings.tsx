import {
  type MailChannel,
  type MailLanguage,
  type MailPreferences,
  mailChannels,
  mailKindLabels,
  mailLanguages,
  type NotificationKind,
  notificationKinds,
} from "@ketnoi/core";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { Guard, signedIn } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Async } from "../../app/Status";
import { usePageTitle } from "../../app/title";
import { fetchMailPreferences, saveMailPreferences } from "./api";
import { mailMessages } from "./messages";

function PreferencesForm(props: { initial: MailPreferences }) {
  const { t, lang } = useCatalog(mailMessages);
  const [language, setLanguage] = createSignal<MailLanguage>(props.initial.language);
  const [kinds, setKinds] = createSignal<Record<string, MailChannel>>({ ...props.initial.kinds });
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<ApiError>();
  const [saved, setSaved] = createSignal(false);
  let savedBox: HTMLParagraphElement | undefined;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    setSaved(false);
    try {
      const next = await saveMailPreferences({ language: language(), kinds: kinds() });
      setKinds({ ...next.kinds });
      setSaved(true);
      queueMicrotask(() => savedBox?.focus());
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  }

  const label = (kind: NotificationKind) => mailKindLabels[kind]?.[lang()] ?? kind;

  return (
    <form onSubmit={save} class="form">
      <fieldset>
        <legend>{t("mail.language")}</legend>
        <For each={mailLanguages}>
          {(option) => (
            <label class="choice">
              <input
                type="radio"
                name="mail-language"
                value={option}
                checked={language() === option}
                onChange={() => setLanguage(option)}
              />{" "}
              {t(`mail.language.${option}`)}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset>
        <legend>{t("mail.kinds")}</legend>
        <For each={notificationKinds}>
          {(kind) => (
            <p class="field">
              <label for={`mail-kind-${kind}`}>{label(kind)}</label>
              <select
                id={`mail-kind-${kind}`}
                value={kinds()[kind] ?? "instant"}
                onChange={(e) => setKinds({ ...kinds(), [kind]: e.currentTarget.value as MailChannel })}
              >
                <For each={mailChannels}>
                  {(channel) => <option value={channel}>{t(`mail.channel.${channel}`)}</option>}
                </For>
              </select>
            </p>
          )}
        </For>
      </fieldset>
      <ActionError error={failure()} />
      <Show when={saved()}>
        <p class="success" role="status" tabIndex={-1} ref={savedBox}>
          {t("mail.saved")}
        </p>
      </Show>
      <p>
        <button type="submit" class="button" disabled={busy()}>
          {busy() ? t("mail.saving") : t("mail.save")}
        </button>
      </p>
    </form>
  );
}

/** `/cai-dat-thu`: which kinds of notice reach the user's mailbox, how (instant, daily digest, off), in which language. */
export default function MailSettings() {
  const { t } = useCatalog(mailMessages);
  usePageTitle(() => t("mail.title"));
  return (
    <Guard audience={signedIn}>
      {() => {
        const [preferences, { refetch }] = createResource(fetchMailPreferences);
        return (
          <>
            <h1>{t("mail.title")}</h1>
            <p class="lead">{t("mail.intro")}</p>
            <Async resource={preferences} onRetry={() => void refetch()}>
              {(initial) => <PreferencesForm initial={initial()} />}
            </Async>
          </>
        );
      }}
    </Guard>
  );
}
