import type { Interview } from "@ketnoi/core";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { useCatalog } from "../../app/i18n/i18n";
import { cancelInterview, downloadCalendar, fetchInterview, pickSlot, requestOtherTimes } from "./api";
import { slotText, whereText } from "./format";
import { InterviewHistory } from "./InterviewHistory";
import { interviewMessages } from "./messages";
import { ReasonConfirm } from "./ReasonConfirm";

/**
 * The student's side of an interview: choose one of the proposed times (radio buttons, so a keyboard and a
 * screen reader work), ask for other times with a note, cancel with a reason, download the calendar file.
 */
export function StudentInterview(props: { applicationId: string }) {
  const { t, locale } = useCatalog(interviewMessages);
  const [loaded, { refetch }] = createResource(() => props.applicationId, fetchInterview);
  // What the last change answered wins over a load still in flight (which would otherwise land later, older).
  const [changed, setChanged] = createSignal<Interview>();
  const interview = () => changed() ?? loaded();
  const reload = () => {
    setChanged(undefined);
    void refetch();
  };
  const [choice, setChoice] = createSignal("");
  const [asking, setAsking] = createSignal(false);
  const [cancelling, setCancelling] = createSignal(false);
  const [text, setText] = createSignal("");
  const [failure, setFailure] = createSignal<ApiError>();
  const [done, setDone] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const id = (field: string) => `${field}-${props.applicationId}`;

  async function run(work: (current: Interview) => Promise<Interview>, message: string) {
    const current = interview();
    if (!current) return;
    setBusy(true);
    setFailure(undefined);
    try {
      setChanged(await work(current));
      setAsking(false);
      setCancelling(false);
      setText("");
      setDone(message);
    } catch (error) {
      setFailure(toApiError(error));
      // A slot someone else took is gone: show the proposal as it stands now.
      if (toApiError(error).code === "slot_taken") reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={interview()}>
      {(current) => (
        <section class="panel interview-panel" aria-labelledby={id("siv")}>
          <h3 id={id("siv")}>{t("iv.title")}</h3>
          <p class="visually-hidden" role="status">
            {done()}
          </p>
          <p>
            <strong class="badge">{t(`iv.status.${current().status}`)}</strong>
          </p>
          <p>{whereText(current(), t)}</p>
          <Show when={current().note}>{(note) => <p class="muted">{note()}</p>}</Show>
          <ActionError error={failure()} extra={{ slot_taken: t("iv.error.slot_taken") }} onReload={reload} />
          <Show when={current().status === "proposed"}>
            <fieldset class="slot-choice">
              <legend>{t("iv.pickLegend")}</legend>
              <For each={current().slots}>
                {(slot) => (
                  <label class="choice">
                    <input
                      type="radio"
                      name={id("slot")}
                      value={slot.id}
                      checked={choice() === slot.id}
                      onChange={() => setChoice(slot.id)}
                    />{" "}
                    {slotText(slot, t, locale())}
                  </label>
                )}
              </For>
            </fieldset>
            <p class="actions">
              <button
                type="button"
                class="button"
                disabled={busy() || !choice()}
                onClick={() =>
                  void run(
                    (i) => pickSlot(props.applicationId, { slotId: choice(), version: i.version }),
                    t("iv.done.picked"),
                  )
                }
              >
                {t("iv.pick")}
              </button>
            </p>
          </Show>
          <Show when={current().status === "scheduled"}>
            <p>
              {t("iv.chosen", {
                time: slotText(current().slots.find((s) => s.id === current().chosenSlotId)!, t, locale()).split(
                  " · ",
                )[0]!,
                minutes: current().slots.find((s) => s.id === current().chosenSlotId)?.durationMinutes ?? 0,
              })}
            </p>
          </Show>
          <Show when={current().status !== "cancelled" && !asking() && !cancelling()}>
            <p class="actions">
              <Show when={current().status !== "change_requested"}>
                <button type="button" class="button button-secondary" onClick={() => setAsking(true)}>
                  {t("iv.askOther")}
                </button>
              </Show>
              <button type="button" class="button button-secondary" onClick={() => setCancelling(true)}>
                {t("iv.cancel")}
              </button>
            </p>
          </Show>
          <Show when={current().history.some((e) => e.kind === "picked")}>
            <p>
              <button
                type="button"
                class="button button-secondary"
                onClick={() => void downloadCalendar(props.applicationId).catch((e) => setFailure(toApiError(e)))}
              >
                {t("iv.calendar")}
              </button>
            </p>
          </Show>
          <Show when={asking() || cancelling()}>
            <ReasonConfirm
              legend={asking() ? t("iv.askOther") : t("iv.cancel")}
              name={id("text")}
              label={asking() ? t("iv.askNote") : t("iv.cancelReason")}
              confirmLabel={asking() ? t("iv.sendAsk") : t("iv.confirmCancel")}
              text={text()}
              onInput={setText}
              busy={busy()}
              danger={!asking()}
              onConfirm={(note) =>
                void run(
                  (i) =>
                    asking()
                      ? requestOtherTimes(props.applicationId, { note, version: i.version })
                      : cancelInterview(props.applicationId, { reason: note, version: i.version }),
                  t("iv.done.changed"),
                )
              }
              onCancel={() => {
                setAsking(false);
                setCancelling(false);
              }}
            />
          </Show>
          <InterviewHistory interview={current()} />
        </section>
      )}
    </Show>
  );
}
