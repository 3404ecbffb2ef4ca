import { For, type JSX, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useI18n } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import type { Listing } from "./api";
import { formatDate, formatVnd, majorLabel, placeNames, skillLabel } from "./format";
import { TypeTag, VerifiedBadge } from "./ListingCard";

function Fact(props: { label: string; children: JSX.Element }) {
  return (
    <div class="fact">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function SkillList(props: { title: string; listing: Listing; ids: string[]; heading: string }) {
  const { lang } = useI18n();
  return (
    <Show when={props.ids.length > 0}>
      <Dynamic component={props.heading}>{props.title}</Dynamic>
      <ul class="skills">
        <For each={props.ids}>{(id) => <li>{skillLabel(props.listing, id, lang())}</li>}</For>
      </ul>
    </Show>
  );
}

/**
 * A listing as a student reads it. `nested` demotes its headings one level, for the editor's preview inside a
 * page that has its own h1. `orgLink` makes the organisation's name a link to its profile; `children` (the viewer's actions) come last.
 */
export function ListingView(props: { listing: Listing; nested?: boolean; orgLink?: boolean; children?: JSX.Element }) {
  const { t, pick, lang, locale } = useI18n();
  const listing = () => props.listing;
  const title = () => (props.nested ? "h2" : "h1");
  const section = () => (props.nested ? "h3" : "h2");
  return (
    <article class="detail">
      <p class="card-top">
        <TypeTag type={listing().type} />
        <span class="deadline">{t("listing.deadline", { date: formatDate(listing().deadline, locale()) })}</span>
      </p>
      <Dynamic component={title()}>{pick(listing().title)}</Dynamic>
      <p class="org">
        <Show when={props.orgLink} fallback={<span>{listing().orgName}</span>}>
          <a href={paths.org(listing().orgId)}>{listing().orgName}</a>
        </Show>
        <Show when={listing().orgVerified}>
          <VerifiedBadge />
        </Show>
      </p>
      <Dynamic component={section()}>{t("listing.details")}</Dynamic>
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
      <Dynamic component={section()}>{t("listing.description")}</Dynamic>
      <p class="description">{pick(listing().description)}</p>
      <SkillList
        title={t("listing.requiredSkills")}
        listing={listing()}
        ids={listing().requiredSkills}
        heading={section()}
      />
      <SkillList
        title={t("listing.preferredSkills")}
        listing={listing()}
        ids={listing().preferredSkills}
        heading={section()}
      />
      <Show when={listing().sessions?.length}>
        <Dynamic component={section()}>{t("listing.sessions")}</Dynamic>
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
      {props.children}
    </article>
  );
}
