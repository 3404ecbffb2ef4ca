import { useNavigate } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { type ApiError, toApiError } from "../../app/api/client";
import { signedIn } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { sharedMessages } from "../../app/i18n/shared";
import { Page } from "../../app/Page";
import { Async } from "../../app/Status";
import { formatDateTime } from "../listings/format";
import { fetchNotifications, markNotificationRead, type Notification } from "./api";
import { unreadNotifications } from "./unread";
import "./notifications.css";

function NotificationList() {
  const { t, pick, locale } = useCatalog(sharedMessages);
  const navigate = useNavigate();
  const [list, { refetch, mutate }] = createResource(fetchNotifications);
  const [failure, setFailure] = createSignal<ApiError>();

  async function markRead(item: Notification) {
    setFailure(undefined);
    try {
      await markNotificationRead(item.id);
      const current = list();
      if (!current) return;
      const items = current.items.map((n) => (n.id === item.id ? { ...n, read: true } : n));
      const unread = items.filter((n) => !n.read).length;
      mutate({ items, unread });
      unreadNotifications.set(unread);
    } catch (error) {
      setFailure(toApiError(error));
    }
  }

  async function open(item: Notification) {
    if (!item.read) await markRead(item);
    if (item.link?.startsWith("/")) navigate(item.link);
  }

  return (
    <Async resource={list} onRetry={() => void refetch()}>
      {(value) => (
        <>
          <p class="visually-hidden" role="status">
            {t("notifications.count", { count: value().unread })}
          </p>
          <Show when={failure()}>
            {(error) => (
              <p class="error-inline" role="alert">
                {t("action.failed", { message: error().message })}
              </p>
            )}
          </Show>
          <Show when={value().items.length > 0} fallback={<p class="empty">{t("notifications.empty")}</p>}>
            <ul class="notifications">
              <For each={value().items}>
                {(item) => (
                  <li classList={{ notification: true, unread: !item.read }}>
                    <p class="notification-title">
                      <Show when={!item.read}>
                        <span class="badge badge-unread">{t("notifications.unread")}</span>{" "}
                      </Show>
                      <strong>{pick(item.title)}</strong>
                    </p>
                    <Show when={item.body}>{(body) => <p>{pick(body())}</p>}</Show>
                    <p class="muted">
                      <time datetime={item.createdAt}>{formatDateTime(item.createdAt, locale())}</time>
                    </p>
                    <p class="actions">
                      <Show when={item.link}>
                        <button type="button" class="button" onClick={() => void open(item)}>
                          {t("notifications.open")}
                        </button>
                      </Show>
                      <Show when={!item.read}>
                        <button type="button" class="button button-secondary" onClick={() => void markRead(item)}>
                          {t("notifications.markRead")}
                        </button>
                      </Show>
                    </p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </>
      )}
    </Async>
  );
}

/** `/thong-bao`: the signed-in user's notifications, newest first; opening one marks it read. */
export default function Notifications() {
  const { t } = useCatalog(sharedMessages);
  return (
    <Page title={t("notifications.title")} audience={signedIn}>
      {() => (
        <>
          <NotificationList />
        </>
      )}
    </Page>
  );
}
