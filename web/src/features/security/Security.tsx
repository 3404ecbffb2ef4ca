import { A } from "@solidjs/router";
import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Loading } from "../../app/Status";
import { type DeployConfig, loadDeployConfig, startSignIn } from "../../app/session/cognito";
import { session, signOutEverywhere } from "../../app/session/session";
import { usePageTitle } from "../../app/title";
import { securityMessages } from "./messages";
import "./security.css";
import {
  associateSoftwareToken,
  groupSecret,
  otpauthUri,
  TotpError,
  type TotpErrorReason,
  verifyAndEnableTotp,
} from "./totp";

const securityPath = paths.security();

/**
 * Account security at `/bao-mat`: enrols an authenticator app (TOTP) so staff roles pass the API's MFA gate
 * (functions/src/auth/mfa.ts). In a deployed stage it talks to Cognito's user APIs with the access token of this
 * tab's sign-in; locally the dev tokens already carry the MFA claim, so nothing is called.
 */
export default function Security() {
  const { t } = useCatalog(securityMessages);
  const [config] = createResource(loadDeployConfig);
  usePageTitle(() => t("security.title"));

  return (
    <>
      <h1>{t("security.title")}</h1>
      <p class="lead">{t("security.intro")}</p>
      <Switch>
        <Match when={!session.token()}>
          <p>{t("security.signedOut")}</p>
          <p>
            <A class="button" href={paths.signIn(securityPath)}>
              {t("security.signIn")}
            </A>
          </p>
        </Match>
        <Match when={config.loading}>
          <Loading />
        </Match>
        <Match when={config()}>{(deployed) => <Enrolment config={deployed()} />}</Match>
        <Match when={config.state === "ready"}>
          <p class="notice">{t("security.devSimulated")}</p>
        </Match>
      </Switch>
    </>
  );
}

/** A button that leaves for the hosted UI and comes back here with fresh tokens. */
function FreshSignIn(props: { config: DeployConfig }) {
  const { t } = useCatalog(securityMessages);
  return (
    <p>
      <button type="button" class="button" onClick={() => void startSignIn(props.config, securityPath)}>
        {t("security.signInAgain")}
      </button>
    </p>
  );
}

type Step = { name: "start" } | { name: "secret"; secret: string } | { name: "done" };

function Enrolment(props: { config: DeployConfig }) {
  const { t } = useCatalog(securityMessages);
  const [step, setStep] = createSignal<Step>({ name: "start" });
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<TotpErrorReason | null>(null);
  const [code, setCode] = createSignal("");
  const [codeInvalid, setCodeInvalid] = createSignal(false);
  let codeInput: HTMLInputElement | undefined;

  async function run(action: (accessToken: string) => Promise<void>) {
    const accessToken = session.accessToken();
    if (!accessToken) return setError("expired");
    setBusy(true);
    setError(null);
    try {
      await action(accessToken);
    } catch (failure) {
      setError(failure instanceof TotpError ? failure.reason : "failed");
      if (failure instanceof TotpError && failure.reason === "wrongCode") codeInput?.focus();
    } finally {
      setBusy(false);
    }
  }

  const start = () =>
    run(async (accessToken) => {
      setStep({ name: "secret", secret: await associateSoftwareToken(props.config.region, accessToken) });
    });

  function verify(event: SubmitEvent) {
    event.preventDefault();
    const value = code().replace(/\s/g, "");
    if (!/^\d{6}$/.test(value)) {
      setCodeInvalid(true);
      codeInput?.focus();
      return;
    }
    setCodeInvalid(false);
    void run(async (accessToken) => {
      await verifyAndEnableTotp(props.config.region, accessToken, value, "KetNoi");
      setStep({ name: "done" });
    });
  }

  const account = () => session.me()?.email ?? "";

  return (
    <Show when={session.accessToken() || step().name === "done"} fallback={<NeedsSignIn config={props.config} />}>
      <Show when={error()}>
        {(reason) => (
          <div class="error-box" role="alert">
            <p>{t(`security.error.${reason()}`)}</p>
            <Show when={reason() === "expired"}>
              <FreshSignIn config={props.config} />
            </Show>
          </div>
        )}
      </Show>
      <Switch>
        <Match when={step().name === "start"}>
          <p>
            <button type="button" class="button" disabled={busy()} onClick={() => void start()}>
              {t(busy() ? "security.starting" : "security.start")}
            </button>
          </p>
        </Match>
        <Match when={step().name === "secret" && (step() as { secret: string }).secret}>
          {(secret) => (
            <>
              <section aria-labelledby="totp-step1">
                <h2 id="totp-step1">{t("security.step1")}</h2>
                <p>{t("security.step1Help")}</p>
                <p>
                  {t("security.secretLabel")}: <code class="totp-secret">{groupSecret(secret())}</code>
                </p>
                <p>
                  <a href={otpauthUri(account(), secret())}>{t("security.openInApp")}</a>
                </p>
              </section>
              <section aria-labelledby="totp-step2">
                <h2 id="totp-step2">{t("security.step2")}</h2>
                <form onSubmit={verify} novalidate>
                  <div class="field">
                    <label for="totp-code">{t("security.codeLabel")}</label>
                    <input
                      id="totp-code"
                      ref={codeInput}
                      name="code"
                      inputmode="numeric"
                      autocomplete="one-time-code"
                      maxLength={7}
                      value={code()}
                      onInput={(e) => setCode(e.currentTarget.value)}
                      aria-invalid={codeInvalid() || error() === "wrongCode"}
                      aria-describedby={codeInvalid() ? "totp-code-hint totp-code-error" : "totp-code-hint"}
                    />
                    <p class="hint" id="totp-code-hint">
                      {t("security.codeHint")}
                    </p>
                    <Show when={codeInvalid()}>
                      <p class="field-error" id="totp-code-error">
                        {t("security.codeInvalid")}
                      </p>
                    </Show>
                  </div>
                  <button type="submit" class="button" disabled={busy()}>
                    {t(busy() ? "security.verifying" : "security.verify")}
                  </button>
                </form>
              </section>
            </>
          )}
        </Match>
        <Match when={step().name === "done"}>
          <div class="success" role="status">
            <p>{t("security.done")}</p>
          </div>
          <p>
            {/* Ending the hosted UI's session too makes the next sign-in ask for the code. */}
            <button type="button" class="button" onClick={() => void signOutEverywhere()}>
              {t("security.doneButton")}
            </button>
          </p>
        </Match>
      </Switch>
    </Show>
  );
}

/** The access token lives in memory only: after a reload or once it expires, a fresh sign-in brings it back. */
function NeedsSignIn(props: { config: DeployConfig }) {
  const { t } = useCatalog(securityMessages);
  return (
    <>
      <p class="notice">{t("security.needFreshSignIn")}</p>
      <FreshSignIn config={props.config} />
    </>
  );
}
