import type { ApplicationStatus, Listing } from "@ketnoi/core";
import { applicationStatusLabels } from "@ketnoi/core/pipeline";
import { ApplicationTransitionSchema } from "@ketnoi/core/schemas/application";
import { createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import type { ApiError } from "../../app/api/client";
import { TextArea } from "../../app/forms/fields";
import { skillName as skillLabel } from "../../app/forms/options";
import { type FieldErrors, focusFirstError, validateWith } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { Timeline } from "../../app/Timeline";
import { ApplicationCvButton } from "../files/ApplicationCvButton";
import { InterviewPanel } from "../interviews/InterviewPanel";
import { OfferPanel } from "../interviews/OfferPanel";
import { majorLabel } from "../listings/format";
import { Conversation } from "../messages/Conversation";
import type { Application } from "./api";
import { organisationMoves } from "./board";
import { orgMessages } from "./messages";
import { VolunteerHours } from "./VolunteerHours";
import "./org.css";

/** How the board names an applicant: their name when they share it, else the pseudonym. */
export function applicantName(application: Application): string {
  return application.applicant?.contact?.fullName ?? application.applicant?.label ?? application.id;
}

/**
 * One applicant on the board: who they are (as far as they consent), their answers and timeline, and one button
 * per legal next step. Buttons, not drag and drop, so the board works with a keyboard and a screen reader.
 */
export function ApplicantCard(props: {
  application: Application;
  listing: Listing;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  move: (to: ApplicationStatus, reason?: string) => Promise<void>;
  error: ApiError | undefined;
  errorText: Record<string, string>;
  onReload: () => void;
  onUpdated?: (application: Application) => void;
}) {
  const { t, pick, lang } = useCatalog(orgMessages);
  const [rejecting, setRejecting] = createSignal(false);
  const [reason, setReason] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [busy, setBusy] = createSignal(false);
  // The quick "make an offer" button opens the offer's terms form below instead of moving at once: every offer
  // carries pay, start and reply-by terms, and only a reply-by day lets an unanswered offer expire.
  const [offerRequests, setOfferRequests] = createSignal(0);
  let rejectBox: HTMLDivElement | undefined;
  const app = () => props.application;
  const name = () => applicantName(app());
  const applicant = () => app().applicant;
  const forward = () => organisationMoves(app().status).filter((to) => to !== "rejected");
  const canReject = () => organisationMoves(app().status).includes("rejected");
  const statusLabel = (status: ApplicationStatus) => applicationStatusLabels[status][lang()];
  // The organisation's own verb for a move ("Gửi lời mời nhận"), not the status the student will read.
  const action = (to: ApplicationStatus) =>
    t(`board.action.${to as "reviewing" | "shortlisted" | "interview" | "offered"}`);
  const question = (id: string) => props.listing.questions?.find((q) => q.id === id);

  async function go(to: ApplicationStatus, why?: string) {
    setBusy(true);
    try {
      await props.move(to, why);
    } finally {
      setBusy(false);
    }
  }

  async function reject() {
    const checked = validateWith(
      ApplicationTransitionSchema,
      { to: "rejected", reason: reason().trim() || undefined, version: app().version },
      t,
      { reason: { field: "reason", message: t("board.reasonRequired") } },
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      return focusFirstError(rejectBox);
    }
    setErrors({});
    await go("rejected", checked.value.reason);
  }

  return (
    <li class="applicant">
      <div class="applicant-head">
        <input
          type="checkbox"
          class="applicant-select"
          aria-label={t("board.select", { name: name() })}
          checked={props.selected}
          disabled={forward().length === 0 && !canReject()}
          onChange={(event) => props.onSelect(event.currentTarget.checked)}
        />
        <h3 id={`ap-${app().id}`} tabIndex={-1}>
          {name()}
        </h3>
      </div>
      <p class="muted">
        {[
          applicant()?.major ? majorLabel(applicant()!.major!, lang()) : "",
          applicant()?.year ? t("board.year", { count: applicant()!.year! }) : "",
          props.application.status !== "submitted" ? statusLabel(app().status) : "",
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <Show when={(applicant()?.skills.length ?? 0) > 0}>
        <ul class="skills">
          <For each={applicant()?.skills.slice(0, 4)}>
            {(skill) => (
              <li>
                {skillLabel(skill.id, lang())} {skill.level}/5
              </li>
            )}
          </For>
        </ul>
      </Show>
      <details class="applicant-details">
        <summary>{t("board.details", { name: name() })}</summary>
        <Show when={applicant()?.contact} fallback={<p class="hint">{t("board.anonymous")}</p>}>
          {(contact) => (
            <p>
              <a href={`mailto:${contact().email}`}>{contact().email}</a>
              <Show when={contact().cvUrl}>
                {(cv) => (
                  <>
                    {" · "}
                    <a href={cv()} rel="noopener noreferrer" target="_blank">
                      {t("board.cv")}
                    </a>
                  </>
                )}
              </Show>
            </p>
          )}
        </Show>
        <Show when={app().cv}>{(cv) => <ApplicationCvButton applicationId={app().id} name={cv().name} />}</Show>
        <Show when={app().note}>
          {(note) => (
            <>
              <p class="field-label">{t("board.note")}</p>
              <p class="description">{note()}</p>
            </>
          )}
        </Show>
        <Show when={app().answers.length > 0}>
          <p class="field-label">{t("board.answers")}</p>
          <dl>
            <For each={app().answers}>
              {(answer) => (
                <>
                  <dt>{question(answer.questionId) ? pick(question(answer.questionId)!) : answer.questionId}</dt>
                  <dd class="description">{answer.text}</dd>
                </>
              )}
            </For>
          </dl>
        </Show>
        <Timeline
          steps={app().history}
          label={t("board.timeline", { name: name() })}
          byLabel={(by) => t(`board.by.${by}`)}
          reasonLabel={(why) => t("board.reason", { reason: why })}
        />
      </details>
      <Conversation applicationId={app().id} side="organisation" with={name()} closed={app().status === "withdrawn"} />
      <Show when={props.listing.type === "volunteer" && app().status === "accepted"}>
        <VolunteerHours application={app()} name={name()} onSaved={(updated) => props.onUpdated?.(updated)} />
      </Show>
      <ActionError error={props.error} extra={props.errorText} onReload={props.onReload} />
      <Show when={forward().length > 0 || canReject()}>
        <div class="actions applicant-moves">
          <For each={forward()}>
            {(to) => (
              <button
                type="button"
                class="button button-small"
                classList={{ "button-secondary": to !== forward()[0] }}
                aria-label={t("board.actionFor", { action: action(to), name: name() })}
                disabled={busy()}
                onClick={() => (to === "offered" ? setOfferRequests((n) => n + 1) : void go(to))}
              >
                {action(to)}
              </button>
            )}
          </For>
          <Show when={canReject() && !rejecting()}>
            <button
              type="button"
              class="button button-small button-secondary"
              aria-label={t("board.actionFor", { action: t("board.action.rejected"), name: name() })}
              onClick={() => {
                setRejecting(true);
                queueMicrotask(() => document.getElementById(`f-reason-${app().id}`)?.focus());
              }}
            >
              {t("board.action.rejected")}
            </button>
          </Show>
        </div>
      </Show>
      <Show when={rejecting()}>
        <div ref={rejectBox}>
          <TextArea
            name={`reason-${app().id}`}
            label={t("board.rejectReason", { name: name() })}
            hint={t("board.reasonHint")}
            required
            rows={2}
            value={reason()}
            onInput={setReason}
            error={errors().reason}
          />
          <p class="actions">
            <button
              type="button"
              class="button button-small button-danger"
              disabled={busy()}
              onClick={() => void reject()}
            >
              {t("board.confirmReject")}
            </button>
            <button type="button" class="button button-small button-secondary" onClick={() => setRejecting(false)}>
              {t("form.cancel")}
            </button>
          </p>
        </div>
      </Show>
      {/* Interviews and offers with terms (interviews/): after the quick moves, so those keep their place. */}
      <Show when={app().status === "interview"}>
        <InterviewPanel applicationId={app().id} name={name()} />
      </Show>
      <OfferPanel
        applicationId={app().id}
        applicationVersion={app().version}
        name={name()}
        canOffer={organisationMoves(app().status).includes("offered")}
        openRequests={offerRequests()}
        lookUp={app().history.some((step) => step.status === "offered")}
        onChanged={props.onReload}
      />
    </li>
  );
}
