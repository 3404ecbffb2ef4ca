import type { DemoAccount, Role } from "@ketnoi/core";
import { roles } from "@ketnoi/core/roles";
import { useNavigate, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { type ApiError, toApiError } from "../api/client";
import { Async, ErrorState } from "../components/Status";
import { usePageTitle } from "../components/title";
import { useI18n } from "../i18n/i18n";
import { fetchDemoAccounts, session } from "../session/session";

/** Where to go after signing in: the page that asked (`?tiep=/ho-so`), only ever a path inside the app. */
function returnPath(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

function groupByRole(accounts: DemoAccount[]): Array<{ role: Role; accounts: DemoAccount[] }> {
  return roles
    .map((role) => ({ role, accounts: accounts.filter((a) => a.role === role) }))
    .filter((group) => group.accounts.length > 0);
}

/** Sign-in at `/dang-nhap`: the development identity provider's demo accounts, grouped by role. */
export default function SignIn() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search] = useSearchParams<{ tiep?: string }>();
  const [accounts, { refetch }] = createResource(fetchDemoAccounts);
  const [pending, setPending] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<{ userId: string; error: ApiError } | null>(null);
  usePageTitle(() => t("signIn.title"));

  async function signInAs(userId: string) {
    setPending(userId);
    setFailure(null);
    try {
      await session.signIn(userId);
      navigate(returnPath(search.tiep));
    } catch (error) {
      setFailure({ userId, error: toApiError(error) });
    } finally {
      setPending(null);
    }
  }

  return (
    <>
      <h1>{t("signIn.title")}</h1>
      <p class="lead">{t("signIn.intro")}</p>
      <Show when={session.me()}>{(me) => <p class="notice">{t("signIn.current", { name: me().displayName })}</p>}</Show>
      <Show when={failure()}>
        {(f) => <ErrorState title={t("signIn.failed")} error={f().error} onRetry={() => void signInAs(f().userId)} />}
      </Show>
      <Async resource={accounts} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p class="empty">{t("signIn.empty")}</p>}>
            <For each={groupByRole(list)}>
              {(group) => (
                <section class="role-group" aria-labelledby={`role-${group.role}`}>
                  <h2 id={`role-${group.role}`}>{t(`role.${group.role}`)}</h2>
                  <ul class="accounts">
                    <For each={group.accounts}>
                      {(account) => (
                        <li class="account">
                          <span class="account-text">
                            <strong>{account.displayName}</strong>
                            <span class="muted">{account.orgName ?? account.email}</span>
                          </span>
                          <button
                            type="button"
                            class="button"
                            aria-label={t("signIn.as", { name: account.displayName })}
                            disabled={pending() !== null}
                            onClick={() => void signInAs(account.id)}
                          >
                            {t(pending() === account.id ? "signIn.signingIn" : "signIn.button")}
                          </button>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              )}
            </For>
          </Show>
        )}
      </Async>
    </>
  );
}
