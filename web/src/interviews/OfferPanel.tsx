import type { Offer, OfferPayKind } from "@ketnoi/core";
import { OfferTermsSchema } from "@ketnoi/core/schemas/offer";
import { todayInVietnam } from "@ketnoi/core/time";
import { createResource, createSignal, For, Show } from "solid-js";
import { type ApiError, toApiError } from "../api/client";
import { ActionError } from "../components/ActionError";
import { SelectField, TextArea, TextField } from "../forms/fields";
import { type FieldErrors, focusFirstError, validateWith } from "../forms/validation";
import { useCatalog } from "../i18n/i18n";
import { fetchOffer, makeOffer, withdrawOffer } from "./api";
import { termLines } from "./format";
import { interviewMessages } from "./i18n";

const daysAhead = (days: number) => todayInVietnam(new Date(Date.now() + days * 86_400_000));

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
  onChanged: () => void;
}) {
  const { t, locale } = useCatalog(interviewMessages);
  const [loaded] = createResource(() => (props.lookUp ? props.applicationId : undefined), fetchOffer);
  // What the last change answered wins over a load still in flight.
  const [changed, setChanged] = createSignal<Offer>();
  const offer = () => changed() ?? loaded();
  const [editing, setEditing] = createSignal(false);
  const [withdrawing, setWithdrawing] = createSignal(false);
  const [payKind, setPayKind] = createSignal<OfferPayKind>("monthly");
  const [payVnd, setPayVnd] = createSignal("");
  const [startDate, setStartDate] = createSignal(daysAhead(30));
  const [replyBy, setReplyBy] = createSignal(daysAhead(7));
  const [place, setPlace] = createSignal("");
  const [note, setNote] = createSignal("");
  const [reason, setReason] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
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

  function submit(event: Event) {
    event.preventDefault();
    const draft = {
      payKind: payKind(),
      ...(payKind() === "unpaid" || payVnd() === "" ? {} : { payVnd: Number(payVnd()) }),
      startDate: startDate(),
      replyBy: replyBy(),
      ...(place().trim() ? { place: place().trim() } : {}),
      ...(note().trim() ? { note: note().trim() } : {}),
    };
    const checked = validateWith(OfferTermsSchema, draft, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return focusFirstError(form);
    }
    setErrors({});
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
          <fieldset class="confirm notice">
            <legend>{t("offer.withdraw")}</legend>
            <TextArea
              name={id("wd-reason")}
              label={t("offer.withdrawReason")}
              required
              rows={2}
              value={reason()}
              onInput={setReason}
            />
            <p class="actions">
              <button
                type="button"
                class="button button-small button-danger"
                disabled={busy() || !reason().trim()}
                onClick={() =>
                  void run(() =>
                    withdrawOffer(props.applicationId, { reason: reason().trim(), version: props.applicationVersion }),
                  )
                }
              >
                {t("offer.confirmWithdraw")}
              </button>
              <button type="button" class="button button-small button-secondary" onClick={() => setWithdrawing(false)}>
                {t("form.cancel")}
              </button>
            </p>
          </fieldset>
        </Show>
        <Show when={props.canOffer && !editing()}>
          <p class="actions">
            <button
              type="button"
              class="button button-small"
              aria-label={t("offer.makeFor", { name: props.name })}
              onClick={() => {
                setEditing(true);
                queueMicrotask(() => document.getElementById(`f-${id("pay-kind")}`)?.focus());
              }}
            >
              {t("offer.make")}
            </button>
          </p>
        </Show>
        <Show when={props.canOffer && editing()}>
          <form ref={form} class="offer-form" onSubmit={submit} novalidate>
            <SelectField
              name={id("pay-kind")}
              label={t("offer.payKind")}
              required
              value={payKind()}
              options={(["monthly", "total", "unpaid"] as const).map((k) => ({ value: k, label: t(`offer.pay.${k}`) }))}
              onChange={(v) => setPayKind(v as OfferPayKind)}
            />
            <Show when={payKind() !== "unpaid"}>
              <TextField
                name={id("pay-vnd")}
                type="number"
                inputmode="numeric"
                min="1000"
                step="100000"
                label={t("offer.payVnd")}
                required
                value={payVnd()}
                onInput={setPayVnd}
                error={errors().payVnd}
              />
            </Show>
            <TextField
              name={id("start")}
              type="date"
              label={t("offer.startDate")}
              required
              value={startDate()}
              onInput={setStartDate}
              error={errors().startDate}
            />
            <TextField
              name={id("reply-by")}
              type="date"
              label={t("offer.replyBy")}
              required
              min={todayInVietnam(new Date())}
              value={replyBy()}
              onInput={setReplyBy}
              error={errors().replyBy}
            />
            <TextField name={id("place")} label={t("offer.place")} value={place()} onInput={setPlace} />
            <TextArea name={id("note")} label={t("offer.note")} rows={2} value={note()} onInput={setNote} />
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
