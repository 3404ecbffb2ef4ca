import type { SavedSearch, SearchCriteria } from "@ketnoi/core";
import { listingTypes, sectorIds } from "@ketnoi/core/catalog";
import { communeIds, industrialParkIds } from "@ketnoi/core/places";
import { skillIds } from "@ketnoi/core/skills";
import { paths } from "../../app/paths";
import type { SearchParams } from "./api";

/** The URL keys of a search, which are also the API's query keys. */
export const searchKeys = [
  "q",
  "type",
  "sector",
  "skill",
  "commune",
  "industrialPark",
  "paid",
  "verifiedOnly",
  "sort",
] as const;
export type SearchKey = (typeof searchKeys)[number];

const sorts = ["relevance", "newest", "deadline"] as const;

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * The search a URL asks for, keeping only values the API accepts: a hand-edited or stale link degrades to fewer
 * filters instead of an error page.
 * @example searchFromUrl({ q: " lap trinh ", paid: "yes" }) // { q: "lap trinh" }
 */
export function searchFromUrl(params: Partial<Record<SearchKey, string | string[] | undefined>>): SearchParams {
  const get = (key: SearchKey) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const q = get("q")?.trim().slice(0, 200);
  const search: SearchParams = {
    q: q || undefined,
    type: oneOf(listingTypes, get("type")),
    sector: oneOf(sectorIds, get("sector")),
    skill: oneOf(skillIds, get("skill")),
    commune: oneOf(communeIds, get("commune")),
    industrialPark: oneOf(industrialParkIds, get("industrialPark")),
    paid: oneOf(["true", "false"] as const, get("paid")),
    // Only "true" is meaningful in a link: leaving it out is the API's default (all organisations).
    verifiedOnly: oneOf(["true"] as const, get("verifiedOnly")),
    sort: oneOf(sorts, get("sort")),
  };
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as SearchParams;
}

/** A search as the saved-search body wants it (JSON values, e.g. `paid: true`). */
export function criteriaFromSearch(search: SearchParams): Record<string, unknown> {
  const { paid, verifiedOnly, cursor: _cursor, deadlineAhead: _d, ...rest } = search;
  return {
    ...rest,
    ...(paid ? { paid: paid === "true" } : {}),
    ...(verifiedOnly === "true" ? { verifiedOnly: true } : {}),
  };
}

/** The search page address that runs a saved search. */
export function searchHref(criteria: SearchCriteria | SavedSearch["criteria"]): string {
  const params = new URLSearchParams();
  for (const key of searchKeys) {
    const value = (criteria as Record<string, unknown>)[key];
    if (value !== undefined && value !== "" && !(key === "verifiedOnly" && value !== true)) {
      params.set(key, String(value));
    }
  }
  const query = params.toString();
  return paths.search(query);
}
