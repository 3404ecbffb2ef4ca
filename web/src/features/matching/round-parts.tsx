import { createSignal, For } from "solid-js";
import { type ApiError, toApiError } from "../../app/api/client";
import { useCatalog } from "../../app/i18n/i18n";
import type { PlacementRoundView } from "./api";
import { matchingMessages } from "./messages";

/** What the round guarantees, in the reader's language (stable ≠ everyone's first choice). */
export function Guarantees(props: { round: PlacementRoundView }) {
  const { lang } = useCatalog(matchingMessages);
  const text = () => props.round.guarantees[lang()];
  return (
    <section class="notice">
      <h3>{text().title}</h3>
      <ul>
        <For each={text().points}>{(point) => <li>{point}</li>}</For>
      </ul>
    </section>
  );
}

/** Runs an action with a busy flag and keeps its failure, so each action area reports its own error. */
export function useAction() {
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<ApiError>();
  async function act<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setFailure(undefined);
    try {
      return await work();
    } catch (error) {
      setFailure(toApiError(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, failure, setFailure, act };
}

/** A round listing's title in the reader's language (its id if the round no longer lists it). */
export function useListingTitle(round: () => PlacementRoundView) {
  const { pick } = useCatalog(matchingMessages);
  return (listingId: string) => {
    const listing = round().listings.find((l) => l.listingId === listingId);
    return listing ? pick(listing.title) : listingId;
  };
}
