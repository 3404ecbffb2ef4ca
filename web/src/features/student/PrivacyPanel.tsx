import type { ErasureReceipt } from "@ketnoi/core";
import { ErasureRequestSchema, erasureConfirmation } from "@ketnoi/core/schemas/privacy";
import { createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { TextField } from "../../app/forms/fields";
import { type FieldErrors, focusFirstError, validateWith } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { formatDateTime } from "../listings/format";
import { eraseMyAccount, exportMyData } from "./api";
import { studentMessages } from "./messages";

/** Saves JSON as a file through a temporary link: the API answers with JSON, the browser needs a download. */
function download(data: unknown, fileName: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The student's data rights: export everything (JSON download) and erase the account. Erasure asks for a typed
 * phrase, the same one the API requires, because it cannot be undone.
 */
export function PrivacyPanel(props: { onErased: (receipt: ErasureReceipt) => void }) {
  const { t } = useCatalog(studentMessages);
  const [exporting, setExporting] = createSignal(false);
  const [exported, setExported] = createSignal(false);
  const [erasing, setErasing] = createSignal(false);
  const [phrase, setPhrase] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<ApiError>();
  let eraseBox: HTMLDivElement | undefined;

  async function exportData() {
    setExporting(true);
    setFailure(undefined);
    try {
      download(await exportMyData(), "ketnoi-du-lieu-ca-nhan.json");
      setExported(true);
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setExporting(false);
    }
  }

  async function erase() {
    setFailure(undefined);
    const checked = validateWith(ErasureRequestSchema, { confirm: phrase().trim() }, t);
    if (!checked.ok) {
      setErrors({ confirm: t("privacy.confirmWrong", { phrase: erasureConfirmation }) });
      return focusFirstError(eraseBox);
    }
    setErrors({});
    try {
      props.onErased(await eraseMyAccount(checked.value));
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  return (
    <section class="panel" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t("privacy.title")}</h2>
      <ActionError error={failure()} />
      <p>{t("privacy.exportIntro")}</p>
      <p class="actions">
        <button type="button" class="button button-secondary" disabled={exporting()} onClick={() => void exportData()}>
          {exporting() ? t("privacy.exporting") : t("privacy.export")}
        </button>
      </p>
      <Show when={exported()}>
        <p class="success" role="status">
          {t("privacy.exported")}
        </p>
      </Show>
      <h3>{t("privacy.eraseTitle")}</h3>
      <p>{t("privacy.eraseIntro")}</p>
      <div ref={eraseBox}>
        <Show
          when={erasing()}
          fallback={
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                setErasing(true);
                queueMicrotask(() => document.getElementById("f-confirm")?.focus());
              }}
            >
              {t("privacy.eraseStart")}
            </button>
          }
        >
          <TextField
            name="confirm"
            label={t("privacy.confirmLabel", { phrase: erasureConfirmation })}
            hint={t("privacy.confirmHint")}
            autocomplete="off"
            value={phrase()}
            onInput={setPhrase}
            error={errors().confirm}
          />
          <p class="actions">
            <button type="button" class="button button-danger" onClick={() => void erase()}>
              {t("privacy.erase")}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setErasing(false)}>
              {t("form.cancel")}
            </button>
          </p>
        </Show>
      </div>
    </section>
  );
}

/** What erasure did: sections deleted, and sections kept without identity with the reason. */
export function ErasureReceiptView(props: { receipt: ErasureReceipt }) {
  const { t, pick, locale } = useCatalog(studentMessages);
  return (
    <div class="success" role="status" tabIndex={-1} ref={(el) => queueMicrotask(() => el.focus())}>
      <p>
        <strong>{t("privacy.erased", { time: formatDateTime(props.receipt.erasedAt, locale()) })}</strong>
      </p>
      <p>{t("privacy.deleted")}</p>
      <ul>
        <For each={props.receipt.deleted}>
          {(item) => <li>{t("privacy.countOf", { section: item.section, count: item.count })}</li>}
        </For>
      </ul>
      <Show when={props.receipt.kept.length > 0}>
        <p>{t("privacy.kept")}</p>
        <ul>
          <For each={props.receipt.kept}>
            {(item) => (
              <li>
                {t("privacy.countOf", { section: item.section, count: item.count })} — {pick(item.reason)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
