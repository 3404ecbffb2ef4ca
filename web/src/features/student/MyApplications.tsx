import type { ApplicationStatus } from "@ketnoi/core";
import { applicationStatusLabels, isFinalStatus } from "@ketnoi/core/pipeline";
import { A, useParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { Confirm } from "../../app/Confirm";
import { students } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { Timeline } from "../../app/Timeline";
import { fetchOffer } from "../interviews/api";
import { StudentInterview } from "../interviews/StudentInterview";
import { StudentOffer } from "../interviews/StudentOffer";
import { formatDateTime } from "../listings/format";
import { Conversation } from "../messages/Conversation";
import { type Application, fetchMyApplications, moveApplication } from "./api";
import { MyBookings } from "./MyBookings";
import { studentMessages } from "./messages";
import "./student.css";

/** One application: current status first, then the timeline, then what the student may do next. */
function ApplicationItem(props: {
  application: Application;
  onMoved: (moved: Application) => void;
  onReload: () => void;
}) {
  const { t, pick, lang, locale } = useCatalog(studentMessages);
  const [confirming, setConfirming] = createSignal(false);
  const [accepting, setAccepting] = createSignal(false);
  const offeredAt = () => [...app().history].reverse().find((step) => step.status === "offered")?.at;
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<ApiError>();
  const app = () => props.application;
  const title = () => pick(app().listingTitle);
  const reached = (status: ApplicationStatus) => app().history.some((step) => step.status === status);
  // An offer with terms (interviews/OfferPanel) replaces the plain accept and decline buttons below.
  const [offer, { refetch: refetchOffer }] = createResource(
    () => (reached("offered") ? app().id : undefined),
    fetchOffer,
  );

  async function move(to: ApplicationStatus) {
    setBusy(true);
    setFailure(undefined);
    try {
      props.onMoved(await moveApplication(app().id, { to, version: app().version }));
      setConfirming(false);
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="card application" aria-labelledby={`app-${app().id}`}>
      <h2 class="card-title" id={`app-${app().id}`} tabIndex={-1}>
        <A href={paths.listing(app().listingId)}>{title()}</A>
      </h2>
      <p class="muted">{app().orgName}</p>
      <p>
        {t("mine.current")}:{" "}
        <strong class={`badge app-status app-${app().status}`}>{applicationStatusLabels[app().status][lang()]}</strong>
      </p>
      <Show when={app().status === "offered"}>
        <p class="notice">{t("mine.offerNote")}</p>
      </Show>
      <Show when={app().note}>{(note) => <p class="muted">{t("mine.note", { note: note() })}</p>}</Show>
      <Show when={app().hoursServed !== undefined}>
        <p>{t("mine.hoursServed", { hours: app().hoursServed! })}</p>
      </Show>
      <Timeline
        steps={app().history}
        label={t("mine.timeline")}
        byLabel={(by) => t(`mine.stepBy.${by}`)}
        reasonLabel={(reason) => t("mine.reason", { reason })}
      />
      <Conversation
        applicationId={app().id}
        side="student"
        with={app().orgName}
        closed={app().status === "withdrawn"}
      />
      <Show when={reached("interview")}>
        <StudentInterview applicationId={app().id} />
      </Show>
      <Show when={offer()}>
        {(terms) => (
          <StudentOffer
            offer={terms()}
            applicationId={app().id}
            applicationVersion={app().version}
            title={title()}
            orgName={app().orgName}
            onAnswered={() => {
              props.onReload();
              void refetchOffer();
            }}
          />
        )}
      </Show>
      <ActionError error={failure()} onReload={props.onReload} />
      <Show when={!isFinalStatus(app().status)}>
        <fieldset class="action-group">
          <legend class="visually-hidden">{t("mine.actionsFor", { title: title() })}</legend>
          <Show
            when={confirming()}
            fallback={
              <p class="actions">
                <Show when={app().status === "offered" && !offer()}>
                  <Confirm
                    when={accepting()}
                    trigger={
                      <button type="button" class="button" disabled={busy()} onClick={() => setAccepting(true)}>
                        {t("mine.accept")}
                      </button>
                    }
                    consequence={
                      <>
                        <p>{t("mine.acceptConfirm", { title: title(), org: app().orgName })}</p>
                        <Show when={offeredAt()}>
                          {(at) => <p>{t("mine.offeredAt", { time: formatDateTime(at(), locale()) })}</p>}
                        </Show>
                        <Show when={app().note}>{(note) => <p>{t("mine.note", { note: note() })}</p>}</Show>
                        <p>
                          <strong>{t("mine.acceptFinal")}</strong>
                        </p>
                      </>
                    }
                    confirmLabel={t("mine.acceptConfirmButton")}
                    busy={busy()}
                    onCancel={() => setAccepting(false)}
                    onConfirm={() => void move("accepted")}
                  />
                  <button
                    type="button"
                    class="button button-secondary"
                    disabled={busy()}
                    onClick={() => void move("declined")}
                  >
                    {t("mine.decline")}
                  </button>
                </Show>
                <button type="button" class="button button-secondary" onClick={() => setConfirming(true)}>
                  {t("mine.withdraw")}
                </button>
              </p>
            }
          >
            <p role="alert">{t("mine.withdrawConfirm", { title: title() })}</p>
            <p class="actions">
              <button
                type="button"
                class="button button-danger"
                disabled={busy()}
                onClick={() => void move("withdrawn")}
              >
                {t("mine.confirmWithdraw")}
              </button>
              <button type="button" class="button button-secondary" onClick={() => setConfirming(false)}>
                {t("form.cancel")}
              </button>
            </p>
          </Show>
        </fieldset>
      </Show>
    </li>
  );
}

function Applications() {
  const { t, pick, lang } = useCatalog(studentMessages);
  const [loaded, { refetch }] = createResource(fetchMyApplications);
  // Reconciled by id: a move updates one card in place, keeping focus and the others' state.
  const [items, setItems] = createStore<Application[]>([]);
  createEffect(() => {
    const list = loaded();
    if (list) setItems(reconcile(list, { key: "id" }));
  });
  const [announcement, setAnnouncement] = createSignal("");
  // A notification links to /ung-tuyen/:id: bring that application into view once the list is shown.
  const params = useParams<{ id?: string }>();
  createEffect(() => {
    if (!params.id || items.length === 0) return;
    queueMicrotask(() => {
      const heading = document.getElementById(`app-${params.id}`);
      heading?.scrollIntoView?.({ block: "start" });
      heading?.focus();
    });
  });
  return (
    <Async resource={loaded} onRetry={() => void refetch()}>
      {() => (
        <>
          <p class="visually-hidden" role="status">
            {announcement()}
          </p>
          <Show
            when={items.length > 0}
            fallback={
              <p class="empty">
                {t("mine.empty")} <A href={paths.search()}>{t("mine.findSome")}</A>
              </p>
            }
          >
            <ul class="cards cards-wide">
              <For each={items}>
                {(application) => (
                  <ApplicationItem
                    application={application}
                    onReload={() => void refetch()}
                    onMoved={(moved) => {
                      setItems((a) => a.id === moved.id, reconcile(moved));
                      setAnnouncement(
                        t("mine.moved", {
                          title: pick(moved.listingTitle),
                          status: applicationStatusLabels[moved.status][lang()],
                        }),
                      );
                    }}
                  />
                )}
              </For>
            </ul>
          </Show>
        </>
      )}
    </Async>
  );
}

/** `/ung-tuyen`: the student's applications with status and timeline, and their visit bookings. */
export default function MyApplications() {
  const { t } = useCatalog(studentMessages);
  return (
    <Page title={t("mine.title")} audience={students}>
      {() => (
        <>
          <p class="lead">{t("mine.intro")}</p>
          <Applications />
          <MyBookings />
        </>
      )}
    </Page>
  );
}
