import type { DemoAccount, Role } from "@ketnoi/core";
import { roles } from "@ketnoi/core/roles";
import { useNavigate, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { type ApiError, toApiError } from "../../app/api/client";
import { useCatalog } from "../../app/i18n/i18n";
import { Async, ErrorState, Loading } from "../../app/Status";
import { type DeployConfig, loadDeployConfig, startSignIn } from "../../app/session/cognito";
import { fetchDemoAccounts, session } from "../../app/session/session";
import { usePageTitle } from "../../app/title";
import { signInMessages } from "./messages";
import "./signin.css";

/** Where to go after signing in: the page that asked (`?tiep=/ho-so`), only ever a path inside the app. */
function returnPath(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

function groupByRole(accounts: DemoAccount[]): Array<{ role: Role; accounts: DemoAccount[] }> {
  return roles
    .map((role) => ({ role, accounts: accounts.filter((a) => a.role === role) }))
    .filter((group) => group.accounts.length > 0);
}

/**
 * Sign-in at `/dang-nhap`. In a deployed stage (`/config.json` names a hosted UI): one button to Cognito's sign-in
 * and sign-up page. Locally: the development identity provider's demo accounts, grouped by role.
 */
export default function SignIn() {
  const { t } = useCatalog(signInMessages);
  const [search] = useSearchParams<{ tiep?: string }>();
  const [config] = createResource(loadDeployConfig);
  usePageTitle(() => t("signIn.title"));

  return (
    <>
      <h1>{t("signIn.title")}</h1>
      <Show when={session.me()}>{(me) => <p class="notice">{t("signIn.current", { name: me().displayName })}</p>}</Show>
      <Switch>
        <Match when={config.loading}>
          <Loading />
        </Match>
        <Match when={config()}>
          {(deployed) => <HostedSignIn config={deployed()} returnTo={returnPath(search.tiep)} />}
        </Match>
        <Match when={config.state === "ready"}>
          <DemoAccounts returnTo={returnPath(search.tiep)} />
        </Match>
      </Switch>
    </>
  );
}

/** The button to Cognito's hosted UI, which signs people in and lets students sign up. */
function HostedSignIn(props: { config: DeployConfig; returnTo: string }) {
  const { t } = useCatalog(signInMessages);
  const [pending, setPending] = createSignal(false);
  const [failed, setFailed] = createSignal(false);

  async function go() {
    setPending(true);
    setFailed(false);
    try {
      await startSignIn(props.config, props.returnTo);
    } catch {
      // No WebCrypto (an old browser, or a page not served over HTTPS).
      setFailed(true);
      setPending(false);
    }
  }

  return (
    <>
      <p class="lead">{t("signIn.cognitoIntro")}</p>
      <Show when={failed()}>
        <p class="error-box" role="alert">
          {t("signIn.cognitoUnsupported")}
        </p>
      </Show>
      <p>
        <button type="button" class="button" disabled={pending()} onClick={() => void go()}>
          {t(pending() ? "signIn.redirecting" : "signIn.cognitoButton")}
        </button>
      </p>
      <p class="muted">{t("signIn.cognitoNote")}</p>
    </>
  );
}

/** The development identity provider's demo accounts, grouped by role (local development only). */
function DemoAccounts(props: { returnTo: string }) {
  const { t } = useCatalog(signInMessages);
  const navigate = useNavigate();
  const [accounts, { refetch }] = createResource(fetchDemoAccounts);
  const [pending, setPending] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<{ userId: string; error: ApiError } | null>(null);

  async function signInAs(userId: string) {
    setPending(userId);
    setFailure(null);
    try {
      await session.signIn(userId);
      navigate(props.returnTo);
    } catch (error) {
      setFailure({ userId, error: toApiError(error) });
    } finally {
      setPending(null);
    }
  }

  return (
    <>
      <p class="lead">{t("signIn.intro")}</p>
      <Show when={failure()}>
        {(f) => <ErrorState title={t("signIn.failed")} error={f().error} onRetry={() => void signInAs(f().userId)} />}
      </Show>
      <Async resource={accounts} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">{t("signIn.empty")}</p>}>
            <For each={groupByRole(list())}>
              {(group) => (
                <section class="role-group" aria-labelledby={`role-${group.role}`}>
                  <h2 id={`role-${group.role}`}>{t(`role.${group.role}`)}</h2>
                  <ul class="accounts">
                    <For each={group.accounts}>
                      {(account) => (
                        <li class="account">
                          <span class="account-text">
                            <strong>{account.displayName}</strong>
                            {/* The id and role the README and the docs use (sv-lan, staff-lhu…): no guessing between two colleagues. */}
                            <span class="account-id">
                              <code>{account.id}</code> · {t(`role.${account.role}`)}
                            </span>
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
