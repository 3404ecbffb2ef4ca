import type { Offer } from "@ketnoi/core";
import { createEffect, createResource, createSignal, For, on, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { focusFirstError } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { fetchOffer, makeOffer, withdrawOffer } from "./api";
import { termLines } from "./format";
import { interviewMessages } from "./messages";
import { checkOfferTerms, createOfferTermsDraft, OfferTermsFields } from "./OfferTermsFields";
import { ReasonConfirm } from "./ReasonConfirm";

/**
 * The organisation's offer with terms on the applicant board: the form (pay in VND monthly or in total, or unpaid
 * training; start date; reply-by date; place; note), then the offer's status, and withdrawing it with a reason.
 */
export function OfferPanel(props: {
  applicationId: string;
  applicationVersion: number;
  name: string;
  canOffer: boolean;
  /** Whether an offer may exist (the application was offered at some point): only then is it read. */
  lookUp: boolean;
  /** Raised by the card's quick "make an offer" button: opens this terms form (an offer never goes without terms). */
  openRequests?: number;
  onChanged: () => void;
}) {
  const { t, locale } = useCatalog(interviewMessages);
  const [loaded] = createResource(() => (props.lookUp ? props.applicationId : undefined), fetchOffer);
  // What the last change answered wins over a load still in flight.
  const [changed, setChanged] = createSignal<Offer>();
  const offer = () => changed() ?? loaded();
  const [editing, setEditing] = createSignal(false);
  const [withdrawing, setWithdrawing] = createSignal(false);
  const terms = createOfferTermsDraft();
  const [reason, setReason] = createSignal("");
  const [failure, setFailure] = createSignal<ApiError>();
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;
  const id = (field: string) => `${field}-${props.applicationId}`;
  const errorText = () => ({ capacity_full: t("offer.error.capacity_full") });

  async function run(work: () => Promise<Offer>) {
    setBusy(true);
    setFailure(undefined);
    try {
      setChanged(await work());
      setEditing(false);
      setWithdrawing(false);
      props.onChanged();
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  }

  function openForm() {
    setEditing(true);
    queueMicrotask(() => document.getElementById(`f-${id("pay-kind")}`)?.focus());
  }
  createEffect(
    on(
      () => props.openRequests ?? 0,
      (requests) => requests > 0 && props.canOffer && openForm(),
      { defer: true },
    ),
  );

  function submit(event: Event) {
    event.preventDefault();
    const checked = checkOfferTerms(terms, t);
    if (!checked.ok) return focusFirstError(form);
    void run(() => makeOffer(props.applicationId, { terms: checked.value, version: props.applicationVersion }));
  }

  return (
    <Show when={offer() || props.canOffer}>
      <section class="panel offer-panel" aria-labelledby={id("offer")}>
        <h4 id={id("offer")}>{t("offer.title")}</h4>
        <Show when={offer()}>
          {(current) => (
            <>
              <p>
                <strong class="badge">{t(`offer.status.${current().status}`)}</strong>
              </p>
              <ul class="offer-terms">
                <For each={termLines(current(), t, locale())}>{(line) => <li>{line}</li>}</For>
              </ul>
              <Show when={current().reason}>{(why) => <p class="muted">{why()}</p>}</Show>
            </>
          )}
        </Show>
        <ActionError error={failure()} extra={errorText()} onReload={props.onChanged} />
        <Show when={offer()?.status === "open" && !withdrawing()}>
          <p class="actions">
            <button type="button" class="button button-small button-secondary" onClick={() => setWithdrawing(true)}>
              {t("offer.withdraw")}
            </button>
          </p>
        </Show>
        <Show when={withdrawing()}>
          <ReasonConfirm
            legend={t("offer.withdraw")}
            name={id("wd-reason")}
            label={t("offer.withdrawReason")}
            confirmLabel={t("offer.confirmWithdraw")}
            text={reason()}
            onInput={setReason}
            busy={busy()}
            danger
            small
            onConfirm={(text) =>
              void run(() => withdrawOffer(props.applicationId, { reason: text, version: props.applicationVersion }))
            }
            onCancel={() => setWithdrawing(false)}
          />
        </Show>
        <Show when={props.canOffer && !editing()}>
          <p class="actions">
            <button
              type="button"
              class="button button-small"
              aria-label={t("offer.makeFor", { name: props.name })}
              onClick={openForm}
            >
              {t("offer.make")}
            </button>
          </p>
        </Show>
        <Show when={props.canOffer && editing()}>
          <form ref={form} class="offer-form" onSubmit={submit} novalidate>
            <OfferTermsFields draft={terms} prefix={props.applicationId} />
            <p class="actions">
              <button type="submit" class="button button-small" disabled={busy()}>
                {t("offer.send")}
              </button>
              <button type="button" class="button button-small button-secondary" onClick={() => setEditing(false)}>
                {t("form.cancel")}
              </button>
            </p>
          </form>
        </Show>
      </section>
    </Show>
  );
}
