import { useParams } from "@solidjs/router";
import { createResource, For, type JSX, Show } from "solid-js";
import type { ApiError } from "../api/client";
import { Async } from "../components/Status";
import { usePageTitle } from "../components/title";
import { useI18n } from "../i18n/i18n";
import { formatDate, formatVnd, majorLabel, placeNames, skillLabel } from "../listings/format";
import { TypeTag, VerifiedBadge } from "../listings/ListingCard";
import { fetchListing, type Listing } from "../listings/listings";

function Fact(props: { label: string; children: JSX.Element }) {
  return (
    <div class="fact">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function SkillList(props: { title: string; ids: string[] }) {
  const { lang } = useI18n();
  return (
    <Show when={props.ids.length > 0}>
      <h2>{props.title}</h2>
      <ul class="skills">
        <For each={props.ids}>{(id) => <li>{skillLabel(id, lang())}</li>}</For>
      </ul>
    </Show>
  );
}

function ListingView(props: { listing: Listing }) {
  const { t, pick, lang, locale } = useI18n();
  const listing = () => props.listing;
  usePageTitle(() => pick(listing().title));
  return (
    <article class="detail">
      <p class="card-top">
        <TypeTag type={listing().type} />
        <span class="deadline">{t("listing.deadline", { date: formatDate(listing().deadline, locale()) })}</span>
      </p>
      <h1>{pick(listing().title)}</h1>
      <p class="org">
        <span>{listing().orgName}</span>
        <Show when={listing().orgVerified}>
          <VerifiedBadge />
        </Show>
      </p>
      <h2>{t("listing.details")}</h2>
      <dl class="facts">
        <Fact label={t("listing.place")}>{placeNames(listing()).join(" · ")}</Fact>
        <Fact label={t("listing.workMode")}>{t(`workMode.${listing().workMode}`)}</Fact>
        <Show when={listing().positions}>{(n) => <Fact label={t("listing.positions")}>{n()}</Fact>}</Show>
        <Show when={listing().durationWeeks}>
          {(weeks) => <Fact label={t("listing.duration")}>{t("listing.durationWeeks", { count: weeks() })}</Fact>}
        </Show>
        <Show when={listing().paid !== undefined}>
          <Fact label={t("listing.pay")}>
            {listing().stipendVnd
              ? t("listing.stipend", { amount: formatVnd(listing().stipendVnd ?? 0, locale()) })
              : t(listing().paid ? "listing.paid" : "listing.unpaid")}
          </Fact>
        </Show>
        <Show when={listing().years.length > 0}>
          <Fact label={t("listing.years")}>{listing().years.join(", ")}</Fact>
        </Show>
        <Show when={listing().majors.length > 0}>
          <Fact label={t("listing.majors")}>
            {listing()
              .majors.map((id) => majorLabel(id, lang()))
              .join(", ")}
          </Fact>
        </Show>
      </dl>
      <h2>{t("listing.description")}</h2>
      <p class="description">{pick(listing().description)}</p>
      <SkillList title={t("listing.requiredSkills")} ids={listing().requiredSkills} />
      <SkillList title={t("listing.preferredSkills")} ids={listing().preferredSkills} />
      <Show when={listing().sessions?.length}>
        <h2>{t("listing.sessions")}</h2>
        <ul class="sessions">
          <For each={listing().sessions}>
            {(s) => (
              <li>
                <time datetime={`${s.date}T${s.startTime}`}>
                  {formatDate(s.date, locale())} {s.startTime}
                </time>
                {" · "}
                {s.place} · {t("listing.sessionSeats", { count: s.seats })}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </article>
  );
}

/** One listing at `/tin/:id`. */
export default function ListingDetail() {
  const { t } = useI18n();
  const params = useParams<{ id: string }>();
  const [listing, { refetch }] = createResource(() => params.id, fetchListing);
  return (
    <>
      <p>
        <a href="/">{t("listing.back")}</a>
      </p>
      <Show
        when={(listing.error as ApiError | undefined)?.code === "not_found" && !listing.loading}
        fallback={
          <Async resource={listing} onRetry={() => void refetch()}>
            {(value) => <ListingView listing={value} />}
          </Async>
        }
      >
        <p class="empty" role="alert">
          {t("listing.notFound")}
        </p>
      </Show>
    </>
  );
}
