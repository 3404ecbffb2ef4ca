import { majors } from "@ketnoi/core/catalog";
import { communes, industrialParks } from "@ketnoi/core/places";
import type { Lang } from "../../app/i18n/i18n";
import type { Listing } from "./api";

// Deep imports on purpose: the core index also exports valibot schemas, which the browser does not need.
// No skills taxonomy here: it carries synonyms and related skills for matching (tens of kB), so listings arrive
// with the labels of their own skills and cards show them on first paint.

const communeNames = new Map<string, string>(communes.map((c) => [c.id, c.name]));
const parkNames = new Map<string, string>(industrialParks.map((p) => [p.id, p.name]));

/** Where a listing takes place: its industrial park (if any) and its commune or ward. */
export function placeNames(listing: Pick<Listing, "communeId" | "industrialParkId">): string[] {
  const park = listing.industrialParkId ? parkNames.get(listing.industrialParkId) : undefined;
  const commune = communeNames.get(listing.communeId) ?? listing.communeId;
  return park ? [park, commune] : [commune];
}

/** A listing's skill in the given language, from the labels the listing came with; as written if it has none. */
export function skillLabel(listing: Pick<Listing, "skillLabels">, id: string, lang: Lang): string {
  return listing.skillLabels[id]?.[lang] ?? id;
}

/** A major's label in the given language. */
export function majorLabel(id: string, lang: Lang): string {
  return (majors as Record<string, { vi: string; en: string }>)[id]?.[lang] ?? id;
}

// Dates and moments are written by the web's one formatting module; re-exported for the existing call sites.
export { formatDate, formatDateTime } from "../../app/format";

/** An amount in đồng, e.g. "3.000.000 ₫" in vi-VN. */
export function formatVnd(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: "VND", maximumFractionDigits: 0 }).format(amount);
}

/** The skills a card has room for: required skills first, then preferred ones. */
export function topSkills(listing: Pick<Listing, "requiredSkills" | "preferredSkills">, count = 3) {
  const all = [...new Set([...listing.requiredSkills, ...listing.preferredSkills])];
  return { shown: all.slice(0, count), hidden: Math.max(0, all.length - count) };
}

/** Seats a visit session still has, from the counts the listing came with (all of them when it has none). */
export function seatsLeft(listing: Pick<Listing, "seatsTaken">, session: { id: string; seats: number }): number {
  return Math.max(0, session.seats - (listing.seatsTaken?.[session.id] ?? 0));
}
