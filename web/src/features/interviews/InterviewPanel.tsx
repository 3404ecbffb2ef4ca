import type { Interview, InterviewMode } from "@ketnoi/core";
import { communes } from "@ketnoi/core/places";
import { InterviewProposeSchema, maxInterviewSlots } from "@ketnoi/core/schemas/interview";
import { todayInVietnam } from "@ketnoi/core/time";
import { createResource, createSignal, For, Index, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { SelectField, TextArea, TextField } from "../../app/forms/fields";
import { type FieldErrors, focusFirstError, validateWith } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { cancelInterview, downloadCalendar, fetchInterview, proposeInterview, rescheduleInterview } from "./api";
import { slotText, whereText } from "./format";
import { InterviewHistory } from "./InterviewHistory";
import { interviewMessages } from "./messages";
import { ReasonConfirm } from "./ReasonConfirm";

interface SlotDraft {
  date: string;
  startTime: string;
  durationMinutes: string;
}

const tomorrow = () => todayInVietnam(new Date(Date.now() + 86_400_000));
const emptySlot = (): SlotDraft => ({ date: tomorrow(), startTime: "09:00", durationMinutes: "45" });

/**
 * The organisation's side of an application's interview on the applicant board: propose 1–5 times (or new times),
 * see what the applicant chose, cancel with a reason, download the calendar file.
 */
export function InterviewPanel(props: { applicationId: string; name: string }) {
  const { t, locale } = useCatalog(interviewMessages);
  const [loaded, { refetch }] = createResource(() => props.applicationId, fetchInterview);
  // What the last change answered wins over a load still in flight (which would otherwise land later, older).
  const [changed, setChanged] = createSignal<Interview>();
  const interview = () => changed() ?? loaded();
  const reload = () => {
    setChanged(undefined);
    void refetch();
  };
  const [editing, setEditing] = createSignal(false);
  const [cancelling, setCancelling] = createSignal(false);
  const [slots, setSlots] = createSignal<SlotDraft[]>([emptySlot()]);
  const [mode, setMode] = createSignal<InterviewMode>("in_person");
  const [communeId, setCommuneId] = createSignal("");
  const [address, setAddress] = createSignal("");
  const [link, setLink] = createSignal("");
  const [note, setNote] = createSignal("");
  const [reason, setReason] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<ApiError>();
  const [done, setDone] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;
  const id = (field: string) => `${field}-${props.applicationId}`;
  const open = () => {
    const current = interview();
    return current && current.status !== "cancelled" ? current : undefined;
  };
  const chosen = (i: Interview) => i.slots.find((s) => s.id === i.chosenSlotId);
  const errorText = () => ({
    slot_taken: t("iv.error.slot_taken"),
    not_in_interview_stage: t("iv.error.not_in_interview_stage"),
    interview_exists: t("iv.error.interview_exists"),
  });

  async function run(work: () => Promise<Interview>, message: string) {
    setBusy(true);
    setFailure(undefined);
    try {
      setChanged(await work());
      setEditing(false);
      setCancelling(false);
      setDone(message);
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: Event) {
    event.preventDefault();
    const draft = {
      slots: slots().map((s) => ({ ...s, durationMinutes: Number(s.durationMinutes) })),
      mode: mode(),
      ...(mode() === "in_person"
        ? { communeId: communeId() || undefined, address: address().trim() || undefined }
        : { link: link().trim() || undefined }),
      ...(note().trim() ? { note: note().trim() } : {}),
    };
    const checked = validateWith(InterviewProposeSchema, draft, t, {
      slots: { field: "slots", message: t("iv.error.slots") },
      address: { field: "address", message: t("iv.error.address") },
      link: { field: "link", message: t("iv.error.link") },
    });
    const current = open();
    if (!checked.ok || (current && !reason().trim())) {
      setErrors({
        ...(checked.ok ? {} : checked.errors),
        ...(current && !reason().trim() ? { reason: t("iv.reason") } : {}),
      });
      return focusFirstError(form);
    }
    setErrors({});
    void run(
      () =>
        current
          ? rescheduleInterview(props.applicationId, {
              ...checked.value,
              reason: reason().trim(),
              version: current.version,
            })
          : proposeInterview(props.applicationId, checked.value),
      current ? t("iv.done.changed") : t("iv.done.proposed"),
    );
  }

  const setSlot = (index: number, field: keyof SlotDraft, value: string) =>
    setSlots((all) => all.map((s, i) => (i === index ? { ...s, [field]: value } : s)));

  return (
    <section class="panel interview-panel" aria-labelledby={id("iv-title")}>
      <h4 id={id("iv-title")}>{t("iv.title")}</h4>
      <p class="visually-hidden" role="status">
        {done()}
      </p>
      <Show when={interview()} fallback={<p class="muted">{t("iv.none")}</p>}>
        {(current) => (
          <>
            <p>
              <strong class="badge">{t(`iv.status.${current().status}`)}</strong>
            </p>
            <p>{whereText(current(), t)}</p>
            <Show
              when={chosen(current())}
              fallback={
                <ul class="interview-slots">
                  <For each={current().slots}>{(slot) => <li>{slotText(slot, t, locale())}</li>}</For>
                </ul>
              }
            >
              {(slot) => (
                <p>
                  {t("iv.chosen", {
                    time: slotText(slot(), t, locale()).split(" · ")[0]!,
                    minutes: slot().durationMinutes,
                  })}
                </p>
              )}
            </Show>
            <InterviewHistory interview={current()} />
          </>
        )}
      </Show>
      <ActionError error={failure()} extra={errorText()} onReload={reload} />
      <Show when={!editing() && !cancelling()}>
        <p class="actions">
          <button
            type="button"
            class="button button-small"
            aria-label={open() ? undefined : t("iv.proposeFor", { name: props.name })}
            onClick={() => {
              setEditing(true);
              queueMicrotask(() => document.getElementById(`f-${id("date-0")}`)?.focus());
            }}
          >
            {open() ? t("iv.reschedule") : t("iv.propose")}
          </button>
          <Show when={open()}>
            <button type="button" class="button button-small button-secondary" onClick={() => setCancelling(true)}>
              {t("iv.cancel")}
            </button>
          </Show>
          <Show when={interview()?.history.some((e) => e.kind === "picked")}>
            <button
              type="button"
              class="button button-small button-secondary"
              onClick={() => void downloadCalendar(props.applicationId).catch((e) => setFailure(toApiError(e)))}
            >
              {t("iv.calendar")}
            </button>
          </Show>
        </p>
      </Show>
      <Show when={cancelling()}>
        <ReasonConfirm
          legend={t("iv.cancel")}
          name={id("cancel-reason")}
          label={t("iv.cancelReason")}
          confirmLabel={t("iv.confirmCancel")}
          text={reason()}
          onInput={setReason}
          busy={busy()}
          danger
          small
          onConfirm={(text) =>
            void run(
              () => cancelInterview(props.applicationId, { reason: text, version: open()!.version }),
              t("iv.done.changed"),
            )
          }
          onCancel={() => setCancelling(false)}
        />
      </Show>
      <Show when={editing()}>
        <form ref={form} class="interview-form" onSubmit={submit} novalidate>
          <p class="hint">{t("iv.slotsHint")}</p>
          <Show when={errors().slots}>
            <p class="field-error" role="alert">
              {errors().slots}
            </p>
          </Show>
          <Index each={slots()}>
            {(slot, index) => (
              <fieldset class="slot-row">
                <legend>{t("iv.slot", { n: index + 1 })}</legend>
                <TextField
                  name={id(`date-${index}`)}
                  type="date"
                  label={t("iv.slotDate")}
                  required
                  min={todayInVietnam(new Date())}
                  value={slot().date}
                  onInput={(v) => setSlot(index, "date", v)}
                  error={errors()[`slots.${index}.date`]}
                />
                <TextField
                  name={id(`time-${index}`)}
                  type="time"
                  label={t("iv.slotTime")}
                  required
                  value={slot().startTime}
                  onInput={(v) => setSlot(index, "startTime", v)}
                  error={errors()[`slots.${index}.startTime`]}
                />
                <TextField
                  name={id(`duration-${index}`)}
                  type="number"
                  inputmode="numeric"
                  min="15"
                  max="240"
                  step="15"
                  label={t("iv.slotDuration")}
                  required
                  value={slot().durationMinutes}
                  onInput={(v) => setSlot(index, "durationMinutes", v)}
                  error={errors()[`slots.${index}.durationMinutes`]}
                />
                <Show when={slots().length > 1}>
                  <button
                    type="button"
                    class="button button-small button-secondary"
                    onClick={() => setSlots((all) => all.filter((_, i) => i !== index))}
                  >
                    {t("iv.removeSlot", { n: index + 1 })}
                  </button>
                </Show>
              </fieldset>
            )}
          </Index>
          <Show when={slots().length < maxInterviewSlots}>
            <p>
              <button
                type="button"
                class="button button-small button-secondary"
                onClick={() => setSlots((all) => [...all, emptySlot()])}
              >
                {t("iv.addSlot")}
              </button>
            </p>
          </Show>
          <SelectField
            name={id("mode")}
            label={t("iv.mode")}
            required
            value={mode()}
            options={(["in_person", "online"] as const).map((m) => ({ value: m, label: t(`iv.mode.${m}`) }))}
            onChange={(v) => setMode(v as InterviewMode)}
          />
          <Show
            when={mode() === "in_person"}
            fallback={
              <TextField
                name={id("link")}
                type="url"
                label={t("iv.link")}
                required
                placeholder="https://"
                value={link()}
                onInput={setLink}
                error={errors().link}
              />
            }
          >
            <SelectField
              name={id("commune")}
              label={t("iv.commune")}
              required
              value={communeId()}
              placeholder={t("form.choose")}
              options={communes.map((c) => ({ value: c.id, label: c.name }))}
              onChange={setCommuneId}
              error={errors().communeId}
            />
            <TextField
              name={id("address")}
              label={t("iv.address")}
              required
              value={address()}
              onInput={setAddress}
              error={errors().address}
            />
          </Show>
          <TextArea name={id("note")} label={t("iv.note")} rows={2} value={note()} onInput={setNote} />
          <Show when={open()}>
            <TextArea
              name={id("reason")}
              label={t("iv.reason")}
              required
              rows={2}
              value={reason()}
              onInput={setReason}
              error={errors().reason}
            />
          </Show>
          <p class="actions">
            <button type="submit" class="button button-small" disabled={busy()}>
              {open() ? t("iv.sendReschedule") : t("iv.send")}
            </button>
            <button type="button" class="button button-small button-secondary" onClick={() => setEditing(false)}>
              {t("form.cancel")}
            </button>
          </p>
        </form>
      </Show>
    </section>
  );
}
