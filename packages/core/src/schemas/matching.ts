import * as v from "valibot";
import { majorIds } from "../catalog";
import { matchComponents } from "../matching/weights";
import { placementGuarantees } from "../placement/guarantees";
import { BoundedNumberSchema, IdSchema, IntegerSchema, IsoTimestampSchema, TallySchema } from "./common";
import { ListingSchema } from "./listing";

const LocalizedSchema = v.object({ vi: v.string(), en: v.string() });

/** A `limit` query parameter: text in the URL, a number from 1 to `max` once validated. */
const limitQuery = (max: number, fallback: string) =>
  v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(max)), fallback);

/** Query of GET /api/recommendations and GET /api/listings/{id}/candidates. */
export const MatchListQuerySchema = v.strictObject({ limit: limitQuery(50, "20") });

export const ComponentScoreSchema = v.object({
  component: v.picklist(matchComponents as [string, ...string[]]),
  points: BoundedNumberSchema(0, 100),
  max: BoundedNumberSchema(0, 100),
  explanation: LocalizedSchema,
});

export const LearningSuggestionSchema = v.object({
  skillId: v.string(),
  for: v.picklist(["required", "preferred"]),
  kind: v.picklist(["missing", "related_only", "below_level"]),
  gain: BoundedNumberSchema(0, 100),
  vi: v.string(),
  en: v.string(),
});

/** The explained fit shared by both directions: 0–100 score, its components, sentences and what to learn. */
const matchFields = {
  score: BoundedNumberSchema(0, 100),
  components: v.array(ComponentScoreSchema),
  explanation: LocalizedSchema,
  whatToLearn: v.array(LearningSuggestionSchema),
};

/** One listing recommended to a student. `damping` < 1 when the listing is already over-applied. */
export const RecommendationSchema = v.object({
  listing: ListingSchema,
  ...matchFields,
  damping: BoundedNumberSchema(0, 1),
});
export type Recommendation = v.InferOutput<typeof RecommendationSchema>;

export const RecommendationListSchema = v.object({ items: v.array(RecommendationSchema) });
export type RecommendationList = v.InferOutput<typeof RecommendationListSchema>;

/**
 * A student suggested to a recruiter, without name or e-mail: `candidateId` is a pseudonym valid for this listing
 * only (it cannot link the student across listings); the identity is revealed only if the student applies.
 */
export const CandidateSchema = v.object({
  candidateId: v.string(),
  label: v.string(),
  major: v.picklist(majorIds),
  year: IntegerSchema(1, 6),
  skills: v.array(v.object({ id: v.string(), level: IntegerSchema(1, 5) })),
  ...matchFields,
  invited: v.boolean(),
});
export type Candidate = v.InferOutput<typeof CandidateSchema>;

export const CandidateListSchema = v.object({ items: v.array(CandidateSchema) });
export type CandidateList = v.InferOutput<typeof CandidateListSchema>;

/** Body of POST /api/listings/{id}/invite: a `candidateId` from the listing's candidate list. */
export const CandidateInviteSchema = v.strictObject({
  candidateId: v.pipe(v.string(), v.regex(/^[a-f0-9]{32}$/, "Mã ứng viên không hợp lệ")),
});
export type CandidateInvite = v.InferOutput<typeof CandidateInviteSchema>;

export const CandidateInviteResultSchema = v.object({
  /** `already_invited` when this student was invited to this listing before: nothing is sent twice. */
  status: v.picklist(["invited", "already_invited"]),
  invitedAt: IsoTimestampSchema,
});
export type CandidateInviteResult = v.InferOutput<typeof CandidateInviteResultSchema>;

// ——— Placement rounds ———

const roundFields = {
  title: v.pipe(v.string(), v.trim(), v.minLength(3), v.maxLength(200)),
  listings: v.pipe(
    v.array(v.strictObject({ listingId: IdSchema, capacity: IntegerSchema(1, 10_000) })),
    v.minLength(1),
    v.maxLength(200),
    v.check((items) => new Set(items.map((l) => l.listingId)).size === items.length, "Mỗi tin chỉ được thêm một lần"),
  ),
  preferencesDeadline: IsoTimestampSchema,
};

/**
 * Body of POST /api/placement-rounds: a university's round for its own students (`universityId`, its staff), or a
 * province-wide round across the chosen universities (`universityIds`, a province officer).
 */
export const PlacementRoundCreateSchema = v.union([
  v.strictObject({
    /** The university (or institute) whose students take part; the caller must be its staff. */
    universityId: IdSchema,
    ...roundFields,
  }),
  v.strictObject({
    /** The universities whose students (with a profile) take part. */
    universityIds: v.pipe(
      v.array(IdSchema),
      v.minLength(1),
      v.maxLength(50),
      v.check((ids) => new Set(ids).size === ids.length, "Mỗi trường chỉ được chọn một lần"),
    ),
    ...roundFields,
  }),
]);
export type PlacementRoundCreate = v.InferOutput<typeof PlacementRoundCreateSchema>;

/**
 * Body of POST /api/placement-rounds/{id}/run (optional): before the ranking deadline the run waits, unless the
 * owner confirms running early (students still ranking lose their chance).
 */
export const PlacementRunSchema = v.optional(v.strictObject({ confirmEarly: v.optional(v.boolean()) }), {});
export type PlacementRun = v.InferOutput<typeof PlacementRunSchema>;

/** Body of PUT /api/placement-rounds/{id}/preferences: the caller's choices, best first. */
export const PlacementPreferencesSchema = v.strictObject({
  choices: v.pipe(
    v.array(IdSchema),
    v.maxLength(20),
    v.check((ids) => new Set(ids).size === ids.length, "Mỗi tin chỉ được chọn một lần"),
  ),
});
export type PlacementPreferences = v.InferOutput<typeof PlacementPreferencesSchema>;

const RoundListingSchema = v.object({
  listingId: v.string(),
  capacity: IntegerSchema(1, 10_000),
  title: v.object({ vi: v.string(), en: v.optional(v.string()) }),
  orgName: v.string(),
});

/** Path of a listing's ranking in a round. */
export const RoundListingParamSchema = v.strictObject({ id: IdSchema, listingId: IdSchema });

/** Body of PUT /api/placement-rounds/{id}/listings/{listingId}/ranking: candidate ids, best first. */
export const PlacementRankingEditSchema = v.strictObject({
  order: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, "Mã ứng viên không hợp lệ"))),
    v.maxLength(5000),
    v.check((ids) => new Set(ids).size === ids.length, "Mỗi ứng viên chỉ được xếp một lần"),
  ),
});
export type PlacementRankingEdit = v.InferOutput<typeof PlacementRankingEditSchema>;

/** The students who chose a listing in a round, as its organisation ranks them (pseudonymous, best first). */
export const PlacementRankingSchema = v.object({
  listingId: v.string(),
  /** Whether the organisation has edited the automatic order. */
  edited: v.boolean(),
  /** Whether the order can still change (the round has not run). */
  editable: v.boolean(),
  items: v.array(
    v.object({ candidateId: v.string(), label: v.string(), score: BoundedNumberSchema(-1_000_000, 1_000_000) }),
  ),
});
export type PlacementRanking = v.InferOutput<typeof PlacementRankingSchema>;

/** Body of POST /api/placement-rounds/{id}/response: the assigned student's answer to their seat, given once. */
export const PlacementResponseSchema = v.strictObject({ decision: v.picklist(["confirmed", "declined"]) });
export type PlacementResponse = v.InferOutput<typeof PlacementResponseSchema>;

/** An assignment's answer, once the student gave it. */
const AssignmentResponseSchema = v.object({ decision: v.picklist(["confirmed", "declined"]), at: IsoTimestampSchema });

const AssignmentSchema = v.object({
  studentId: v.string(),
  listingId: v.string(),
  choice: IntegerSchema(1, 1000),
  response: v.optional(AssignmentResponseSchema),
});

const GuaranteesSchema = v.object({
  vi: v.object({ title: v.string(), points: v.array(v.string()) }),
  en: v.object({ title: v.string(), points: v.array(v.string()) }),
});

/** A placement round as its owner, or one of its students, sees it. */
export const PlacementRoundSchema = v.object({
  id: v.string(),
  /** The school that owns the round, or "province" for a province-wide round. */
  universityId: v.string(),
  /** A province-wide round: the universities whose students take part. */
  universityIds: v.optional(v.array(v.string())),
  title: v.string(),
  status: v.picklist(["open", "placed"]),
  preferencesDeadline: IsoTimestampSchema,
  listings: v.array(RoundListingSchema),
  createdAt: IsoTimestampSchema,
  /** Staff of the university: every assignment, the unassigned students and the audit record. */
  result: v.optional(
    v.object({
      runAt: IsoTimestampSchema,
      assignments: v.array(AssignmentSchema),
      unassigned: v.array(v.string()),
      audit: v.object({
        algorithm: v.string(),
        engineVersion: v.string(),
        inputsHash: v.string(),
        resultHash: v.string(),
        seed: v.string(),
        tieBreakRule: v.string(),
        counts: v.record(v.string(), TallySchema),
      }),
      stable: v.boolean(),
      /** Seats their students turned down, each offered onwards by a re-offer (POST …/reoffer). */
      declined: v.optional(v.array(AssignmentSchema)),
      /** The students' names by id, for the round's owner (its school's staff, or the province) only. */
      names: v.optional(v.record(v.string(), v.string())),
    }),
  ),
  /** A student: their own choices, their own outcome once placed, and what the round guarantees. */
  mine: v.optional(
    v.object({
      choices: v.array(v.string()),
      outcome: v.optional(v.picklist(["assigned", "unassigned"])),
      assignment: v.optional(AssignmentSchema),
    }),
  ),
  guarantees: GuaranteesSchema,
});
export type PlacementRoundView = v.InferOutput<typeof PlacementRoundSchema>;

export const PlacementRoundListSchema = v.object({ items: v.array(PlacementRoundSchema) });

/**
 * A round as one of the organisations whose listings are in it sees it (GET /api/organisations/{id}/placement-rounds):
 * only that organisation's listings, each with how many students chose it and whether the organisation edited
 * its ranking. No student is named.
 */
export const OrgPlacementRoundSchema = v.object({
  id: v.string(),
  title: v.string(),
  status: v.picklist(["open", "placed"]),
  preferencesDeadline: IsoTimestampSchema,
  listings: v.array(
    v.object({
      listingId: v.string(),
      title: v.object({ vi: v.string(), en: v.optional(v.string()) }),
      capacity: IntegerSchema(1, 10_000),
      /** Students who put the listing among their choices. */
      applicants: TallySchema,
      /** Whether the organisation saved its own order of the applicants (else the automatic one is used). */
      edited: v.boolean(),
    }),
  ),
});
export type OrgPlacementRound = v.InferOutput<typeof OrgPlacementRoundSchema>;

export const OrgPlacementRoundListSchema = v.object({ items: v.array(OrgPlacementRoundSchema) });

/** The text of `placementGuarantees`, in the shape the API sends. */
export const placementGuaranteesText = {
  vi: { title: placementGuarantees.vi.title, points: [...placementGuarantees.vi.points] },
  en: { title: placementGuarantees.en.title, points: [...placementGuarantees.en.points] },
};
