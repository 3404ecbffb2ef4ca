import type { ThreadSide } from "@ketnoi/core";
import { maxMessageLength } from "@ketnoi/core/schemas/message";
import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { formatDateTime } from "../../app/format";
import { useCatalog } from "../../app/i18n/i18n";
import { fetchMessages, type Message, markRead, sendMessage } from "./api";
import { conversationMessages } from "./messages";
import { unreadMessages } from "./unread";

const pollMs = 10_000;

/**
 * An application's thread: older pages on demand, newest last, a labelled box to write in. New messages from the
 * other side (checked every 10 s while the tab is visible) are announced in a polite live region; whatever is
 * shown of the other side is marked read.
 */
export function Thread(props: { applicationId: string; side: ThreadSide; closed?: boolean }) {
  const { t, locale } = useCatalog(conversationMessages);
  const [items, setItems] = createSignal<Message[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [text, setText] = createSignal("");
  const [error, setError] = createSignal<string>();
  const [failure, setFailure] = createSignal<ApiError>();
  const [busy, setBusy] = createSignal(false);
  const [announcement, setAnnouncement] = createSignal("");
  const [loaded, setLoaded] = createSignal(false);
  const field = `msg-${props.applicationId}`;

  /** Marks what the page showed of the other side read, then refreshes the menu's badge. */
  async function acknowledge(otherSideCount: number, unread: number) {
    if (unread === 0) return;
    await markRead(props.applicationId, otherSideCount).catch(() => {});
    await unreadMessages.refresh(true);
  }

  /** Loads the newest page, keeping older pages already shown; announces the other side's new messages. */
  async function loadLatest(announce: boolean) {
    try {
      const page = await fetchMessages(props.applicationId);
      const known = new Set(items().map((m) => m.id));
      const fresh = page.items.filter((m) => !known.has(m.id));
      if (!loaded()) setCursor(page.cursor);
      setItems((current) => [...current, ...fresh]);
      setLoaded(true);
      const fromOther = fresh.filter((m) => !m.mine).length;
      if (announce && fromOther > 0) setAnnouncement(t("thread.newMessages", { count: fromOther }));
      await acknowledge(page.otherSideCount, page.unread);
    } catch (err) {
      setFailure(toApiError(err));
    }
  }

  async function loadOlder() {
    const before = cursor();
    if (!before) return;
    try {
      const page = await fetchMessages(props.applicationId, before);
      setItems((current) => [...page.items, ...current]);
      setCursor(page.cursor);
    } catch (err) {
      setFailure(toApiError(err));
    }
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const body = text().trim();
    if (body.length === 0) return setError(t("thread.required"));
    if (body.length > maxMessageLength) return setError(t("thread.tooLong", { max: maxMessageLength }));
    setError(undefined);
    setFailure(undefined);
    setBusy(true);
    try {
      const sent = await sendMessage(props.applicationId, body);
      setItems((current) => [...current, sent]);
      setText("");
      setAnnouncement(t("thread.sent"));
    } catch (err) {
      setFailure(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  onMount(() => void loadLatest(false));
  const poll = setInterval(() => {
    if (document.visibilityState === "visible") void loadLatest(true);
  }, pollMs);
  onCleanup(() => clearInterval(poll));

  const author = (m: Message) =>
    m.mine ? t("thread.you") : m.side === "student" ? t("thread.applicant") : m.authorName || t("thread.organisation");

  return (
    <div class="thread">
      <p class="hint">{t("thread.intro")}</p>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>
      <Show when={cursor()}>
        <button type="button" class="button button-small button-secondary" onClick={() => void loadOlder()}>
          {t("thread.older")}
        </button>
      </Show>
      <Show when={loaded() && items().length === 0}>
        <p class="empty">{t("thread.empty")}</p>
      </Show>
      <ol class="thread-messages" aria-label={t("thread.messagesLabel")}>
        <For each={items()}>
          {(m) => (
            <li class="thread-message" classList={{ "thread-mine": m.mine }}>
              <p class="thread-meta">
                <strong>{author(m)}</strong> ·{" "}
                <time datetime={m.createdAt}>{formatDateTime(m.createdAt, locale())}</time>
              </p>
              <p class="thread-text">{m.text}</p>
            </li>
          )}
        </For>
      </ol>
      <ActionError error={failure()} onReload={() => void loadLatest(false)} />
      <Show when={!props.closed} fallback={<p class="hint">{t("thread.closed")}</p>}>
        <form class="thread-form" onSubmit={(event) => void submit(event)} novalidate>
          <div class="field">
            <label for={field}>{t("thread.label")}</label>
            <textarea
              id={field}
              name="text"
              rows={3}
              maxLength={maxMessageLength}
              value={text()}
              aria-invalid={error() ? "true" : undefined}
              aria-describedby={`${field}-hint${error() ? ` ${field}-error` : ""}`}
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <p class="hint" id={`${field}-hint`}>
              {t("thread.hint", { max: maxMessageLength, count: text().length })}
            </p>
            <Show when={error()}>
              <p class="field-error" id={`${field}-error`} role="alert">
                {error()}
              </p>
            </Show>
          </div>
          <button type="submit" class="button button-small" disabled={busy()}>
            {busy() ? t("thread.sending") : t("thread.send")}
          </button>
        </form>
      </Show>
    </div>
  );
}
