import { A, useLocation, useNavigate } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Loading } from "../../app/Status";
import { completeSignIn, loadDeployConfig, SignInError } from "../../app/session/cognito";
import { usePageTitle } from "../../app/title";
import { type SignInKey, signInMessages } from "./messages";

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
            <A href={paths.signIn()} class="button">
              {t("signIn.again")}
            </A>
          </p>
        </>
      )}
    </Show>
  );
}
