import { A, useParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { Guard, membersOf } from "../../app/Guard";
import { useCatalog } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import { Async } from "../../app/Status";
import { usePageTitle } from "../../app/title";
import { fetchListing } from "../listings/api";
import { formatDate } from "../listings/format";
import { fetchListingBookings } from "./api";
import { orgMessages } from "./messages";

/** `/tin/:id/dat-cho`: a visit listing's sessions with seats booked, and who holds them, for its organisation. */
export default function HostBookings() {
  const { t, pick, locale } = useCatalog(orgMessages);
  const params = useParams<{ id: string }>();
  const [data, { refetch }] = createResource(
    () => params.id,
    async (id) => {
      const [listing, bookings] = await Promise.all([fetchListing(id), fetchListingBookings(id)]);
      return { listing, bookings };
    },
  );
  usePageTitle(() => (data() ? t("hostBookings.title", { title: pick(data()!.listing.title) }) : undefined));
  return (
    <Async resource={data} onRetry={() => void refetch()}>
      {(data) => {
        const listing = () => data().listing;
        const bookings = () => data().bookings;
        return (
          <Guard audience={membersOf(listing().orgId)}>
            {() => (
              <>
                <p>
                  <A href={paths.orgListings(listing().orgId)}>{t("board.back")}</A>
                </p>
                <h1>{t("hostBookings.title", { title: pick(listing().title) })}</h1>
                <p class="lead">{t("hostBookings.intro")}</p>
                <For each={listing().sessions ?? []}>
                  {(session) => {
                    const seats = () => bookings().sessions.find((s) => s.id === session.id);
                    const items = () => bookings().items.filter((b) => b.sessionId === session.id);
                    return (
                      <section class="panel" aria-labelledby={`session-${session.id}`}>
                        <h2 id={`session-${session.id}`}>
                          {t("hostBookings.session", {
                            date: formatDate(session.date, locale()),
                            time: session.startTime,
                            place: session.place,
                          })}
                        </h2>
                        <p class="capacity">
                          {t("hostBookings.seats", {
                            booked: seats()?.booked ?? 0,
                            seats: seats()?.seats ?? session.seats,
                          })}
                        </p>
                        <Show when={items().length > 0} fallback={<p class="muted">{t("hostBookings.empty")}</p>}>
                          <ul class="sessions-book">
                            <For each={items()}>
                              {(booking) => (
                                <li>
                                  <span>
                                    {booking.bookedBy?.kind === "class"
                                      ? t("hostBookings.class", {
                                          label: booking.bookedBy.classLabel,
                                          org: booking.bookedBy.orgName,
                                          contact: `${booking.bookedBy.contact.name} <${booking.bookedBy.contact.email}>`,
                                        })
                                      : t("hostBookings.student", {
                                          name:
                                            booking.bookedBy?.kind === "student"
                                              ? (booking.bookedBy.student.contact?.fullName ??
                                                booking.bookedBy.student.label)
                                              : booking.id,
                                        })}
                                  </span>
                                  <span class="muted">
                                    {booking.status === "cancelled"
                                      ? t("hostBookings.cancelled")
                                      : t("hostBookings.seatsN", { count: booking.seats })}
                                  </span>
                                </li>
                              )}
                            </For>
                          </ul>
                        </Show>
                      </section>
                    );
                  }}
                </For>
              </>
            )}
          </Guard>
        );
      }}
    </Async>
  );
}
