import { Show } from "solid-js";
import type { ApiError } from "./api/client";
import { useCatalog } from "./i18n/i18n";
import { type SharedKey, sharedMessages } from "./i18n/shared";
import { sharedVi } from "./i18n/shared.vi";

/**
 * Why an action failed, in the user's language when the code is known (the server's message is Vietnamese only),
 * else the server's message. `extra` lets a page explain its own codes (e.g. capacity).
 */
export function useActionErrorText(extra: Record<string, string> = {}) {
  const { t } = useCatalog(sharedMessages);
  return (error: ApiError) => {
    if (extra[error.code]) return extra[error.code]!;
    const key = `actionError.${error.code}`;
    return key in sharedVi ? t(key as SharedKey) : t("action.failed", { message: error.message });
  };
}

/**
 * An action's failure, announced; a version conflict offers to reload, since only fresh data can fix it.
 */
export function ActionError(props: {
  error: ApiError | undefined;
  onReload?: () => void;
  extra?: Record<string, string>;
}) {
  const { t } = useCatalog(sharedMessages);
  const explainShared = useActionErrorText();
  // Read `extra` each time: a page's text may state facts of this very error (e.g. the seats left).
  const explain = (error: ApiError) => props.extra?.[error.code] ?? explainShared(error);
  return (
    <Show when={props.error}>
      {(error) => (
        <div class="error-box" role="alert">
          <p class="error-title">{explain(error())}</p>
          <Show when={error().code === "version_conflict" && props.onReload}>
            <button type="button" class="button" onClick={() => props.onReload?.()}>
              {t("conflict.reload")}
            </button>
          </Show>
        </div>
      )}
    </Show>
  );
}
