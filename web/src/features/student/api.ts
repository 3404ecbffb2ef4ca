import type {
  Application,
  ApplicationCreate,
  Booking,
  ErasureReceipt,
  ErasureRequest,
  Organisation,
  PersonalDataExport,
  SavedSearch,
  SavedSearchCreate,
  SearchPage,
  SearchQuerySchema,
  StudentProfile,
  StudentProfileInput,
} from "@ketnoi/core";
import type { InferInput } from "valibot";
import { api, request } from "../../app/api/client";

export type { Application, Booking, SavedSearch, SearchPage, StudentProfile };

/** My student profile, or null when I have not created one yet. */
export async function fetchMyProfile(): Promise<StudentProfile | null> {
  try {
    return await request(() => api.students.me.$get());
  } catch (error) {
    if ((error as { code?: string }).code === "not_found") return null;
    throw error;
  }
}

/** Creates or updates my profile and consents (with the version last read when updating). */
export function saveMyProfile(input: StudentProfileInput): Promise<StudentProfile> {
  return request(() => api.students.me.$put({ json: input }));
}

/**
 * Verified schools of the given kinds: universities and institutes for the profile's "my school" choice and placement
 * rounds, universities only for the dashboard's university filter.
 */
export async function fetchSchools(
  kinds: ReadonlyArray<"university" | "institute"> = ["university", "institute"],
): Promise<Organisation[]> {
  const pages = await Promise.all(kinds.map((kind) => request(() => api.organisations.$get({ query: { kind } }))));
  return pages.flatMap((page) => page.items);
}

/** The search query as the URL and the API carry it (text values, e.g. `paid: "true"`). */
export type SearchParams = Omit<InferInput<typeof SearchQuerySchema>, "limit">;

/** One page of search results. Empty parameters are not sent. */
export function searchListings(params: SearchParams, limit = 20): Promise<SearchPage> {
  const query = Object.fromEntries(Object.entries(params).filter(([, value]) => value)) as SearchParams;
  return request(() => api.search.$get({ query: { ...query, limit: String(limit) } }));
}

export async function fetchSavedSearches(): Promise<SavedSearch[]> {
  return (await request(() => api["saved-searches"].$get())).items;
}

export function createSavedSearch(input: SavedSearchCreate): Promise<SavedSearch> {
  return request(() => api["saved-searches"].$post({ json: input }));
}

export async function deleteSavedSearch(id: string): Promise<void> {
  await request(() => api["saved-searches"][":id"].$delete({ param: { id } }));
}

/** Applies to a listing with an optional note and the answers to its questions. */
export function applyToListing(listingId: string, input: ApplicationCreate): Promise<Application> {
  return request(() => api.listings[":id"].applications.$post({ param: { id: listingId }, json: input }));
}

/** My applications, newest first, each with its timeline. */
export async function fetchMyApplications(): Promise<Application[]> {
  return (await request(() => api.applications.mine.$get())).items;
}

/** Moves an application (the student withdraws, accepts or declines; the organisation moves it along). */
export function moveApplication(
  id: string,
  move: { to: Application["status"]; reason?: string | undefined; version: number },
): Promise<Application> {
  return request(() => api.applications[":id"].transitions.$post({ param: { id }, json: move }));
}

/** Books one seat for me in a visit session. */
export function bookSeat(listingId: string, sessionId: string): Promise<Booking> {
  return request(() =>
    api.listings[":id"].sessions[":sessionId"].bookings.$post({ param: { id: listingId, sessionId }, json: {} }),
  );
}

export async function fetchMyBookings(): Promise<Booking[]> {
  return (await request(() => api.bookings.mine.$get())).items;
}

export function cancelBooking(id: string): Promise<Booking> {
  return request(() => api.bookings[":id"].$delete({ param: { id } }));
}

/** Everything stored about me, as the API exports it. */
export function exportMyData(): Promise<PersonalDataExport> {
  return request(() => api.students.me.export.$get());
}

/** Erases my account, with the confirmation phrase the API requires. */
export function eraseMyAccount(body: ErasureRequest): Promise<ErasureReceipt> {
  return request(() => api.students.me.$delete({ json: body }));
}
