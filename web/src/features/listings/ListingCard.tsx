import { For, Show } from "solid-js";
import { useI18n } from "../../app/i18n/i18n";
import { paths } from "../../app/paths";
import type { Listing } from "./api";
import { formatDate, placeNames, skillLabel, topSkills } from "./format";
import "./listings.css";

/** The platform checked this organisation (against scams); shown next to its name. */
export function VerifiedBadge() {
  const { t } = useI18n();
  return (
    <span class="badge badge-verified" title={t("listing.verifiedTitle")}>
      <span aria-hidden="true">✓ </span>
      {t("listing.verified")}
    </span>
  );
}

/** The listing type as a tag, e.g. "Thực tập". */
export function TypeTag(props: { type: Listing["type"] }) {
  const { t } = useI18n();
  return <span class={`tag tag-${props.type}`}>{t(`listingType.${props.type}`)}</span>;
}

/** One listing in the feed: the facts a student scans before opening it. The whole card is the link. */
export function ListingCard(props: { listing: Listing }) {
  const { t, pick, lang, locale } = useI18n();
  const skills = () => topSkills(props.listing);
  return (
    <article class="card">
      <p class="card-top">
        <TypeTag type={props.listing.type} />
        <span class="deadline">{t("listing.deadline", { date: formatDate(props.listing.deadline, locale()) })}</span>
      </p>
      <h2 class="card-title">
        <a href={paths.listing(props.listing.id)} class="card-link">
          {pick(props.listing.title)}
        </a>
      </h2>
      <p class="org">
        <span>{props.listing.orgName}</span>
        <Show when={props.listing.orgVerified}>
          <VerifiedBadge />
        </Show>
      </p>
      <p class="place">{placeNames(props.listing).join(" · ")}</p>
      <Show when={skills().shown.length > 0}>
        <ul class="skills" aria-label={t("listing.skills")}>
          <For each={skills().shown}>{(id) => <li>{skillLabel(props.listing, id, lang())}</li>}</For>
          <Show when={skills().hidden > 0}>
            <li class="skills-more">{t("listing.moreSkills", { count: skills().hidden })}</li>
          </Show>
        </ul>
      </Show>
    </article>
  );
}
