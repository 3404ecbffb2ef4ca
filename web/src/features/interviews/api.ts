import type { Interview, InterviewPropose, Offer, OfferTerms } from "@ketnoi/core";
import { ApiError, api, request } from "../../app/api/client";

export type { Interview, Offer };

/** Null when the resource does not exist yet (404), so a panel shows its "none yet" state. */
async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.code === "not_found") return null;
    throw error;
  }
}

// One application's routes; the id goes in `param` with each call.
const byId = api.applications[":id"];
const param = (id: string) => ({ param: { id } });

/** The application's interview, or null. */
export const fetchInterview = (id: string) => orNull(() => request(() => byId.interview.$get(param(id))));
export const proposeInterview = (id: string, json: InterviewPropose) =>
  request(() => byId.interview.$post({ ...param(id), json }));
export const pickSlot = (id: string, json: { slotId: string; version: number }) =>
  request(() => byId.interview.pick.$post({ ...param(id), json }));
export const requestOtherTimes = (id: string, json: { note: string; version: number }) =>
  request(() => byId.interview["request-change"].$post({ ...param(id), json }));
export const rescheduleInterview = (id: string, json: InterviewPropose & { reason: string; version: number }) =>
  request(() => byId.interview.reschedule.$post({ ...param(id), json }));
export const cancelInterview = (id: string, json: { reason: string; version: number }) =>
  request(() => byId.interview.cancel.$post({ ...param(id), json }));

/** Downloads the interview's .ics (the request carries the session's token, so a plain link cannot). */
export async function downloadCalendar(id: string): Promise<void> {
  const res = await byId.interview.calendar.$get(param(id));
  if (!res.ok) throw new ApiError("http_error", `HTTP ${res.status}`, res.status);
  const url = URL.createObjectURL(new Blob([await res.text()], { type: "text/calendar" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "phong-van.ics";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The application's offer with its terms, or null. */
export const fetchOffer = (id: string) => orNull(() => request(() => byId.offer.$get(param(id))));
export const makeOffer = (id: string, json: { terms: OfferTerms; version: number }) =>
  request(() => byId.offer.$post({ ...param(id), json }));
export const acceptOffer = (id: string, json: { version: number }) =>
  request(() => byId.offer.accept.$post({ ...param(id), json }));
export const declineOffer = (id: string, json: { reason?: string; version: number }) =>
  request(() => byId.offer.decline.$post({ ...param(id), json }));
export const withdrawOffer = (id: string, json: { reason: string; version: number }) =>
  request(() => byId.offer.withdraw.$post({ ...param(id), json }));
