import { A, type RouteSectionProps, useLocation } from "@solidjs/router";
import { createEffect, createSignal, ErrorBoundary, For, on, onCleanup, Show, Suspense } from "solid-js";
import { dashboardNavLabel } from "../features/dashboard/messages.nav";
import { MessagesBadge } from "../features/messages/MessagesBadge";
import { unreadNotifications } from "../features/notifications/unread";
import { toApiError } from "./api/client";
import { useI18n } from "./i18n/i18n";
import { LanguageSwitch } from "./LanguageSwitch";
import { menuFor } from "./nav";
import { paths } from "./paths";
import { ErrorState, Loading } from "./Status";
import { session, signOutEverywhere } from "./session/session";

const bellPollMs = 60_000;

/** The bell: a link to the notifications page whose name says how many are unread. */
function NotificationBell() {
  const { t } = useI18n();
  const count = unreadNotifications.count;
  return (
    <A
      href={paths.notifications()}
      class="bell"
      aria-label={count() > 0 ? t("nav.notificationsUnread", { count: count() }) : t("nav.notifications")}
    >
      {/* An inline icon: an emoji bell would show as an empty box on phones without an emoji font. */}
      <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
      </svg>
      <Show when={count() > 0}>
        <span class="bell-count" aria-hidden="true">
          {count() > 99 ? "99+" : count()}
        </span>
      </Show>
    </A>
  );
}

/** The page frame: skip link, header with the role's menu, bell and language switch, the routed page, footer. */
export function Shell(props: RouteSectionProps) {
  const { t, pick } = useI18n();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = createSignal(false);
  let main: HTMLElement | undefined;

  // After a client-side navigation, move focus to the new page so keyboard and screen reader users start there.
  createEffect(
    on(
      () => location.pathname,
      () => {
        setMenuOpen(false);
        main?.focus({ preventScroll: false });
      },
      { defer: true },
    ),
  );

  // The bell follows navigation and a slow poll while the tab is visible; nothing runs for signed-out visitors.
  createEffect(
    on([() => session.me()?.id, () => location.pathname], ([userId]) => {
      if (userId) void unreadNotifications.refresh();
      else unreadNotifications.reset();
    }),
  );
  const poll = setInterval(() => {
    if (session.me() && document.visibilityState === "visible") void unreadNotifications.refresh();
  }, bellPollMs);
  onCleanup(() => clearInterval(poll));

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
            <div class="nav-tools">
              <Show when={session.me()}>
                <NotificationBell />
                <MessagesBadge />
              </Show>
              <LanguageSwitch />
              <button
                type="button"
                class="button button-quiet menu-toggle"
                aria-expanded={menuOpen()}
                aria-controls="site-menu"
                onClick={() => setMenuOpen((open) => !open)}
              >
                {t("nav.menu")}
              </button>
            </div>
            {/* Links and account in two lists: on a wide screen the account goes up beside the tools so the links fit
                one line (styles.css); on a phone both fold behind the menu button. */}
            <div id="site-menu" class="menu-panel" classList={{ "menu-open": menuOpen() }}>
              <ul class="menu-links">
                <For each={menuFor(session.me())}>
                  {(item) => (
                    <li>
                      <A href={item.href} end={item.end ?? false}>
                        {t(item.label)}
                      </A>
                    </li>
                  )}
                </For>
                <Show when={["province", "staff", "admin"].includes(session.me()?.role ?? "")}>
                  <li>
                    <A href={paths.dashboard()}>{pick(dashboardNavLabel)}</A>
                  </li>
                </Show>
              </ul>
              <ul class="menu-account">
                <Show
                  when={session.me()}
                  fallback={
                    <li>
                      <A href={paths.signIn()}>{t("nav.signIn")}</A>
                    </li>
                  }
                >
                  {(me) => (
                    <>
                      <li class="signed-in">{t("nav.signedInAs", { name: me().displayName })}</li>
                      <li>
                        <A href={paths.mailSettings()}>{t("nav.mailSettings")}</A>
                      </li>
                      {/* Roles that see personal data need an authenticator app (pages/Security.tsx). */}
                      <Show when={me().role !== "student"}>
                        <li>
                          <A href={paths.security()}>{t("nav.security")}</A>
                        </li>
                      </Show>
                      <li>
                        <button type="button" class="button button-quiet" onClick={() => void signOutEverywhere()}>
                          {t("nav.signOut")}
                        </button>
                      </li>
                    </>
                  )}
                </Show>
              </ul>
            </div>
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
