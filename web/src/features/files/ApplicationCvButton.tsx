import { createSignal } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { useCatalog } from "../../app/i18n/i18n";
import { applicationCvLink } from "./api";
import { cvErrorTexts } from "./cv-errors";
import { filesMessages } from "./messages";

/**
 * The applicant board's download of the CV attached to an application: asks the API for a 5-minute link (refused
 * without the student's consent; each download recorded for the student) and lets the browser save the file.
 */
export function ApplicationCvButton(props: { applicationId: string; name: string }) {
  const { t } = useCatalog(filesMessages);
  const [failure, setFailure] = createSignal<ApiError>();
  async function download() {
    setFailure(undefined);
    try {
      window.location.assign((await applicationCvLink(props.applicationId)).url);
    } catch (caught) {
      setFailure(toApiError(caught));
    }
  }
  return (
    <div class="application-cv">
      <button
        type="button"
        class="button button-small button-secondary"
        title={t("cv.downloadHint")}
        onClick={() => void download()}
      >
        {t("cv.download", { name: props.name })}
      </button>
      <ActionError error={failure()} extra={cvErrorTexts(t)} />
    </div>
  );
}
