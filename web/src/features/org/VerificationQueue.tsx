import { sectors } from "@ketnoi/core/catalog";
import { communes, industrialParks } from "@ketnoi/core/places";
import { VerificationDecisionSchema } from "@ketnoi/core/schemas/organisation";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { placeLine } from "../../app/format";
import { TextArea } from "../../app/forms/fields";
import { type FieldErrors, focusFirstError, validateWith } from "../../app/forms/validation";
import { verifiers } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { Async } from "../../app/Status";
import { formatDateTime } from "../listings/format";
import { decideVerification, fetchVerificationQueue, type Organisation } from "./api";
import { orgMessages } from "./messages";

/** One waiting organisation with what a verifier checks, and the two decisions. */
function Candidate(props: { org: Organisation; onDecided: (org: Organisation, message: string) => void }) {
  const { t, pick, lang, locale } = useCatalog(orgMessages);
  const [rejecting, setRejecting] = createSignal(false);
  const [reason, setReason] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<ApiError>();
  const [busy, setBusy] = createSignal(false);
  let box: HTMLFieldSetElement | undefined;
  const org = () => props.org;
  const name = () => pick(org().name);
  const headingId = () => `org-${org().id}`;

  async function decide(decision: "verified" | "rejected") {
    setFailure(undefined);
    const body = decision === "verified" ? { decision } : { decision, reason: reason() };
    const checked = validateWith(VerificationDecisionSchema, body, t, {
      "": { field: "reason", message: t("queue.reasonRequired") },
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return focusFirstError(box);
    }
    setBusy(true);
    try {
      const decided = await decideVerification(org().id, checked.value);
      props.onDecided(decided, t(decision === "verified" ? "queue.verified" : "queue.rejected", { name: name() }));
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="card" aria-labelledby={headingId()}>
      <h2 class="card-title" id={headingId()}>
        {name()}
      </h2>
      <Show when={org().name.en}>
        <p class="muted" lang="en">
          {org().name.en}
        </p>
      </Show>
      <p class="org">
        <span>{t(`orgKind.${org().kind}`)}</span>
      </p>
      <p class="place">
        {placeLine(org().address, [
          industrialParks.find((p) => p.id === org().industrialParkId)?.name,
          communes.find((c) => c.id === org().communeId)?.name,
        ])}
      </p>
      <Show when={org().sectors.length > 0}>
        <p class="muted">
          {org()
            .sectors.map((s) => sectors[s][lang()])
            .join(", ")}
        </p>
      </Show>
      <Show when={org().website}>
        {(url) => (
          <p>
            <a href={url()} rel="noopener noreferrer" target="_blank">
              {url()}
            </a>
          </p>
        )}
      </Show>
      <Show when={org().contactEmail}>{(email) => <p>{email()}</p>}</Show>
      <p class="muted">{t("queue.registeredAt", { time: formatDateTime(org().createdAt, locale()) })}</p>
      <ActionError error={failure()} />
      <fieldset ref={box} class="action-group">
        <legend class="visually-hidden">{t("queue.actionsFor", { name: name() })}</legend>
        <Show
          when={rejecting()}
          fallback={
            <p class="actions">
              <button type="button" class="button" disabled={busy()} onClick={() => void decide("verified")}>
                {t("queue.verify")}
              </button>
              <button
                type="button"
                class="button button-secondary"
                onClick={() => {
                  setRejecting(true);
                  queueMicrotask(() => document.getElementById(`f-reason-${org().id}`)?.focus());
                }}
              >
                {t("queue.reject")}
              </button>
            </p>
          }
        >
          <TextArea
            name={`reason-${org().id}`}
            label={t("queue.reason")}
            hint={t("queue.reasonHint")}
            required
            rows={3}
            value={reason()}
            onInput={setReason}
            error={errors().reason}
          />
          <p class="actions">
            <button
              type="button"
              class="button button-danger"
              disabled={busy()}
              onClick={() => void decide("rejected")}
            >
              {t("queue.confirmReject")}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setRejecting(false)}>
              {t("form.cancel")}
            </button>
          </p>
        </Show>
      </fieldset>
    </li>
  );
}

function Queue() {
  const { t } = useCatalog(orgMessages);
  const [queue, { refetch, mutate }] = createResource(fetchVerificationQueue);
  const [done, setDone] = createSignal<string>();
  let doneBox: HTMLParagraphElement | undefined;
  return (
    <>
      <Show when={done()}>
        <p class="success" role="status" tabIndex={-1} ref={doneBox}>
          {done()}
        </p>
      </Show>
      <Async resource={queue} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">{t("queue.empty")}</p>}>
            <p class="muted">{t("queue.count", { count: list().length })}</p>
            <ul class="cards queue">
              <For each={list()}>
                {(org) => (
                  <Candidate
                    org={org}
                    onDecided={(decided, message) => {
                      mutate((items) => items?.filter((o) => o.id !== decided.id));
                      setDone(message);
                      // The decided card is gone: focus the confirmation so keyboard users are not lost.
                      queueMicrotask(() => doneBox?.focus());
                    }}
                  />
                )}
              </For>
            </ul>
          </Show>
        )}
      </Async>
    </>
  );
}

/** `/quan-tri/xac-minh`: organisations awaiting verification, for platform admins and province officers. */
export default function VerificationQueue() {
  const { t } = useCatalog(orgMessages);
  return (
    <Page title={t("queue.title")} audience={verifiers}>
      {() => (
        <>
          <p class="lead">{t("queue.intro")}</p>
          <Queue />
        </>
      )}
    </Page>
  );
}
