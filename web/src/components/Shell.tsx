import { A, type RouteSectionProps, useLocation } from "@solidjs/router";
import { createEffect, ErrorBoundary, on, Show, Suspense } from "solid-js";
import { toApiError } from "../api/client";
import { useI18n } from "../i18n/i18n";
import { session } from "../session/session";
import { LanguageSwitch } from "./LanguageSwitch";
import { ErrorState, Loading } from "./Status";

/** The page frame: skip link, header with navigation and language switch, the routed page, and the footer. */
export function Shell(props: RouteSectionProps) {
  const { t } = useI18n();
  const location = useLocation();
  let main: HTMLElement | undefined;

  // After a client-side navigation, move focus to the new page so keyboard and screen reader users start there.
  createEffect(
    on(
      () => location.pathname,
      () => main?.focus({ preventScroll: false }),
      { defer: true },
    ),
  );

  return (
    <>
      {/* target="_self" keeps the router out, so the browser's own fragment jump moves focus to <main>. */}
      <a class="skip-link" href="#main" target="_self">
        {t("app.skipToContent")}
      </a>
      <header class="site-header">
        <div class="wrap header-row">
          <A href="/" class="brand" end>
            <span class="brand-name">{t("app.name")}</span>
            <span class="brand-tagline">{t("app.tagline")}</span>
          </A>
          <nav aria-label={t("nav.label")} class="site-nav">
            <ul>
              <li>
                <A href="/" end>
                  {t("nav.listings")}
                </A>
              </li>
              <Show
                when={session.me()}
                fallback={
                  <li>
                    <A href="/dang-nhap">{t("nav.signIn")}</A>
                  </li>
                }
              >
                {(me) => (
                  <>
                    <li class="signed-in">{t("nav.signedInAs", { name: me().displayName })}</li>
                    <li>
                      <button type="button" class="button button-quiet" onClick={() => session.signOut()}>
                        {t("nav.signOut")}
                      </button>
                    </li>
                  </>
                )}
              </Show>
              <li>
                <LanguageSwitch />
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} class="wrap">
        <ErrorBoundary fallback={(error, reset) => <ErrorState error={toApiError(error)} onRetry={reset} />}>
          <Suspense fallback={<Loading />}>{props.children}</Suspense>
        </ErrorBoundary>
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p>{t("app.footer")}</p>
        </div>
      </footer>
    </>
  );
}
