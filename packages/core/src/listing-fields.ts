import type { ListingType } from "./catalog";

/** The type-specific parts of a listing; every type uses the common fields (title, skills, place, deadline…). */
export interface TypeFieldUse {
  /** `positions`: seats to fill (an event's places). */
  positions: boolean;
  /** `paid` and `stipendVnd` (an internship's allowance, a job's salary). */
  pay: boolean;
  /** `durationWeeks`. */
  duration: boolean;
  /** `sessions` (a visit's dates, times and seats). */
  sessions: boolean;
}

/**
 * Which type-specific fields each listing type uses, once for the API and the web form. The API drops the others
 * from a create or an edit (and clears them when an edit changes the type), so a stored listing never carries a
 * field its type does not show; the form hides them and does not send them.
 */
export const typeFields: Record<ListingType, TypeFieldUse> = {
  internship: { positions: true, pay: true, duration: true, sessions: false },
  job: { positions: true, pay: true, duration: false, sessions: false },
  visit: { positions: false, pay: false, duration: false, sessions: true },
  training: { positions: true, pay: false, duration: true, sessions: false },
  event: { positions: true, pay: false, duration: false, sessions: false },
  volunteer: { positions: true, pay: false, duration: true, sessions: false },
};

const fieldsOfUse = {
  positions: ["positions"],
  pay: ["paid", "stipendVnd"],
  duration: ["durationWeeks"],
  sessions: ["sessions"],
} as const satisfies Record<keyof TypeFieldUse, readonly string[]>;

/** A type-specific listing field. */
export type TypeSpecificField = (typeof fieldsOfUse)[keyof TypeFieldUse][number];

/**
 * The type-specific fields a listing type does not use.
 * @example unusedFields("visit") // ["positions", "paid", "stipendVnd", "durationWeeks"]
 */
export function unusedFields(type: ListingType): TypeSpecificField[] {
  return (Object.keys(fieldsOfUse) as (keyof TypeFieldUse)[])
    .filter((use) => !typeFields[type][use])
    .flatMap((use) => fieldsOfUse[use]);
}

/**
 * A listing (create body) without the fields its type does not use.
 * @example onlyTypeFields({ type: "visit", positions: 3, … }) // { type: "visit", … }
 */
export function onlyTypeFields<T extends { type: ListingType }>(listing: T): T {
  const drop = new Set<string>(unusedFields(listing.type));
  return Object.fromEntries(Object.entries(listing).filter(([key]) => !drop.has(key))) as T;
}

/**
 * An edit without the fields the listing's type (after the edit) does not use, and `null` (clear) for each such
 * field the stored listing still has (after a change of type, or stored before these rules).
 * @example typeFieldsPatch({ type: "visit" }, { type: "internship", positions: 3 }) // { type: "visit", positions: null }
 */
export function typeFieldsPatch<P extends { type?: ListingType | null | undefined }>(
  patch: P,
  stored: { type: ListingType } & Partial<Record<TypeSpecificField, unknown>>,
): P {
  const type = patch.type ?? stored.type;
  const unused = unusedFields(type);
  const kept = Object.fromEntries(Object.entries(patch).filter(([key]) => !(unused as string[]).includes(key)));
  const cleared = unused.filter((field) => stored[field] !== undefined).map((field) => [field, null]);
  return { ...kept, ...Object.fromEntries(cleared) } as P;
}
