import type { Member } from "@ketnoi/core";
import { InvitationCreateSchema } from "@ketnoi/core/schemas/member";
import { useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { can } from "../../app/can";
import { SelectField, TextField } from "../../app/forms/fields";
import { type FieldErrors, focusFirstError, validateWith } from "../../app/forms/validation";
import { Guard, membersOf } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { Async } from "../../app/Status";
import { session } from "../../app/session/session";
import { usePageTitle } from "../../app/title";
import { formatDate, formatDateTime } from "../listings/format";
import {
  changeMemberRole,
  fetchInvitations,
  fetchMembers,
  fetchOrganisation,
  type Invitation,
  inviteMember,
  removeMember,
} from "./api";
import { orgMessages } from "./messages";

/** The invitation form: an e-mail and a role, checked with the API's schema. */
function InviteForm(props: { orgId: string; onInvited: (invitation: Invitation) => void }) {
  const { t } = useCatalog(orgMessages);
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal("staff");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal<ApiError>();
  let form: HTMLFormElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setFailure(undefined);
    const checked = validateWith(InvitationCreateSchema, { email: email(), role: role() }, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return focusFirstError(form);
    }
    setErrors({});
    try {
      props.onInvited(await inviteMember(props.orgId, checked.value));
      setEmail("");
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  return (
    <form class="form panel" ref={form} noValidate onSubmit={submit} aria-labelledby="invite-title">
      <h2 id="invite-title">{t("members.invite")}</h2>
      <ActionError error={failure()} extra={{ already_exists: t("members.alreadyInvited") }} />
      <div class="row-2">
        <TextField
          name="email"
          type="email"
          inputmode="email"
          autocomplete="off"
          label={t("members.inviteEmail")}
          required
          value={email()}
          onInput={setEmail}
          error={errors().email}
        />
        <SelectField
          name="role"
          label={t("members.inviteRole")}
          value={role()}
          options={[
            { value: "staff", label: t("orgs.role.staff") },
            { value: "owner", label: t("orgs.role.owner") },
          ]}
          onChange={setRole}
          error={errors().role}
        />
      </div>
      <p class="actions">
        <button type="submit" class="button">
          {t("members.inviteSend")}
        </button>
      </p>
    </form>
  );
}

function MemberList(props: { orgId: string }) {
  const { t, pick, locale } = useCatalog(orgMessages);
  const [data, { refetch, mutate }] = createResource(
    () => props.orgId,
    async (orgId) => {
      const [org, members] = await Promise.all([fetchOrganisation(orgId), fetchMembers(orgId)]);
      return { org, members };
    },
  );
  const isOwner = () => can(session.me(), "member:manage", { orgId: props.orgId });
  const [invitations, { mutate: setInvitations }] = createResource(
    () => (isOwner() ? props.orgId : undefined),
    fetchInvitations,
  );
  const [confirming, setConfirming] = createSignal<string>();
  const [failure, setFailure] = createSignal<ApiError>();
  const [done, setDone] = createSignal<string>();
  let doneBox: HTMLParagraphElement | undefined;
  usePageTitle(() => (data() ? t("members.title", { org: pick(data()!.org.name) }) : undefined));

  const announce = (message: string) => {
    setDone(message);
    queueMicrotask(() => doneBox?.focus());
  };

  async function remove(member: Member) {
    setFailure(undefined);
    try {
      await removeMember(props.orgId, member.userId);
      mutate(
        (current) => current && { ...current, members: current.members.filter((m) => m.userId !== member.userId) },
      );
      setConfirming(undefined);
      announce(t("members.removed", { name: member.displayName }));
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  async function toggleRole(member: Member) {
    setFailure(undefined);
    try {
      const updated = await changeMemberRole(props.orgId, member.userId, member.role === "owner" ? "staff" : "owner");
      mutate(
        (current) =>
          current && { ...current, members: current.members.map((m) => (m.userId === updated.userId ? updated : m)) },
      );
      announce(t("members.roleChanged", { name: member.displayName }));
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  return (
    <Async resource={data} onRetry={() => void refetch()}>
      {(data) => {
        const org = () => data().org;
        const members = () => data().members;
        return (
          <>
            <h1>{t("members.title", { org: pick(org().name) })}</h1>
            <p class="lead">{t("members.intro")}</p>
            <Show when={done()}>
              <p class="success" role="status" tabIndex={-1} ref={doneBox}>
                {done()}
              </p>
            </Show>
            <ActionError error={failure()} extra={{ last_owner: t("members.lastOwner") }} />
            <ul class="cards cards-wide">
              <For each={members()}>
                {(member) => (
                  <li class="card">
                    <h2 class="card-title">
                      {member.displayName} <Show when={member.userId === session.me()?.id}>{t("members.you")}</Show>
                    </h2>
                    <p class="muted">
                      {member.email} · {t(`orgs.role.${member.role}`)} · {formatDate(member.joinedAt, locale())}
                    </p>
                    <Show when={isOwner()}>
                      <Show
                        when={confirming() === member.userId}
                        fallback={
                          <p class="actions">
                            <button
                              type="button"
                              class="button button-small button-secondary"
                              onClick={() => void toggleRole(member)}
                            >
                              {t(member.role === "owner" ? "members.makeStaff" : "members.makeOwner", {
                                name: member.displayName,
                              })}
                            </button>
                            <button
                              type="button"
                              class="button button-small button-secondary"
                              onClick={() => setConfirming(member.userId)}
                            >
                              {t("members.remove", { name: member.displayName })}
                            </button>
                          </p>
                        }
                      >
                        <p role="alert">{t("members.removeConfirm", { name: member.displayName })}</p>
                        <p class="actions">
                          <button
                            type="button"
                            class="button button-small button-danger"
                            onClick={() => void remove(member)}
                          >
                            {t("members.confirmRemove")}
                          </button>
                          <button
                            type="button"
                            class="button button-small button-secondary"
                            onClick={() => setConfirming(undefined)}
                          >
                            {t("form.cancel")}
                          </button>
                        </p>
                      </Show>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Show when={isOwner()}>
              <InviteForm
                orgId={props.orgId}
                onInvited={(invitation) => {
                  setInvitations((list) => [invitation, ...(list ?? [])]);
                  announce(t("members.invited", { email: invitation.email }));
                }}
              />
              <section aria-labelledby="invitations-title">
                <h2 id="invitations-title">{t("members.invitations")}</h2>
                <Show
                  when={(invitations() ?? []).length > 0}
                  fallback={<p class="muted">{t("members.noInvitations")}</p>}
                >
                  <ul>
                    <For each={invitations()}>
                      {(invitation) => (
                        <li>
                          {invitation.email} · {t(`orgs.role.${invitation.role}`)} ·{" "}
                          {t("members.expires", { date: formatDateTime(invitation.expiresAt, locale()) })}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            </Show>
          </>
        );
      }}
    </Async>
  );
}

/** `/to-chuc/:id/thanh-vien`: an organisation's members; owners change roles, remove members and invite. */
export default function Members() {
  const params = useParams<{ id: string }>();
  return <Guard audience={membersOf(params.id)}>{() => <MemberList orgId={params.id} />}</Guard>;
}
