import { listingTypes } from "@ketnoi/core/catalog";
import { For } from "solid-js";
import { useI18n } from "../../app/i18n/i18n";
import type { ListingType } from "./api";
import "./listings.css";

/** Chips that narrow the feed to one listing type; "all" clears the filter. Pressed state is announced. */
export function TypeFilter(props: {
  value: ListingType | undefined;
  onChange: (type: ListingType | undefined) => void;
}) {
  const { t } = useI18n();
  const options: Array<ListingType | undefined> = [undefined, ...listingTypes];
  return (
    <fieldset class="chips">
      <legend class="visually-hidden">{t("home.filterLabel")}</legend>
      <For each={options}>
        {(type) => (
          <button type="button" class="chip" aria-pressed={props.value === type} onClick={() => props.onChange(type)}>
            {t(type ? `listingType.${type}` : "listingType.all")}
          </button>
        )}
      </For>
    </fieldset>
  );
}
