import { A, useLocation } from "@solidjs/router";
import { createEffect, on, onCleanup, Show } from "solid-js";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { session } from "../../app/session/session";
import { conversationMessages } from "./messages";
import { unreadMessages } from "./unread";
import "./messages.css";

const pollMs = 30_000;

/**
 * The menu's unread-messages badge: shown only while something is unread; it leads to the first thread with unread
 * messages (the student's application, or the member's applicant board of that listing).
 */
export function MessagesBadge() {
  const { t } = useCatalog(conversationMessages);
  const location = useLocation();
  createEffect(
    on([() => session.me()?.id, () => location.pathname], ([userId]) => {
      if (userId) void unreadMessages.refresh();
      else unreadMessages.reset();
    }),
  );
  const poll = setInterval(() => {
    if (session.me() && document.visibilityState === "visible") void unreadMessages.refresh();
  }, pollMs);
  onCleanup(() => clearInterval(poll));
  const first = () => unreadMessages.state().threads[0];
  const href = () => {
    const thread = first();
    if (!thread) return "/";
    return session.me()?.role === "student"
      ? paths.myApplication(thread.applicationId)
      : paths.applicants(thread.listingId);
  };
  return (
    <Show when={unreadMessages.total() > 0}>
      <A href={href()} class="messages-badge" aria-label={t("messages.badge", { count: unreadMessages.total() })}>
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="currentColor">
          <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2Z" />
        </svg>
        <span class="bell-count" aria-hidden="true">
          {unreadMessages.total() > 99 ? "99+" : unreadMessages.total()}
        </span>
      </A>
    </Show>
  );
}
