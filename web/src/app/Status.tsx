import { A } from "@solidjs/router";
import { type Accessor, createMemo, type JSX, Match, type Resource, Show, Switch, untrack } from "solid-js";
import type { ApiError } from "./api/client";
import { type MessageKey, useI18n } from "./i18n/i18n";
import { paths } from "./paths";

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
          <A href={paths.security()}>{t("error.mfa_enrol")}</A>
        </p>
        <p>
          <A href={paths.signIn()}>{t("error.mfa_signInAgain")}</A>
        </p>
      </Show>
      <button type="button" class="button" onClick={() => props.onRetry()}>
        {t("state.retry")}
      </button>
    </div>
  );
}

/**
 * Shows a resource's first load, its error (with retry) or its value. A refetch keeps the page mounted: while the
 * resource is `refreshing` the children stay (an open form, its typed text, the scroll position and keyboard focus
 * survive the reload after every action) and the region is marked `aria-busy` so screen readers wait for the new
 * content instead of hearing it piecemeal. The children get an accessor, so they show the new value when it
 * arrives rather than the one captured when they were mounted.
 *
 * A retry after an error also runs as `refreshing` in Solid (the resource resolved once, with its error), so
 * "keep the children" is decided by whether they were showing a value just before: after an error the retry
 * shows the loading line, as the first load does.
 */
export function Async<T>(props: {
  resource: Resource<T>;
  onRetry: () => void;
  children: (value: Accessor<T>) => JSX.Element;
}) {
  const showing = createMemo<boolean>((before) => {
    const state = props.resource.state;
    return state === "ready" || (state === "refreshing" && before);
  }, false);
  // The last value read while the resource was not errored: reading an errored resource throws, and the children's
  // computations may run once more before the switch below disposes them.
  const value = createMemo<T | undefined>((before) =>
    props.resource.state === "errored" ? before : (props.resource() as T | undefined),
  );
  return (
    <Switch>
      <Match when={props.resource.state === "errored" && (props.resource.error as ApiError | undefined)}>
        {(error) => <ErrorState error={error()} onRetry={props.onRetry} />}
      </Match>
      <Match when={showing()}>
        <div class="async" aria-busy={props.resource.state === "refreshing" ? "true" : undefined}>
          {untrack(() => props.children(value as Accessor<T>))}
        </div>
      </Match>
      <Match when={props.resource.loading}>
        <Loading />
      </Match>
    </Switch>
  );
}
