import { type Accessor, batch, createEffect, createSignal, on } from "solid-js";
import { type ApiError, toApiError } from "../../app/api/client";
import { fetchListingPage, type Listing, type ListingType } from "./api";

export type FeedStatus = "loading" | "ready" | "error";

/**
 * The home feed: the first page of listings of the chosen type, and further pages appended on demand.
 * Changing the type starts over; answers to an older type are dropped so a slow reply cannot overwrite a newer one.
 */
export function createListingFeed(type: Accessor<ListingType | undefined>, pageSize = 12) {
  const [items, setItems] = createSignal<Listing[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<FeedStatus>("loading");
  const [error, setError] = createSignal<ApiError>();
  const [moreStatus, setMoreStatus] = createSignal<"idle" | "loading" | "error">("idle");
  let generation = 0;

  async function loadFirst() {
    const current = ++generation;
    batch(() => {
      setStatus("loading");
      setItems([]);
      setCursor(null);
      setMoreStatus("idle");
    });
    try {
      const page = await fetchListingPage({ type: type(), limit: pageSize });
      if (current !== generation) return;
      batch(() => {
        setItems(page.items);
        setCursor(page.cursor);
        setStatus("ready");
      });
    } catch (caught) {
      if (current !== generation) return;
      batch(() => {
        setError(toApiError(caught));
        setStatus("error");
      });
    }
  }

  async function loadMore() {
    const from = cursor();
    if (!from || moreStatus() === "loading") return;
    const current = generation;
    setMoreStatus("loading");
    try {
      const page = await fetchListingPage({ type: type(), cursor: from, limit: pageSize });
      if (current !== generation) return;
      batch(() => {
        setItems((previous) => [...previous, ...page.items]);
        setCursor(page.cursor);
        setMoreStatus("idle");
      });
    } catch {
      if (current === generation) setMoreStatus("error");
    }
  }

  createEffect(on(type, () => void loadFirst()));

  return {
    items,
    status,
    error,
    moreStatus,
    hasMore: () => cursor() !== null,
    loadMore,
    retry: loadFirst,
  };
}
