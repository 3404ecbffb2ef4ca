import { communes, findSkill, industrialParks, type Organisation } from "@ketnoi/core";
import type { StoredListing } from "../data/listings";

/**
 * What the search index holds for one published listing: text to match (folded at indexing time) and the
 * fields filters and sorts read. Only published listings are indexed.
 */
export interface SearchDocument {
  id: string;
  // Text fields.
  title: string;
  titleEn: string;
  description: string;
  skillLabels: string;
  organisation: string;
  place: string;
  // Stored fields (kept in the snapshot, read by filters and sorts).
  type: string;
  orgId: string;
  orgVerified: boolean;
  sectors: string[];
  skillIds: string[];
  communeId: string;
  industrialParkId: string | null;
  paid: boolean;
  deadline: string;
  /** publishedAt (the feed's order). */
  sortAt: string;
  updatedAt: string;
  /** The organisation's Vietnamese name, as list cards show it. */
  orgName: string;
  /**
   * The listing as stored: recommendations rank every published listing and answer from it, so they read the
   * table for none of them (docs/matching.md).
   */
  listing: StoredListing;
}

/** The stored part of a document, as the index gives it back. */
export type StoredSearchFields = Omit<SearchDocument, (typeof textFields)[number]>;

/** Text fields and how much a match in each counts. */
export const textFields = ["title", "titleEn", "description", "skillLabels", "organisation", "place"] as const;
export const fieldBoosts: Record<(typeof textFields)[number], number> = {
  title: 3,
  titleEn: 3,
  skillLabels: 2,
  organisation: 2,
  place: 1.5,
  description: 1,
};
/** Fields kept with each document (and in the snapshot) for filters and sorts. */
export const storedFields = [
  "type",
  "orgId",
  "orgVerified",
  "sectors",
  "skillIds",
  "communeId",
  "industrialParkId",
  "paid",
  "deadline",
  "sortAt",
  "updatedAt",
  "orgName",
  "listing",
] as const satisfies ReadonlyArray<keyof StoredSearchFields>;

const communeNames = new Map<string, string>(communes.map((c) => [c.id, c.name]));
const parkNames = new Map<string, string>(industrialParks.map((p) => [p.id, p.name]));

// Places are written in Vietnamese; the English words let "Long Thanh industrial park" or "ward" match too.
function placeText(communeId: string, industrialParkId: string | undefined): string {
  const parts: string[] = [];
  const commune = communeNames.get(communeId);
  if (commune) parts.push(commune, commune.startsWith("Phường") ? "ward" : "commune");
  const park = industrialParkId ? parkNames.get(industrialParkId) : undefined;
  if (park) parts.push(park, park.replace(/^KCN /, "Khu công nghiệp "), "industrial park");
  return parts.join(" ");
}

/**
 * Builds the index document of a published listing. The organisation gives its name (vi and en), sectors and
 * verified badge; a missing organisation (deleted, or not yet readable) leaves them empty.
 * @example toSearchDocument(listing, org).organisation // "Công ty TNHH Vi mạch Long Thành Long Thanh Microchip Co."
 */
export function toSearchDocument(listing: StoredListing, org: Organisation | undefined): SearchDocument {
  const skillIds = [...new Set([...listing.requiredSkills, ...listing.preferredSkills])];
  return {
    id: listing.id,
    title: listing.title.vi,
    titleEn: listing.title.en ?? "",
    description: [listing.description.vi, listing.description.en ?? ""].join(" "),
    skillLabels: skillIds
      .map(findSkill)
      .flatMap((skill) => (skill ? [skill.vi, skill.en] : []))
      .join(" "),
    organisation: org ? [org.name.vi, org.name.en ?? ""].join(" ") : "",
    place: placeText(listing.communeId, listing.industrialParkId),
    type: listing.type,
    orgId: listing.orgId,
    orgVerified: org?.verification === "verified",
    sectors: org ? [...org.sectors] : [],
    skillIds,
    communeId: listing.communeId,
    industrialParkId: listing.industrialParkId ?? null,
    paid: listing.paid === true,
    deadline: listing.deadline,
    sortAt: listing.publishedAt ?? listing.createdAt,
    updatedAt: listing.updatedAt,
    orgName: org?.name.vi ?? "",
    listing,
  };
}
