import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { signedIn } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Page } from "../../app/Page";
import { Async } from "../../app/Status";
import { session } from "../../app/session/session";
import { formatDateTime } from "../listings/format";
import { answerInvitation, fetchMyInvitations, type Invitation } from "./api";
import { orgMessages } from "./messages";

function InvitationList() {
  const { t, pick, locale } = useCatalog(orgMessages);
  const [list, { refetch, mutate }] = createResource(fetchMyInvitations);
  const [failure, setFailure] = createSignal<ApiError>();
  const [done, setDone] = createSignal<string>();
  let doneBox: HTMLParagraphElement | undefined;

  async function answer(invitation: Invitation, choice: "accept" | "decline") {
    setFailure(undefined);
    try {
      await answerInvitation(invitation.id, choice);
      mutate((items) => items?.filter((i) => i.id !== invitation.id));
      const org = pick(invitation.orgName);
      setDone(t(choice === "accept" ? "invites.accepted" : "invites.declined", { org }));
      queueMicrotask(() => doneBox?.focus());
      // A new membership changes the menu and what the user may open.
      if (choice === "accept") await session.refresh().catch(() => {});
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  return (
    <>
      <Show when={done()}>
        <p class="success" role="status" tabIndex={-1} ref={doneBox}>
          {done()}
        </p>
      </Show>
      <ActionError
        error={failure()}
        extra={{ invitation_expired: t("invites.expired"), role_mismatch: t("invites.roleMismatch") }}
      />
      <Async resource={list} onRetry={() => void refetch()}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p class="empty">{t("invites.empty")}</p>}>
            <ul class="cards cards-wide">
              <For each={items()}>
                {(invitation) => {
                  const org = pick(invitation.orgName);
                  return (
                    <li class="card">
                      <p>
                        {t("invites.body", {
                          org,
                          role: t(`orgs.role.${invitation.role}`),
                          date: formatDateTime(invitation.expiresAt, locale()),
                        })}
                      </p>
                      <p class="actions">
                        <button type="button" class="button" onClick={() => void answer(invitation, "accept")}>
                          {t("invites.accept", { org })}
                        </button>
                        <button
                          type="button"
                          class="button button-secondary"
                          onClick={() => void answer(invitation, "decline")}
                        >
                          {t("invites.decline", { org })}
                        </button>
                      </p>
                    </li>
                  );
                }}
              </For>
            </ul>
          </Show>
        )}
      </Async>
    </>
  );
}

/** `/loi-moi`: invitations to join organisations, addressed to my e-mail (where invitation notifications lead). */
export default function Invitations() {
  const { t } = useCatalog(orgMessages);
  return (
    <Page title={t("invites.title")} audience={signedIn}>
      {() => (
        <>
          <InvitationList />
        </>
      )}
    </Page>
  );
}
