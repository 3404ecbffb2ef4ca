import type { ThreadSide } from "@ketnoi/core";
import { createSignal, Show } from "solid-js";
import { useCatalog } from "../../app/i18n/i18n";
import { conversationMessages } from "./messages";
import { NotesPanel } from "./NotesPanel";
import { Thread } from "./Thread";
import { unreadMessages } from "./unread";
import "./messages.css";

/**
 * An application's conversation, folded until opened (so a page of applications costs no request per card): the
 * thread, and for the organisation's members their private notes and rating. Mounted by the student's
 * applications page and by the applicant board with one line each.
 */
export function Conversation(props: {
  applicationId: string;
  side: ThreadSide;
  /** Who is on the other side: the organisation's name for the student, the applicant's for members. */
  with: string;
  closed?: boolean;
}) {
  const { t } = useCatalog(conversationMessages);
  const [open, setOpen] = createSignal(false);
  const unread = () => unreadMessages.of(props.applicationId);
  return (
    <details class="conversation" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {unread() > 0 ? t("thread.summaryUnread", { count: unread() }) : t("thread.summary")}
        <span class="visually-hidden">
          {" — "}
          {props.side === "student"
            ? t("thread.titleStudent", { org: props.with })
            : t("thread.titleOrganisation", { name: props.with })}
        </span>
      </summary>
      <Show when={open()}>
        <Thread applicationId={props.applicationId} side={props.side} closed={props.closed ?? false} />
        <Show when={props.side === "organisation"}>
          <NotesPanel applicationId={props.applicationId} name={props.with} />
        </Show>
      </Show>
    </details>
  );
}
