import type { ApplicantNote, ApplicantNoteWrite, Message, MessagePage, UnreadMessages } from "@ketnoi/core";
import { api, request } from "../../app/api/client";

export type { ApplicantNote, Message, MessagePage, UnreadMessages };

/** A page of an application's thread, newest last; `cursor` for older messages. */
export function fetchMessages(applicationId: string, cursor?: string): Promise<MessagePage> {
  return request(() =>
    api.applications[":id"].messages.$get({ param: { id: applicationId }, query: cursor ? { cursor } : {} }),
  );
}

/** Writes in an application's thread. */
export function sendMessage(applicationId: string, text: string): Promise<Message> {
  return request(() => api.applications[":id"].messages.$post({ param: { id: applicationId }, json: { text } }));
}

/** Marks the other side's messages read up to `seen`. */
export function markRead(applicationId: string, seen: number): Promise<{ seen: number }> {
  return request(() => api.applications[":id"].messages.read.$put({ param: { id: applicationId }, json: { seen } }));
}

/** My unread messages over all threads. */
export function fetchUnread(): Promise<UnreadMessages> {
  return request(() => api.messages.unread.$get());
}

/** The organisation's note and rating on an application. */
export function fetchNote(applicationId: string): Promise<ApplicantNote> {
  return request(() => api.applications[":id"].notes.$get({ param: { id: applicationId } }));
}

/** Saves the organisation's note and rating with the version last read. */
export function saveNote(applicationId: string, note: ApplicantNoteWrite): Promise<ApplicantNote> {
  return request(() => api.applications[":id"].notes.$put({ param: { id: applicationId }, json: note }));
}
