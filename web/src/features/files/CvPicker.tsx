import { A } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { SelectField } from "../../app/forms/fields";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { fetchMyCvFiles } from "./api";
import { filesMessages } from "./messages";

/** The apply form's choice of CV: one of the student's checked files, or none. */
export function CvPicker(props: { value: string; onChange: (fileId: string) => void; error?: string | undefined }) {
  const { t } = useCatalog(filesMessages);
  // Applying works without a CV: if the list cannot be read (or the role has none), the picker just offers none.
  const [files] = createResource(() => fetchMyCvFiles().catch(() => ({ items: [], max: 3 })));
  const ready = () => (files()?.items ?? []).filter((f) => f.status === "ready");
  return (
    <Show
      when={ready().length > 0}
      fallback={
        <p class="hint">
          <A href={paths.profile()}>{t("cv.attachHint")}</A>
        </p>
      }
    >
      <SelectField
        name="cvFileId"
        label={t("cv.attach")}
        hint={t("cv.attachHint")}
        placeholder={t("cv.attachNone")}
        value={props.value}
        onChange={props.onChange}
        options={ready().map((f) => ({ value: f.id, label: f.name }))}
        error={props.error}
      />
    </Show>
  );
}
