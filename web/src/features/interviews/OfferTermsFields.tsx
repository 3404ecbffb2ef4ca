import type { OfferPayKind } from "@ketnoi/core";
import { type OfferTerms, OfferTermsSchema } from "@ketnoi/core/schemas/offer";
import { todayInVietnam } from "@ketnoi/core/time";
import { createSignal, Show } from "solid-js";
import { SelectField, TextArea, TextField } from "../../app/forms/fields";
import { type FieldErrors, type Validation, validateWith } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { interviewMessages } from "./messages";

const daysAhead = (days: number) => todayInVietnam(new Date(Date.now() + days * 86_400_000));

/** What an offer's terms form holds while the member types: pay, dates (reply-by a week ahead), place, note. */
export function createOfferTermsDraft() {
  const [payKind, setPayKind] = createSignal<OfferPayKind>("monthly");
  const [payVnd, setPayVnd] = createSignal("");
  const [startDate, setStartDate] = createSignal(daysAhead(30));
  // A week to answer, shown in the form and changeable: long enough to compare offers, short enough that a
  // position is not held for a student who never replies (it expires then, docs/interviews.md).
  const [replyBy, setReplyBy] = createSignal(daysAhead(7));
  const [place, setPlace] = createSignal("");
  const [note, setNote] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  return {
    payKind,
    setPayKind,
    payVnd,
    setPayVnd,
    startDate,
    setStartDate,
    replyBy,
    setReplyBy,
    place,
    setPlace,
    note,
    setNote,
    errors,
    setErrors,
  };
}
export type OfferTermsDraft = ReturnType<typeof createOfferTermsDraft>;

/** Checks the draft with the API's own schema (OfferTermsSchema), showing its errors in the form. */
export function checkOfferTerms(draft: OfferTermsDraft, t: Parameters<typeof validateWith>[2]): Validation<OfferTerms> {
  const checked = validateWith(
    OfferTermsSchema,
    {
      payKind: draft.payKind(),
      ...(draft.payKind() === "unpaid" || draft.payVnd() === "" ? {} : { payVnd: Number(draft.payVnd()) }),
      startDate: draft.startDate(),
      replyBy: draft.replyBy(),
      ...(draft.place().trim() ? { place: draft.place().trim() } : {}),
      ...(draft.note().trim() ? { note: draft.note().trim() } : {}),
    },
    t,
  );
  draft.setErrors(checked.ok ? {} : checked.errors);
  return checked;
}

/**
 * The fields of an offer's terms, shared by one applicant's offer (OfferPanel) and a bulk offer on the board, so
 * every offer is made with the same terms and the same reply-by rule. `prefix` keeps the ids unique on the page.
 */
export function OfferTermsFields(props: { draft: OfferTermsDraft; prefix: string }) {
  const { t } = useCatalog(interviewMessages);
  const d = props.draft;
  const id = (field: string) => `${field}-${props.prefix}`;
  return (
    <>
      <SelectField
        name={id("pay-kind")}
        label={t("offer.payKind")}
        required
        value={d.payKind()}
        options={(["monthly", "total", "unpaid"] as const).map((k) => ({ value: k, label: t(`offer.pay.${k}`) }))}
        onChange={(v) => d.setPayKind(v as OfferPayKind)}
      />
      <Show when={d.payKind() !== "unpaid"}>
        <TextField
          name={id("pay-vnd")}
          type="number"
          inputmode="numeric"
          min="1000"
          step="100000"
          label={t("offer.payVnd")}
          required
          value={d.payVnd()}
          onInput={d.setPayVnd}
          error={d.errors().payVnd}
        />
      </Show>
      <TextField
        name={id("start")}
        type="date"
        label={t("offer.startDate")}
        required
        value={d.startDate()}
        onInput={d.setStartDate}
        error={d.errors().startDate}
      />
      <TextField
        name={id("reply-by")}
        type="date"
        label={t("offer.replyBy")}
        hint={t("offer.replyByHint")}
        required
        min={todayInVietnam(new Date())}
        value={d.replyBy()}
        onInput={d.setReplyBy}
        error={d.errors().replyBy}
      />
      <TextField name={id("place")} label={t("offer.place")} value={d.place()} onInput={d.setPlace} />
      <TextArea name={id("note")} label={t("offer.note")} rows={2} value={d.note()} onInput={d.setNote} />
    </>
  );
}
