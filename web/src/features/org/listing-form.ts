import type { Listing, ListingPatch, ListingType } from "@ketnoi/core";
import { typeFields } from "@ketnoi/core/listing-fields";
import { skillLabelsOf } from "@ketnoi/core/skills";

/** One visit session as typed in the form: every value a string until it is checked. */
export interface SessionDraft {
  id: string;
  date: string;
  startTime: string;
  place: string;
  seats: string;
}

/** One question to applicants, in Vietnamese and (optionally) English. */
export interface QuestionDraft {
  id: string;
  vi: string;
  en: string;
}

/** The listing form's state: what the inputs hold, before conversion to the API's shape. */
export interface ListingDraft {
  type: ListingType;
  titleVi: string;
  titleEn: string;
  descriptionVi: string;
  descriptionEn: string;
  requiredSkills: string[];
  preferredSkills: string[];
  majors: string[];
  years: string[];
  communeId: string;
  industrialParkId: string;
  workMode: string;
  deadline: string;
  positions: string;
  /** "" when not said, "yes" or "no". */
  paid: string;
  stipendVnd: string;
  durationWeeks: string;
  sessions: SessionDraft[];
  questions: QuestionDraft[];
}

/** A fresh id for a session or question row: the schema's id format, unique enough within one listing. */
export function newRowId(prefix: "s" | "q"): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

export function emptySession(): SessionDraft {
  return { id: newRowId("s"), date: "", startTime: "", place: "", seats: "" };
}

export function emptyQuestion(): QuestionDraft {
  return { id: newRowId("q"), vi: "", en: "" };
}

export function emptyListingDraft(): ListingDraft {
  return {
    type: "internship",
    titleVi: "",
    titleEn: "",
    descriptionVi: "",
    descriptionEn: "",
    requiredSkills: [],
    preferredSkills: [],
    majors: [],
    years: [],
    communeId: "",
    industrialParkId: "",
    workMode: "onsite",
    deadline: "",
    positions: "",
    paid: "",
    stipendVnd: "",
    durationWeeks: "",
    sessions: [],
    questions: [],
  };
}

const text = (value: string | undefined) => value ?? "";
const numberText = (value: number | undefined) => (value === undefined ? "" : String(value));

/** The form state for editing an existing listing. */
export function draftFromListing(listing: Listing): ListingDraft {
  return {
    type: listing.type,
    titleVi: listing.title.vi,
    titleEn: text(listing.title.en),
    descriptionVi: listing.description.vi,
    descriptionEn: text(listing.description.en),
    requiredSkills: [...listing.requiredSkills],
    preferredSkills: [...listing.preferredSkills],
    majors: [...listing.majors],
    years: listing.years.map(String),
    communeId: listing.communeId,
    industrialParkId: text(listing.industrialParkId),
    workMode: listing.workMode,
    deadline: listing.deadline,
    positions: numberText(listing.positions),
    paid: listing.paid === undefined ? "" : listing.paid ? "yes" : "no",
    stipendVnd: numberText(listing.stipendVnd),
    durationWeeks: numberText(listing.durationWeeks),
    sessions: (listing.sessions ?? []).map((s) => ({ ...s, seats: String(s.seats) })),
    questions: (listing.questions ?? []).map((q) => ({ id: q.id, vi: q.vi, en: text(q.en) })),
  };
}

const optionalText = (value: string) => (value.trim() === "" ? undefined : value);

/** "" means "not given"; anything else becomes a number (NaN when it is not one, which the schema reports). */
const optionalNumber = (value: string) => (value.trim() === "" ? undefined : Number(value));

/** Bilingual text: English only when typed. */
const localized = (vi: string, en: string) => ({ vi, ...(en.trim() ? { en } : {}) });

/**
 * The listing fields as the API takes them (before validation): hidden type-specific fields are left out, empty
 * optional inputs are absent, numbers are numbers. Field paths match the form's field names.
 */
export function listingFieldsFromDraft(draft: ListingDraft): Record<string, unknown> {
  const uses = typeFields[draft.type];
  const paid = draft.paid === "" ? undefined : draft.paid === "yes";
  const fields: Record<string, unknown> = {
    type: draft.type,
    title: localized(draft.titleVi, draft.titleEn),
    description: localized(draft.descriptionVi, draft.descriptionEn),
    requiredSkills: draft.requiredSkills,
    preferredSkills: draft.preferredSkills,
    majors: draft.majors,
    years: draft.years.map(Number).sort((a, b) => a - b),
    communeId: draft.communeId,
    industrialParkId: optionalText(draft.industrialParkId),
    workMode: draft.workMode,
    deadline: draft.deadline,
    positions: uses.positions ? optionalNumber(draft.positions) : undefined,
    paid: uses.pay ? paid : undefined,
    stipendVnd: uses.pay && paid ? optionalNumber(draft.stipendVnd) : undefined,
    durationWeeks: uses.duration ? optionalNumber(draft.durationWeeks) : undefined,
    sessions: uses.sessions
      ? draft.sessions.map((s) => ({ ...s, seats: s.seats.trim() === "" ? undefined : Number(s.seats) }))
      : undefined,
    questions: draft.questions.map((q) => ({ id: q.id, ...localized(q.vi, q.en) })),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** The listing's optional fields, which an edit clears by sending `null`. */
const clearableFields = [
  "industrialParkId",
  "positions",
  "paid",
  "stipendVnd",
  "durationWeeks",
  "sessions",
  "questions",
] as const satisfies readonly (keyof ListingPatch & keyof Listing)[];

/**
 * The fields of an edit: as `listingFieldsFromDraft`, plus `null` for each optional field the listing has and the
 * form now leaves out (emptied, or hidden by a type change), so the API removes it instead of keeping it.
 */
export function listingEditFields(draft: ListingDraft, listing: Listing): Record<string, unknown> {
  const fields = listingFieldsFromDraft(draft);
  const cleared = clearableFields.filter((key) => listing[key] !== undefined && !(key in fields));
  return { ...fields, ...Object.fromEntries(cleared.map((key) => [key, null])) };
}

/**
 * A listing for the preview, built from whatever the form holds (even if not valid yet), so the author sees the
 * page a student will see.
 */
export function previewListing(draft: ListingDraft, org: { id: string; name: string; verified: boolean }): Listing {
  const fields = listingFieldsFromDraft(draft) as Partial<Listing>;
  const now = new Date().toISOString();
  return {
    ...fields,
    id: "preview",
    orgId: org.id,
    orgName: org.name,
    orgVerified: org.verified,
    type: draft.type,
    title: { vi: draft.titleVi || "…", ...(draft.titleEn ? { en: draft.titleEn } : {}) },
    description: { vi: draft.descriptionVi || "…", ...(draft.descriptionEn ? { en: draft.descriptionEn } : {}) },
    requiredSkills: draft.requiredSkills,
    preferredSkills: draft.preferredSkills,
    // The editor has the taxonomy already (for its skill picker); the API adds these labels to real listings.
    skillLabels: skillLabelsOf([...draft.requiredSkills, ...draft.preferredSkills]),
    majors: draft.majors as Listing["majors"],
    years: draft.years.map(Number),
    communeId: (draft.communeId || "p-bien-hoa") as Listing["communeId"],
    workMode: (draft.workMode || "onsite") as Listing["workMode"],
    deadline: draft.deadline || now.slice(0, 10),
    positions: Number.isFinite(fields.positions) ? fields.positions : undefined,
    stipendVnd: Number.isFinite(fields.stipendVnd) ? fields.stipendVnd : undefined,
    durationWeeks: Number.isFinite(fields.durationWeeks) ? fields.durationWeeks : undefined,
    sessions: (fields.sessions ?? []).filter((s) => s.date && s.startTime && Number.isFinite(s.seats)),
    status: "draft",
    createdAt: now,
    updatedAt: now,
    version: 1,
  } as Listing;
}
