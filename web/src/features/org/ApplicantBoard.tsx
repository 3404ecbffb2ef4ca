import type { ApplicationStatus, Listing } from "@ketnoi/core";
import { applicationStatusLabels } from "@ketnoi/core/pipeline";
import { ApplicationBulkTransitionSchema } from "@ketnoi/core/schemas/application";
import { A, useParams } from "@solidjs/router";
import { type Accessor, batch, createEffect, createResource, createSignal, For, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ActionError, useActionErrorText } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { SelectField, TextArea } from "../../app/forms/fields";
import { type FieldErrors, focusFirstError, validateWith } from "../../app/forms/validation";
import { Guard, membersOf } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { usePageTitle } from "../../app/title";
import { interviewMessages } from "../interviews/messages";
import { checkOfferTerms, createOfferTermsDraft, OfferTermsFields } from "../interviews/OfferTermsFields";
import { fetchListing } from "../listings/api";
import { ApplicantCard, applicantName } from "./ApplicantCard";
import { type Application, fetchApplicants, moveApplicant, moveApplicants } from "./api";
import { commonMoves, groupByColumn } from "./board";
import { orgMessages } from "./messages";
import "./org.css";

function Board(props: { listingId: string }) {
  const { t, pick, lang } = useCatalog(orgMessages);
  const [listing, { refetch: refetchListing }] = createResource(() => props.listingId, fetchListing);
  // Positions held and accepted change with every move; kept apart from the listing so refreshing them does not
  // rebuild the board (and lose focus and open forms).
  const [counts, setCounts] = createSignal<{ reserved: number; accepted: number }>();
  const [loaded, { refetch }] = createResource(() => props.listingId, fetchApplicants);
  // Reconciled by id, so a move re-renders one card and the board keeps every other card's state.
  const [items, setItems] = createStore<Application[]>([]);
  createEffect(() => {
    const list = loaded();
    if (list) setItems(reconcile(list, { key: "id" }));
  });
  const [selected, setSelected] = createSignal<string[]>([]);
  const [cardErrors, setCardErrors] = createSignal<Record<string, ApiError>>({});
  const [announcement, setAnnouncement] = createSignal("");
  const [bulkTo, setBulkTo] = createSignal("");
  const [bulkReason, setBulkReason] = createSignal("");
  const [bulkErrors, setBulkErrors] = createSignal<FieldErrors>({});
  const [bulkFailure, setBulkFailure] = createSignal<ApiError>();
  const [bulkOutcome, setBulkOutcome] = createSignal<string[]>([]);
  // A bulk offer gives every selected applicant the same terms, made in the same form as one applicant's offer.
  const bulkTerms = createOfferTermsDraft();
  const offerText = useCatalog(interviewMessages).t;
  let bulkBox: HTMLFieldSetElement | undefined;
  const statusLabel = (status: ApplicationStatus) => applicationStatusLabels[status][lang()];
  const errorText = () => ({
    capacity_full: t("board.capacityFull", { positions: listing()?.positions ?? 0 }),
    forbidden: t("board.notYourMove"),
  });
  const explain = useActionErrorText();
  usePageTitle(() => (listing() ? t("board.title", { title: pick(listing()!.title) }) : undefined));

  const refreshCounts = () =>
    fetchListing(props.listingId).then(
      (fresh) => setCounts({ reserved: fresh.reservedCount ?? 0, accepted: fresh.acceptedCount ?? 0 }),
      () => {},
    );

  async function move(application: Application, to: ApplicationStatus, reason?: string) {
    setCardErrors(({ [application.id]: _, ...rest }) => rest);
    try {
      const moved = await moveApplicant(application.id, { to, reason, version: application.version });
      batch(() => {
        setItems((a) => a.id === moved.id, reconcile(moved));
        setSelected((ids) => ids.filter((id) => id !== moved.id));
        setAnnouncement(t("board.moved", { name: applicantName(moved), status: statusLabel(moved.status) }));
      });
      // The card now sits in another column: put focus back on it there.
      queueMicrotask(() => document.getElementById(`ap-${moved.id}`)?.focus());
      void refreshCounts();
    } catch (error) {
      setCardErrors((all) => ({ ...all, [application.id]: toApiError(error) }));
    }
  }

  const chosen = () => items.filter((a) => selected().includes(a.id));
  const bulkOptions = () => commonMoves(chosen());

  async function applyBulk() {
    setBulkFailure(undefined);
    setBulkOutcome([]);
    const terms = bulkTo() === "offered" ? checkOfferTerms(bulkTerms, offerText) : undefined;
    if (terms && !terms.ok) return focusFirstError(bulkBox);
    const body = {
      applicationIds: chosen().map((a) => a.id),
      to: bulkTo(),
      ...(bulkTo() === "rejected" && bulkReason().trim() ? { reason: bulkReason() } : {}),
      ...(terms?.ok ? { terms: terms.value } : {}),
    };
    const checked = validateWith(ApplicationBulkTransitionSchema, body, t, {
      reason: { field: "reason", message: t("board.reasonRequired") },
    });
    if (!checked.ok) {
      setBulkErrors(checked.errors);
      return focusFirstError(bulkBox);
    }
    setBulkErrors({});
    try {
      const { results } = await moveApplicants(props.listingId, checked.value);
      const byId = new Map(items.map((a) => [a.id, a]));
      const moved = results.filter((r) => r.ok).length;
      const failures = results.flatMap((r) =>
        r.ok
          ? []
          : [
              t("board.bulkFailed", {
                name: byId.get(r.id) ? applicantName(byId.get(r.id)!) : r.id,
                reason:
                  errorText()[r.error.code as keyof ReturnType<typeof errorText>] ??
                  explain({ ...r.error, status: 409 } as ApiError),
              }),
            ],
      );
      batch(() => {
        setBulkOutcome([t("board.bulkDone", { count: moved, status: statusLabel(checked.value.to) }), ...failures]);
        setSelected([]);
        setBulkTo("");
        setBulkReason("");
      });
      void refetch();
      void refreshCounts();
    } catch (error) {
      setBulkFailure(toApiError(error));
    }
  }

  return (
    <Async resource={listing} onRetry={() => void refetchListing()}>
      {(value: Accessor<Listing>) => (
        <Guard audience={membersOf(value().orgId)}>
          {() => (
            <>
              <p>
                <A href={paths.orgListings(value().orgId)}>{t("board.back")}</A>
              </p>
              <h1>{t("board.title", { title: pick(value().title) })}</h1>
              <p class="lead">{t("board.intro")}</p>
              <Show when={listing()?.positions}>
                <p class="capacity" aria-live="polite">
                  {t("board.capacity", {
                    positions: listing()?.positions ?? 0,
                    reserved: counts()?.reserved ?? listing()?.reservedCount ?? 0,
                    accepted: counts()?.accepted ?? listing()?.acceptedCount ?? 0,
                  })}
                </p>
              </Show>
              <p class="visually-hidden" role="status">
                {announcement()}
              </p>
              <Show when={selected().length > 0}>
                <fieldset class="panel bulk" ref={bulkBox}>
                  <legend>{t("board.bulk")}</legend>
                  <p role="status">{t("board.bulkSelected", { count: selected().length })}</p>
                  <ActionError error={bulkFailure()} />
                  <Show when={bulkOptions().length > 0} fallback={<p class="notice">{t("board.bulkNone")}</p>}>
                    <SelectField
                      name="bulk-to"
                      label={t("board.bulkMove")}
                      value={bulkTo()}
                      placeholder={t("form.choose")}
                      options={bulkOptions().map((to) => ({ value: to, label: statusLabel(to) }))}
                      onChange={setBulkTo}
                      error={bulkErrors().to}
                    />
                    <Show when={bulkTo() === "offered"}>
                      <OfferTermsFields draft={bulkTerms} prefix="bulk" />
                    </Show>
                    <Show when={bulkTo() === "rejected"}>
                      <TextArea
                        name="bulk-reason"
                        label={t("board.bulkReason")}
                        hint={t("board.reasonHint")}
                        required
                        rows={2}
                        value={bulkReason()}
                        onInput={setBulkReason}
                        error={bulkErrors().reason}
                      />
                    </Show>
                  </Show>
                  <p class="actions">
                    <Show when={bulkOptions().length > 0}>
                      <button type="button" class="button" onClick={() => void applyBulk()}>
                        {t("board.bulkApply")}
                      </button>
                    </Show>
                    <button type="button" class="button button-secondary" onClick={() => setSelected([])}>
                      {t("board.clearSelection")}
                    </button>
                  </p>
                </fieldset>
              </Show>
              <Show when={bulkOutcome().length > 0}>
                <ul class="success bulk-outcome" role="status">
                  <For each={bulkOutcome()}>{(line) => <li>{line}</li>}</For>
                </ul>
              </Show>
              <Async resource={loaded} onRetry={() => void refetch()}>
                {() => (
                  <Show when={items.length > 0} fallback={<p class="empty">{t("board.empty")}</p>}>
                    <div class="board">
                      <For each={groupByColumn(items)}>
                        {(column) => (
                          <section class="board-column" aria-labelledby={`col-${column.id}`}>
                            <h2 id={`col-${column.id}`}>
                              {t("board.columnCount", {
                                column: t(`board.column.${column.id}`),
                                count: column.items.length,
                              })}
                            </h2>
                            <Show
                              when={column.items.length > 0}
                              fallback={<p class="muted">{t("board.columnEmpty")}</p>}
                            >
                              <ul class="applicants">
                                <For each={column.items}>
                                  {(application) => (
                                    <ApplicantCard
                                      application={application}
                                      listing={value()}
                                      selected={selected().includes(application.id)}
                                      onSelect={(on) =>
                                        setSelected((ids) =>
                                          on ? [...ids, application.id] : ids.filter((id) => id !== application.id),
                                        )
                                      }
                                      move={(to, reason) => move(application, to, reason)}
                                      error={cardErrors()[application.id]}
                                      errorText={errorText()}
                                      onReload={() => void refetch()}
                                      onUpdated={() => void refetch()}
                                    />
                                  )}
                                </For>
                              </ul>
                            </Show>
                          </section>
                        )}
                      </For>
                    </div>
                  </Show>
                )}
              </Async>
            </>
          )}
        </Guard>
      )}
    </Async>
  );
}

/** `/tin/:id/ung-vien`: the applicant board of one listing, for its organisation's members. */
export default function ApplicantBoard() {
  const params = useParams<{ id: string }>();
  return <Board listingId={params.id} />;
}
