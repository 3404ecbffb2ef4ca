import type { MailChannel, MailLanguage, MailPreferences, NotificationKind } from "@ketnoi/core";
import { api, request } from "../../app/api/client";

/** The signed-in user's mail preferences (every kind with its channel). */
export function fetchMailPreferences(): Promise<MailPreferences> {
  return request(() => api.me["mail-preferences"].$get());
}

/** Saves the language and the kinds' channels. */
export function saveMailPreferences(change: {
  language?: MailLanguage;
  kinds?: Partial<Record<NotificationKind, MailChannel>>;
}): Promise<MailPreferences> {
  return request(() => api.me["mail-preferences"].$put({ json: change }));
}

/** What an unsubscribe link is for (changes nothing). */
export function readUnsubscribeLink(token: string): Promise<{ kind: NotificationKind; channel: MailChannel }> {
  return request(() => api.mail.unsubscribe.$get({ query: { token } }));
}

/** Turns the link's kind of mail off (no session needed: the token is the authority). */
export function confirmUnsubscribe(token: string): Promise<{ kind: NotificationKind; channel: MailChannel }> {
  return request(() => api.mail.unsubscribe.$post({ query: { token } }));
}
