import type { Listing, ListingPage, ListingType } from "@ketnoi/core";
import { api, request } from "../../app/api/client";

export type { Listing, ListingType };

/** Query of one page of the public feed. */
export interface FeedQuery {
  type?: ListingType | undefined;
  cursor?: string | null | undefined;
  limit?: number;
}

/** One page of published listings, newest first. */
export function fetchListingPage(query: FeedQuery): Promise<ListingPage> {
  return request(() =>
    api.listings.$get({
      query: {
        type: query.type,
        cursor: query.cursor ?? undefined,
        limit: query.limit === undefined ? undefined : String(query.limit),
      },
    }),
  );
}

/** One listing by id. */
export function fetchListing(id: string): Promise<Listing> {
  return request(() => api.listings[":id"].$get({ param: { id } }));
}
