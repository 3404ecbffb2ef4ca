import { A, useLocation, useNavigate } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import { Loading } from "../components/Status";
import { usePageTitle } from "../components/title";
import { useCatalog } from "../i18n/i18n";
import { type SignInKey, signInMessages } from "../i18n/signin";
import { completeSignIn, loadDeployConfig, SignInError } from "../session/cognito";

const reasons: Record<SignInError["reason"], SignInKey> = {
  state: "signIn.callbackState",
  denied: "signIn.callbackDenied",
  token: "signIn.callbackFailed",
};

/** `/dang-nhap/xong`: Cognito's hosted UI comes back here with a code, traded for the session's ID token. */
export default function SignInCallback() {
  const { t } = useCatalog(signInMessages);
  const location = useLocation();
  const navigate = useNavigate();
  const [failure, setFailure] = createSignal<SignInKey | null>(null);
  usePageTitle(() => t("signIn.title"));

  onMount(async () => {
    try {
      const config = await loadDeployConfig();
      if (!config) throw new SignInError("token");
      const returnTo = await completeSignIn(config, new URLSearchParams(location.search));
      navigate(returnTo, { replace: true });
    } catch (error) {
      setFailure(error instanceof SignInError ? reasons[error.reason] : "signIn.callbackFailed");
    }
  });

  return (
    <Show when={failure()} fallback={<Loading label={t("signIn.callbackWorking")} />}>
      {(message) => (
        <>
          <h1>{t("signIn.failed")}</h1>
          <p role="alert">{t(message())}</p>
          <p>
            <A href="/dang-nhap" class="button">
              {t("signIn.again")}
            </A>
          </p>
        </>
      )}
    </Show>
  );
}
