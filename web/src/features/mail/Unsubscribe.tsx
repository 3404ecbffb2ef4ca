import { mailKindLabels, type NotificationKind } from "@ketnoi/core";
import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, Match, Switch } from "solid-js";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Loading } from "../../app/Status";
import { usePageTitle } from "../../app/title";
import { confirmUnsubscribe, readUnsubscribeLink } from "./api";
import { mailMessages } from "./messages";

/**
 * `/huy-nhan-thu?token=…`: the page a mail's unsubscribe link opens. Opening it changes nothing (link checkers
 * open links too); its button posts, as mail clients' one-click unsubscribe does. No sign-in needed.
 */
export default function Unsubscribe() {
  const { t, lang } = useCatalog(mailMessages);
  usePageTitle(() => t("mail.unsubscribe.title"));
  const [params] = useSearchParams();
  const token = () => (typeof params.token === "string" ? params.token : "");
  const [link] = createResource(token, (value) => readUnsubscribeLink(value).catch(() => null));
  const [done, setDone] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  let doneBox: HTMLParagraphElement | undefined;
  const kindName = (kind: NotificationKind) => mailKindLabels[kind]?.[lang()] ?? kind;

  async function confirm() {
    setBusy(true);
    try {
      await confirmUnsubscribe(token());
      setDone(true);
      queueMicrotask(() => doneBox?.focus());
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t("mail.unsubscribe.title")}</h1>
      <Switch>
        <Match when={link.loading}>
          <Loading />
        </Match>
        <Match when={!link() || failed()}>
          <p role="alert">{t("mail.unsubscribe.invalid")}</p>
        </Match>
        <Match when={done()}>
          <p class="success" role="status" tabIndex={-1} ref={doneBox}>
            {t("mail.unsubscribe.done", { kind: kindName(link()!.kind) })}
          </p>
        </Match>
        <Match when={link()?.channel === "off"}>
          <p>{t("mail.unsubscribe.already", { kind: kindName(link()!.kind) })}</p>
        </Match>
        <Match when={link()}>
          {(found) => (
            <>
              <p>{t("mail.unsubscribe.question", { kind: kindName(found().kind) })}</p>
              <p>
                <button type="button" class="button" disabled={busy()} onClick={() => void confirm()}>
                  {t("mail.unsubscribe.confirm")}
                </button>
              </p>
            </>
          )}
        </Match>
      </Switch>
      <p>
        <A href={paths.mailSettings()}>{t("mail.unsubscribe.settings")}</A>
      </p>
    </>
  );
}
