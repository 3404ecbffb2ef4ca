import { A } from "@solidjs/router";
import { type JSX, Match, type Resource, Show, Switch } from "solid-js";
import type { ApiError } from "../api/client";
import { type MessageKey, useI18n } from "../i18n/i18n";

const explainedCodes = new Set([
  "network",
  "not_found",
  "database_unavailable",
  "rate_limited",
  "unauthenticated",
  "mfa_required",
]);

/** The catalog key explaining an error to the user; codes without their own message get the generic one. */
export function errorMessageKey(error: Pick<ApiError, "code"> | undefined): MessageKey {
  const code = error?.code ?? "";
  return explainedCodes.has(code) ? (`error.${code}` as MessageKey) : "error.generic";
}

/** A polite "loading" line that screen readers announce. */
export function Loading(props: { label?: string }) {
  const { t } = useI18n();
  return (
    <p class="status" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? t("state.loading")}
    </p>
  );
}

/** What went wrong, in the user's language, with a button to try again. */
export function ErrorState(props: { error: ApiError | undefined; onRetry: () => void; title?: string }) {
  const { t } = useI18n();
  return (
    <div class="error-box" role="alert">
      <p class="error-title">{props.title ?? t("state.errorTitle")}</p>
      <p>{t(errorMessageKey(props.error))}</p>
      {/* The API refuses staff roles without a second factor (functions/src/auth/mfa.ts): enrol, then sign in again. */}
      <Show when={props.error?.code === "mfa_required"}>
        <p>
          <A href="/bao-mat">{t("error.mfa_enrol")}</A>
        </p>
        <p>
          <A href="/dang-nhap">{t("error.mfa_signInAgain")}</A>
        </p>
      </Show>
      <button type="button" class="button" onClick={() => props.onRetry()}>
        {t("state.retry")}
      </button>
    </div>
  );
}

/**
 * Shows a resource's loading, error (with retry) or ready state. Checks `loading` first because a resource
 * keeps its old error until a retry finishes.
 */
export function Async<T>(props: { resource: Resource<T>; onRetry: () => void; children: (value: T) => JSX.Element }) {
  return (
    <Switch>
      <Match when={props.resource.loading}>
        <Loading />
      </Match>
      <Match when={props.resource.error as ApiError | undefined}>
        {(error) => <ErrorState error={error()} onRetry={props.onRetry} />}
      </Match>
      <Match when={props.resource.state === "ready"}>{props.children(props.resource() as T)}</Match>
    </Switch>
  );
}
