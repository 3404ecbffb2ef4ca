import type { SearchCriteria, SearchSort } from "@ketnoi/core";
import type { StoredSearchFields } from "./document";

/** A hit before the listing is read back: its id, score and the index's stored fields. */
export interface IndexHit {
  id: string;
  score: number;
  fields: StoredSearchFields;
}

/** The cursor given back is not one this index wrote (tampered, truncated, or from another sort). */
export class InvalidCursorError extends Error {
  constructor() {
    super("Con trỏ phân trang không hợp lệ.");
    this.name = "InvalidCursorError";
  }
}

/**
 * Whether a listing's stored fields pass the criteria's filters (not the text). A deadline is open through its
 * own day; `deadlineAhead` is on unless explicitly false.
 * @example passesFilters(fields, { paid: true, deadlineAhead: true, verifiedOnly: false }, "2026-01-01")
 */
export function passesFilters(fields: StoredSearchFields, criteria: SearchCriteria, today: string): boolean {
  const { type, sector, skill, commune, industrialPark, paid, deadlineAhead, verifiedOnly } = criteria;
  if (type && fields.type !== type) return false;
  if (sector && !fields.sectors.includes(sector)) return false;
  if (skill && !fields.skillIds.includes(skill)) return false;
  if (commune && fields.communeId !== commune) return false;
  if (industrialPark && fields.industrialParkId !== industrialPark) return false;
  if (paid !== undefined && fields.paid !== paid) return false;
  if (deadlineAhead !== false && fields.deadline < today) return false;
  if (verifiedOnly && !fields.orgVerified) return false;
  return true;
}

/** The order a request asks for: relevance when there is text, newest first otherwise. */
export function effectiveSort(criteria: SearchCriteria, hasTerms: boolean): SearchSort {
  return criteria.sort ?? (hasTerms ? "relevance" : "newest");
}

type SortKey = Array<string | number>;

// Every order ends on the id, so it is total: a keyset cursor then neither repeats nor skips a hit.
const sortKeys: Record<SearchSort, { key: (hit: IndexHit) => SortKey; directions: Array<1 | -1> }> = {
  relevance: { key: (h) => [h.score, h.fields.sortAt, h.id], directions: [-1, -1, 1] },
  newest: { key: (h) => [h.fields.sortAt, h.id], directions: [-1, 1] },
  deadline: { key: (h) => [h.fields.deadline, h.id], directions: [1, 1] },
};

function compareKeys(a: SortKey, b: SortKey, directions: Array<1 | -1>): number {
  for (let i = 0; i < directions.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return (x < y ? -1 : 1) * directions[i]!;
  }
  return 0;
}

/** Sorts hits in place in the given order. */
export function sortHits(hits: IndexHit[], sort: SearchSort): IndexHit[] {
  const { key, directions } = sortKeys[sort];
  return hits.sort((a, b) => compareKeys(key(a), key(b), directions));
}

/** The opaque cursor of a position in the given order. */
export function encodeCursor(sort: SearchSort, key: SortKey): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key })).toString("base64url");
}

/** The position a cursor names (throws InvalidCursorError for one this index did not write). */
export function decodeCursor(cursor: string, sort: SearchSort): SortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError();
  }
  const { s, k } = (parsed ?? {}) as { s?: unknown; k?: unknown };
  const expected = sortKeys[sort].directions.length;
  const valid =
    s === sort &&
    Array.isArray(k) &&
    k.length === expected &&
    k.every((part) => typeof part === "string" || (typeof part === "number" && Number.isFinite(part)));
  if (!valid) throw new InvalidCursorError();
  return k as SortKey;
}

/**
 * One page of sorted hits after the cursor's position (a keyset, not an offset: hits added or removed before
 * the cursor do not shift the next page). The cursor is opaque to clients.
 */
export function pageOf(
  sorted: IndexHit[],
  sort: SearchSort,
  limit: number,
  cursor: string | undefined,
): { hits: IndexHit[]; cursor: string | null } {
  const { key, directions } = sortKeys[sort];
  let start = 0;
  if (cursor) {
    const after = decodeCursor(cursor, sort);
    start = sorted.findIndex((hit) => compareKeys(key(hit), after, directions) > 0);
    if (start === -1) start = sorted.length;
  }
  const hits = sorted.slice(start, start + limit);
  const last = hits.at(-1);
  const more = start + limit < sorted.length;
  return { hits, cursor: more && last ? encodeCursor(sort, key(last)) : null };
}
