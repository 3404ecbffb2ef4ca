import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { ActionError } from "../../app/ActionError";
import { type ApiError, toApiError } from "../../app/api/client";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { formatDate } from "../listings/format";
import { type Booking, cancelBooking, fetchMyBookings } from "./api";
import { studentMessages } from "./messages";

/** The signed-in user's visit bookings (a student's seats, or a staff member's class bookings), cancellable. */
export function MyBookings(props: { heading?: "h1" | "h2" }) {
  const { t, pick, locale } = useCatalog(studentMessages);
  const [bookings, { refetch, mutate }] = createResource(fetchMyBookings);
  const [failure, setFailure] = createSignal<ApiError>();
  async function cancel(booking: Booking) {
    setFailure(undefined);
    try {
      const cancelled = await cancelBooking(booking.id);
      mutate((list) => list?.map((b) => (b.id === cancelled.id ? cancelled : b)));
    } catch (error) {
      setFailure(toApiError(error));
    }
  }
  return (
    <section aria-labelledby="bookings-title">
      <Dynamic component={props.heading ?? "h2"} id="bookings-title">
        {t("mine.bookings")}
      </Dynamic>
      <ActionError error={failure()} />
      <Async resource={bookings} onRetry={() => void refetch()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted">{t("mine.noBookings")}</p>}>
            <ul class="sessions-book">
              <For each={list()}>
                {(booking) => (
                  <li>
                    <span>
                      <A href={paths.listing(booking.listingId)}>{pick(booking.listingTitle)}</A>
                      <Show when={booking.session}>
                        {(s) => ` · ${formatDate(s().date, locale())} ${s().startTime} · ${s().place}`}
                      </Show>
                    </span>
                    <Show
                      when={booking.status === "confirmed"}
                      fallback={<span class="badge badge-rejected">{t("mine.bookingCancelled")}</span>}
                    >
                      <button
                        type="button"
                        class="button button-small button-secondary"
                        onClick={() => void cancel(booking)}
                      >
                        {t("mine.cancelBooking")}
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Async>
    </section>
  );
}
