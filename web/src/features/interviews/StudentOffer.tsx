import type { Offer } from "@ketnoi/core";
import { createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { Confirm } from "../../app/Confirm";
import { TextArea } from "../../app/forms/fields";
import { useCatalog } from "../../app/i18n/i18n";
import { acceptOffer, declineOffer } from "./api";
import { termLines } from "./format";
import { interviewMessages } from "./messages";

/**
 * An offer's terms for the student, and — while it is open — accepting (a confirmation that repeats the terms)
 * or declining (with an optional reason).
 */
export function StudentOffer(props: {
  offer: Offer;
  applicationId: string;
  applicationVersion: number;
  title: string;
  orgName: string;
  onAnswered: () => void;
}) {
  const { t, locale } = useCatalog(interviewMessages);
  const [accepting, setAccepting] = createSignal(false);
  const [declining, setDeclining] = createSignal(false);
  const [reason, setReason] = createSignal("");
  const [failure, setFailure] = createSignal<ApiError>();
  const [busy, setBusy] = createSignal(false);
  const id = (field: string) => `${field}-${props.applicationId}`;
  const lines = () => termLines(props.offer, t, locale());

  async function run(work: () => Promise<Offer>) {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
      props.onAnswered();
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel offer-panel" aria-labelledby={id("soffer")}>
      <h3 id={id("soffer")}>{t("offer.title")}</h3>
      <p>
        <strong class="badge">{t(`offer.status.${props.offer.status}`)}</strong>
      </p>
      <ul class="offer-terms">
        <For each={lines()}>{(line) => <li>{line}</li>}</For>
      </ul>
      <ActionError
        error={failure()}
        extra={{ offer_expired: t("offer.error.offer_expired") }}
        onReload={props.onAnswered}
      />
      <Show when={props.offer.status === "open"}>
        <Show
          when={!declining()}
          fallback={
            <fieldset class="confirm notice">
              <legend>{t("offer.decline")}</legend>
              <TextArea
                name={id("decline-reason")}
                label={t("offer.declineReason")}
                rows={2}
                value={reason()}
                onInput={setReason}
              />
              <p class="actions">
                <button
                  type="button"
                  class="button button-danger"
                  disabled={busy()}
                  onClick={() =>
                    void run(() =>
                      declineOffer(props.applicationId, {
                        ...(reason().trim() ? { reason: reason().trim() } : {}),
                        version: props.applicationVersion,
                      }),
                    )
                  }
                >
                  {t("offer.confirmDecline")}
                </button>
                <button type="button" class="button button-secondary" onClick={() => setDeclining(false)}>
                  {t("form.cancel")}
                </button>
              </p>
            </fieldset>
          }
        >
          <div class="actions">
            <Confirm
              when={accepting()}
              trigger={
                <button type="button" class="button" disabled={busy()} onClick={() => setAccepting(true)}>
                  {t("offer.accept")}
                </button>
              }
              consequence={
                <>
                  <p>{t("offer.acceptConfirm", { title: props.title, org: props.orgName })}</p>
                  <ul>
                    <For each={lines()}>{(line) => <li>{line}</li>}</For>
                  </ul>
                  <p>
                    <strong>{t("offer.acceptFinal")}</strong>
                  </p>
                </>
              }
              confirmLabel={t("offer.acceptButton")}
              busy={busy()}
              onCancel={() => setAccepting(false)}
              onConfirm={() => void run(() => acceptOffer(props.applicationId, { version: props.applicationVersion }))}
            />
            <Show when={!accepting()}>
              <button
                type="button"
                class="button button-secondary"
                disabled={busy()}
                onClick={() => setDeclining(true)}
              >
                {t("offer.decline")}
              </button>
            </Show>
          </div>
        </Show>
      </Show>
    </section>
  );
}
