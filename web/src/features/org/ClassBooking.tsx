import type { Listing } from "@ketnoi/core";
import { BookingCreateSchema } from "@ketnoi/core/schemas/booking";
import { createResource, createSignal, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, api, request, toApiError } from "../../app/api/client";
import { SelectField, TextField } from "../../app/forms/fields";
import { type FieldErrors, focusFirstError, validateWith } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { session } from "../../app/session/session";
import { formatDate, seatsLeft } from "../listings/format";
import { fetchOrganisation } from "./api";
import { orgMessages } from "./messages";

/**
 * University or institute staff book seats in a visit session for a whole class (the API's class booking),
 * checked with the API's schema; seats are never over-booked, and a full session says so.
 */
export default function ClassBooking(props: { listing: Listing }) {
  const { t, pick, locale } = useCatalog(orgMessages);
  const memberships = () => session.me()?.memberships ?? [];
  const [orgs] = createResource(
    () =>
      memberships()
        .map((m) => m.orgId)
        .join(","),
    () => Promise.all(memberships().map((m) => fetchOrganisation(m.orgId))),
  );
  const [sessionId, setSessionId] = createSignal("");
  const [orgId, setOrgId] = createSignal(memberships()[0]?.orgId ?? "");
  const [classLabel, setClassLabel] = createSignal("");
  const [seats, setSeats] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<ApiError>();
  const [done, setDone] = createSignal<string>();
  let form: HTMLFormElement | undefined;
  // The API says how many seats remain; the message repeats it so the class can be split rather than guessed.
  const fullMessage = () => {
    const left = failure()?.facts?.seatsLeft;
    return typeof left === "number" ? t("classBooking.fullLeft", { count: left }) : t("classBooking.full");
  };
  const sessionName = (s: { date: string; startTime: string; place: string }) =>
    `${formatDate(s.date, locale())} ${s.startTime} · ${s.place}`;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setFailure(undefined);
    setDone(undefined);
    const body = {
      classBooking: { orgId: orgId(), classLabel: classLabel(), seats: seats() === "" ? undefined : Number(seats()) },
    };
    const checked = validateWith(BookingCreateSchema, body, t);
    const chosen = props.listing.sessions?.find((s) => s.id === sessionId());
    if (!checked.ok || !chosen) {
      setErrors({
        ...(chosen ? {} : { session: t("form.error.choose") }),
        ...Object.fromEntries(
          Object.entries(checked.ok ? {} : checked.errors).map(([path, message]) => [
            path.replace("classBooking.", ""),
            message,
          ]),
        ),
      });
      return focusFirstError(form);
    }
    setErrors({});
    try {
      const booking = await request(() =>
        api.listings[":id"].sessions[":sessionId"].bookings.$post({
          param: { id: props.listing.id, sessionId: chosen.id },
          json: checked.value,
        }),
      );
      setDone(t("classBooking.done", { seats: booking.seats, label: classLabel(), session: sessionName(chosen) }));
      setClassLabel("");
      setSeats("");
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  return (
    <section class="panel" aria-labelledby="class-booking-title">
      <h2 id="class-booking-title">{t("classBooking.title")}</h2>
      <p class="hint">{t("classBooking.intro")}</p>
      <Show when={done()}>
        <p class="success" role="status">
          {done()}
        </p>
      </Show>
      <ActionError error={failure()} extra={{ capacity_full: fullMessage(), session_past: t("classBooking.past") }} />
      <form class="form" ref={form} noValidate onSubmit={submit}>
        <SelectField
          name="session"
          label={t("classBooking.session")}
          required
          value={sessionId()}
          placeholder={t("form.choose")}
          options={(props.listing.sessions ?? []).map((s) => ({
            value: s.id,
            label: `${sessionName(s)} · ${t("classBooking.seatsLeft", { count: seatsLeft(props.listing, s) })}`,
          }))}
          onChange={setSessionId}
          error={errors().session}
        />
        <Show when={memberships().length > 1}>
          <SelectField
            name="orgId"
            label={t("classBooking.org")}
            required
            value={orgId()}
            options={(orgs() ?? []).map((o) => ({ value: o.id, label: pick(o.name) }))}
            onChange={setOrgId}
            error={errors().orgId}
          />
        </Show>
        <div class="row-2">
          <TextField
            name="classLabel"
            label={t("classBooking.classLabel")}
            hint={t("classBooking.classLabelHint")}
            required
            value={classLabel()}
            onInput={setClassLabel}
            error={errors().classLabel}
          />
          <TextField
            name="seats"
            type="number"
            inputmode="numeric"
            min="1"
            label={t("classBooking.seats")}
            required
            value={seats()}
            onInput={setSeats}
            error={errors().seats}
          />
        </div>
        <p class="actions">
          <button type="submit" class="button">
            {t("classBooking.submit")}
          </button>
        </p>
      </form>
    </section>
  );
}
