import * as v from "valibot";
import { listingStatuses, listingTypes, majorIds, workModes } from "../catalog";
import { communeIds, industrialParkIds } from "../places";
import { skillIds } from "../skills";
import {
  IdSchema,
  IntegerSchema,
  IsoDateSchema,
  IsoTimestampSchema,
  LocalizedTextSchema,
  patchEntries,
  TallySchema,
  VersionSchema,
} from "./common";
import { verificationStatuses } from "./organisation";

const SkillIdSchema = v.picklist(skillIds as [string, ...string[]], "Kỹ năng không có trong danh mục");

/** A visit session: a date, a start time, a place and a number of seats. */
export const VisitSessionSchema = v.strictObject({
  id: IdSchema,
  date: IsoDateSchema,
  startTime: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  place: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300)),
  seats: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
});

/**
 * A question the organisation asks every applicant (up to 5 per listing). Answers refer to it by `id`, so an
 * edited wording keeps earlier answers attached.
 */
export const ListingQuestionSchema = v.strictObject({
  id: IdSchema,
  vi: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500)),
  en: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500))),
});
export type ListingQuestion = v.InferOutput<typeof ListingQuestionSchema>;

const listingFields = {
  type: v.picklist(listingTypes),
  title: LocalizedTextSchema(200),
  description: LocalizedTextSchema(8000),
  requiredSkills: v.pipe(v.array(SkillIdSchema), v.maxLength(20)),
  preferredSkills: v.pipe(v.array(SkillIdSchema), v.maxLength(20)),
  majors: v.pipe(v.array(v.picklist(majorIds)), v.maxLength(15)),
  years: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6))), v.maxLength(6)),
  communeId: v.picklist(communeIds),
  industrialParkId: v.optional(v.picklist(industrialParkIds)),
  workMode: v.picklist(workModes),
  deadline: IsoDateSchema,
  positions: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10000))),
  paid: v.optional(v.boolean()),
  stipendVnd: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000_000))),
  durationWeeks: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(104))),
  sessions: v.optional(v.pipe(v.array(VisitSessionSchema), v.maxLength(50))),
  questions: v.optional(
    v.pipe(
      v.array(ListingQuestionSchema),
      v.maxLength(5),
      v.check((qs) => new Set(qs.map((q) => q.id)).size === qs.length, "Mã câu hỏi bị trùng"),
    ),
  ),
};

/** Body of POST /api/listings. New listings start as drafts. */
export const ListingCreateSchema = v.strictObject({ orgId: IdSchema, ...listingFields });
export type ListingCreate = v.InferOutput<typeof ListingCreateSchema>;

/**
 * Body of PATCH /api/listings/:id: changed fields (`null` clears an optional one), an optional status move, and the
 * version the editor saw.
 */
export const ListingPatchSchema = v.strictObject({
  ...patchEntries(listingFields),
  status: v.optional(v.picklist(listingStatuses)),
  version: VersionSchema,
});
export type ListingPatch = v.InferOutput<typeof ListingPatchSchema>;

export const ListingSchema = v.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: v.string(),
  orgVerified: v.boolean(),
  /**
   * Set only when the organisation is not verified (its members, admins and province officers see the listing
   * then; the public does not): why it is not public, e.g. "suspended" with the province's reason.
   */
  orgStanding: v.optional(
    v.object({
      verification: v.picklist(verificationStatuses),
      reason: v.optional(v.pipe(v.string(), v.maxLength(1000))),
    }),
  ),
  ...listingFields,
  status: v.picklist(listingStatuses),
  createdAt: IsoTimestampSchema,
  updatedAt: IsoTimestampSchema,
  publishedAt: v.optional(IsoTimestampSchema),
  /** Positions held by offers and acceptances (see pipeline `holdsPosition`); set by applications, never edited. */
  reservedCount: v.optional(TallySchema),
  acceptedCount: v.optional(TallySchema),
  version: VersionSchema,
  /**
   * Labels of the required and preferred skills by id, so a card shows them without downloading the taxonomy.
   * Added to every listing the API returns; never part of a request body.
   */
  skillLabels: v.record(v.string(), v.object({ vi: v.string(), en: v.string() })),
  /** Seats already taken per visit session id (GET of one visit listing), so cards can say how many are left. */
  seatsTaken: v.optional(v.record(v.string(), IntegerSchema(0, 1000))),
});
export type Listing = v.InferOutput<typeof ListingSchema>;

/** Query of GET /api/listings: published listings, newest first, optionally of one type or organisation. */
export const ListingListQuerySchema = v.strictObject({
  type: v.optional(v.picklist(listingTypes)),
  orgId: v.optional(IdSchema),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(100)),
    "20",
  ),
});

export const ListingPageSchema = v.object({
  items: v.array(ListingSchema),
  cursor: v.nullable(v.string()),
});
export type ListingPage = v.InferOutput<typeof ListingPageSchema>;
