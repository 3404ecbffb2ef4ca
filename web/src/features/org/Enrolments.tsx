import { useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { Guard, membersOf } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Async } from "../../app/Status";
import { usePageTitle } from "../../app/title";
import { majorLabel } from "../listings/format";
import { decideEnrolment, fetchEnrolments } from "./api";
import { orgMessages } from "./messages";

/**
 * The school's enrolment list: students who declared it in their profile. Staff confirm those who really study
 * there; only a confirmed enrolment opens the school's placement rounds.
 */
function EnrolmentList(props: { orgId: string }) {
  const { t, lang } = useCatalog(orgMessages);
  const [items, { refetch, mutate }] = createResource(() => props.orgId, fetchEnrolments);
  const [failure, setFailure] = createSignal<ApiError>();
  usePageTitle(() => t("enrolments.title"));

  async function decide(studentId: string, confirmed: boolean) {
    setFailure(undefined);
    try {
      const updated = await decideEnrolment(props.orgId, studentId, confirmed);
      mutate((current) => current?.map((e) => (e.studentId === updated.studentId ? updated : e)));
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  return (
    <>
      <h1>{t("enrolments.title")}</h1>
      <p class="lead">{t("enrolments.intro")}</p>
      <ActionError error={failure()} />
      <Async resource={items} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted">{t("enrolments.empty")}</p>}>
            <ul class="cards cards-wide">
              <For each={list()}>
                {(e) => (
                  <li class="card">
                    <h2 class="card-title">{e.fullName}</h2>
                    <p class="muted">
                      {majorLabel(e.major, lang())} · {t("enrolments.year", { year: e.year })} ·{" "}
                      {t(e.confirmed ? "enrolments.confirmed" : "enrolments.unconfirmed")}
                    </p>
                    <p class="actions">
                      <button
                        type="button"
                        class={e.confirmed ? "button button-small button-secondary" : "button button-small"}
                        onClick={() => void decide(e.studentId, !e.confirmed)}
                      >
                        {t(e.confirmed ? "enrolments.withdraw" : "enrolments.confirm", { name: e.fullName })}
                      </button>
                    </p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Async>
    </>
  );
}

/** `/to-chuc/:id/sinh-vien`: a school's staff confirm which students who declared it really study there. */
export default function Enrolments() {
  const params = useParams<{ id: string }>();
  return <Guard audience={membersOf(params.id)}>{() => <EnrolmentList orgId={params.id} />}</Guard>;
}
