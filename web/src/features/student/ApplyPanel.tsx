import type { Application, Listing } from "@ketnoi/core";
import { applicationStatusLabels, listingIntake } from "@ketnoi/core/pipeline";
import { ApplicationCreateSchema } from "@ketnoi/core/schemas/application";
import { A } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { ErrorSummary, TextArea } from "../../app/forms/fields";
import { createFormState } from "../../app/forms/form-state";
import { validateWith } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { CvPicker } from "../files/CvPicker";
import { formatDate, seatsLeft } from "../listings/format";
import { applyToListing, bookSeat, fetchMyApplications, fetchMyBookings } from "./api";
import { studentMessages } from "./messages";

/** The application form: an optional note and one answer per listing question, checked with the API's schema. */
function ApplyForm(props: { listing: Listing; onApplied: (application: Application) => void }) {
  const { t, pick } = useCatalog(studentMessages);
  const questions = () => props.listing.questions ?? [];
  const [note, setNote] = createSignal("");
  const [cvFileId, setCvFileId] = createSignal("");
  const [answers, setAnswers] = createStore<string[]>(questions().map(() => ""));
  const state = createFormState();
  const { errors, failure, busy } = state;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    // Answers go in question order, so `answers.2.text` in an error is the third question's box.
    const input = {
      ...(note().trim() ? { note: note() } : {}),
      ...(cvFileId() ? { cvFileId: cvFileId() } : {}),
      answers: questions().map((q, index) => ({ questionId: q.id, text: answers[index] ?? "" })),
    };
    const checked = validateWith(ApplicationCreateSchema, input, t);
    if (!checked.ok) return state.refuse(checked.errors);
    await state.send(async () => props.onApplied(await applyToListing(props.listing.id, checked.value)));
  }

  const explained = () => ({
    already_applied: t("apply.error.already_applied"),
    listing_closed: t("apply.error.listing_closed"),
    deadline_passed: t("apply.error.deadline_passed"),
    profile_required: t("apply.error.profile_required"),
  });

  return (
    <form class="form" ref={state.ref} noValidate onSubmit={submit}>
      <ErrorSummary errors={errors()} />
      <ActionError error={failure()} extra={explained()} />
      <Show when={failure()?.code === "profile_required"}>
        <p>
          <A class="button button-secondary" href={paths.profile()}>
            {t("apply.createProfile")}
          </A>
        </p>
      </Show>
      <CvPicker value={cvFileId()} onChange={setCvFileId} error={errors().cvFileId} />
      <For each={questions()}>
        {(question, index) => (
          <TextArea
            name={`answers.${index()}.text`}
            label={pick(question)}
            required
            rows={3}
            value={answers[index()] ?? ""}
            onInput={(value) => setAnswers(index(), value)}
            error={errors()[`answers.${index()}.text`]}
          />
        )}
      </For>
      <TextArea
        name="note"
        label={`${t("apply.note")} ${t("form.optional")}`}
        hint={t("apply.noteHint")}
        rows={4}
        value={note()}
        onInput={setNote}
        error={errors().note}
      />
      <p class="actions">
        <button type="submit" class="button" disabled={busy()}>
          {busy() ? t("apply.submitting") : t("apply.submit")}
        </button>
      </p>
    </form>
  );
}

/** Seats in a visit's sessions: one button per session that can still be booked. */
function BookSessions(props: { listing: Listing }) {
  const { t, locale } = useCatalog(studentMessages);
  const [bookings, { refetch, mutate }] = createResource(fetchMyBookings);
  const [failure, setFailure] = createSignal<ApiError>();
  const [done, setDone] = createSignal<string>();
  const label = (s: { date: string; startTime: string }) => `${formatDate(s.date, locale())} ${s.startTime}`;
  // Seats this page has taken since the listing loaded, so the count and the button follow a booking at once.
  const [justTaken, setJustTaken] = createSignal<Record<string, number>>({});
  const left = (s: { id: string; seats: number }) =>
    Math.max(0, seatsLeft(props.listing, s) - (justTaken()[s.id] ?? 0));
  const booked = (sessionId: string) =>
    bookings()?.some((b) => b.listingId === props.listing.id && b.sessionId === sessionId && b.status === "confirmed");

  async function book(session: { id: string; date: string; startTime: string }) {
    setFailure(undefined);
    try {
      const booking = await bookSeat(props.listing.id, session.id);
      mutate((list) => [booking, ...(list ?? [])]);
      setJustTaken({ ...justTaken(), [session.id]: (justTaken()[session.id] ?? 0) + booking.seats });
      setDone(t("book.booked", { session: label(session) }));
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  return (
    <Async resource={bookings} onRetry={() => void refetch()}>
      {() => (
        <>
          <ActionError
            error={failure()}
            extra={{
              capacity_full: t("book.error.capacity_full"),
              session_past: t("book.error.session_past"),
              already_booked: t("book.error.already_booked"),
              profile_required: t("apply.error.profile_required"),
            }}
          />
          <Show when={done()}>
            <p class="success" role="status">
              {done()}
            </p>
          </Show>
          <ul class="sessions-book">
            <For each={props.listing.sessions ?? []}>
              {(session) => (
                <li>
                  <span>
                    {label(session)} · {session.place} ·{" "}
                    <strong>{t("book.seatsLeft", { left: left(session), total: session.seats })}</strong>
                  </span>
                  <Show
                    when={!booked(session.id)}
                    fallback={<span class="badge badge-verified">{t("mine.bookingConfirmed")}</span>}
                  >
                    <Show
                      when={left(session) > 0}
                      fallback={
                        <button type="button" class="button button-small" disabled>
                          {t("book.full")}
                        </button>
                      }
                    >
                      <button type="button" class="button button-small" onClick={() => void book(session)}>
                        {t("book.seat", { session: label(session) })}
                      </button>
                    </Show>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </>
      )}
    </Async>
  );
}

/**
 * What a signed-in student can do on a listing: apply (note and the listing's questions), see the status of an
 * application already made, or book seats in a visit's sessions.
 */
export default function ApplyPanel(props: { listing: Listing }) {
  const { t, lang } = useCatalog(studentMessages);
  const [mine, { refetch, mutate }] = createResource(fetchMyApplications);
  const [justApplied, setJustApplied] = createSignal(false);
  const existing = () => mine()?.find((a) => a.listingId === props.listing.id && a.status !== "withdrawn");
  const intake = () => listingIntake(props.listing, new Date());
  let done: HTMLParagraphElement | undefined;

  return (
    <section class="panel apply" aria-labelledby="apply-title">
      <h2 id="apply-title">{props.listing.type === "visit" ? t("book.title") : t("apply.title")}</h2>
      <Switch>
        <Match when={props.listing.type === "visit"}>
          <BookSessions listing={props.listing} />
        </Match>
        <Match when={true}>
          <Async resource={mine} onRetry={() => void refetch()}>
            {() => (
              <Switch>
                <Match when={existing()}>
                  {(application) => (
                    <>
                      <p
                        class={justApplied() ? "success" : "notice"}
                        role="status"
                        tabIndex={-1}
                        ref={(el) => {
                          done = el;
                          if (justApplied()) queueMicrotask(() => done?.focus());
                        }}
                      >
                        {justApplied()
                          ? t("apply.done")
                          : t("apply.already", { status: applicationStatusLabels[application().status][lang()] })}
                      </p>
                      <p>
                        <A href={paths.myApplications()}>{t("apply.track")}</A>
                      </p>
                    </>
                  )}
                </Match>
                <Match when={intake() !== "open"}>
                  <p class="notice">{t("apply.closed")}</p>
                </Match>
                <Match when={true}>
                  <p class="hint">{t("apply.intro")}</p>
                  <ApplyForm
                    listing={props.listing}
                    onApplied={(application) => {
                      setJustApplied(true);
                      mutate((list) => [application, ...(list ?? [])]);
                    }}
                  />
                </Match>
              </Switch>
            )}
          </Async>
        </Match>
      </Switch>
    </section>
  );
}
