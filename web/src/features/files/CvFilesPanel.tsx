import { maxCvBytes } from "@ketnoi/core";
import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { useFormat } from "../../app/format";
import { TextField } from "../../app/forms/fields";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { type CvFile, deleteCvFile, fetchMyCvFiles, myCvLink, uploadCvFile } from "./api";
import { cvErrorTexts } from "./cv-errors";
import { filesMessages } from "./messages";

/**
 * The student's CV files on the profile page: the list (name, pages), upload of a named PDF (straight to storage,
 * then checked by the API: a renamed .exe is refused and deleted), view and delete.
 */
export function CvFilesPanel() {
  const { t } = useCatalog(filesMessages);
  const fmt = useFormat();
  const [failure, setFailure] = createSignal<ApiError>();
  // A list that cannot be read is said in the panel (the rest of the profile stays usable), never thrown.
  const [files, { refetch, mutate }] = createResource(() =>
    fetchMyCvFiles().catch((caught: unknown) => {
      setFailure(toApiError(caught));
      return { items: [] as CvFile[], max: 3 };
    }),
  );
  const [name, setName] = createSignal("");
  const [chosen, setChosen] = createSignal<File>();
  const [problem, setProblem] = createSignal<string>();
  const [done, setDone] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  let fileInput: HTMLInputElement | undefined;
  const full = () => (files()?.items.length ?? 0) >= (files()?.max ?? 3);

  async function upload(event: SubmitEvent) {
    event.preventDefault();
    setFailure(undefined);
    setDone(undefined);
    const file = chosen();
    if (!name().trim()) return setProblem(t("cv.needName"));
    if (!file) return setProblem(t("cv.chooseFile"));
    if (file.size > maxCvBytes) return setProblem(t("cv.tooLarge"));
    setProblem(undefined);
    setBusy(true);
    try {
      const uploaded = await uploadCvFile(name().trim(), file);
      mutate((current) => current && { ...current, items: [...current.items, uploaded] });
      setDone(t("cv.uploaded", { name: uploaded.name }));
      setName("");
      setChosen(undefined);
      if (fileInput) fileInput.value = "";
    } catch (caught) {
      setFailure(toApiError(caught));
      void refetch();
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string, fileName: string) {
    setFailure(undefined);
    try {
      await deleteCvFile(id);
      mutate((current) => current && { ...current, items: current.items.filter((f) => f.id !== id) });
      setDone(t("cv.deleted", { name: fileName }));
    } catch (caught) {
      setFailure(toApiError(caught));
    }
  }

  async function open(id: string) {
    try {
      window.location.assign((await myCvLink(id)).url);
    } catch (caught) {
      setFailure(toApiError(caught));
    }
  }

  return (
    <section class="panel cv-files" aria-labelledby="cv-title">
      <h2 id="cv-title">{t("cv.title")}</h2>
      <p class="hint">{t("cv.intro", { max: String(files()?.max ?? 3) })}</p>
      <ActionError error={failure()} extra={{ ...cvErrorTexts(t), cv_limit: t("cv.full", { max: "3" }) }} />
      <Show when={done()}>
        <p class="success" role="status">
          {done()}
        </p>
      </Show>
      <Async resource={files} onRetry={() => void refetch()}>
        {(list) => (
          <>
            <Show when={list().items.length > 0} fallback={<p>{t("cv.empty")}</p>}>
              <ul class="cv-list">
                <For each={list().items.filter((f) => f.status === "ready")}>
                  {(file) => (
                    <li>
                      <strong>{file.name}</strong>
                      <span class="muted">
                        {" · "}
                        {t("cv.pages", { count: file.pages ?? 0 })}
                        {" · "}
                        {fmt.number((file.size ?? 0) / 1024 / 1024, 1)} MB
                      </span>{" "}
                      <button
                        type="button"
                        class="button button-small button-secondary"
                        aria-label={t("cv.openNamed", { name: file.name })}
                        onClick={() => void open(file.id)}
                      >
                        {t("cv.open")}
                      </button>{" "}
                      <button
                        type="button"
                        class="button button-small button-secondary"
                        aria-label={t("cv.deleteNamed", { name: file.name })}
                        onClick={() => void remove(file.id, file.name)}
                      >
                        {t("cv.delete")}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={!full()} fallback={<p class="notice">{t("cv.full", { max: String(list().max) })}</p>}>
              <form class="form cv-upload" noValidate onSubmit={upload}>
                <TextField
                  name="cvName"
                  label={t("cv.name")}
                  hint={t("cv.nameHint")}
                  required
                  maxLength={80}
                  value={name()}
                  onInput={setName}
                />
                <div class="field">
                  <label for="cv-file">{t("cv.file")}</label>
                  <input
                    id="cv-file"
                    name="cvFile"
                    type="file"
                    accept="application/pdf,.pdf"
                    ref={fileInput}
                    aria-invalid={problem() ? "true" : undefined}
                    aria-describedby={problem() ? "cv-problem" : undefined}
                    onChange={(event) => setChosen(event.currentTarget.files?.[0])}
                  />
                </div>
                <Show when={problem()}>
                  <p id="cv-problem" class="field-error" role="alert">
                    {problem()}
                  </p>
                </Show>
                <p class="actions">
                  <button type="submit" class="button" disabled={busy()}>
                    {busy() ? t("cv.uploading") : t("cv.upload")}
                  </button>
                </p>
              </form>
            </Show>
          </>
        )}
      </Async>
      <p>
        <A href={paths.printableCv()}>{t("cv.print")}</A>
      </p>
    </section>
  );
}
