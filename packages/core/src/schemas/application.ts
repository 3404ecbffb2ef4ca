import * as v from "valibot";
import { majorIds } from "../catalog";
import { applicationStatuses, pipelineActors } from "../pipeline";
import { BoundedNumberSchema, IdSchema, IntegerSchema, IsoTimestampSchema, VersionSchema } from "./common";
import type { ListingQuestion } from "./listing";
import { OfferTermsSchema } from "./offer";

const LongText = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2000));
const ReasonSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(1000));
const rejectionNeedsReason = "Cần nêu lý do từ chối để sinh viên biết";
/**
 * Every offer carries its terms and a reply-by day (as on Handshake and TopCV): without one an offer would hold a
 * position forever, since only the reply-by day lets it expire. Terms go with `offered` and nothing else.
 */
const offerNeedsTerms = "Lời mời nhận cần kèm điều kiện và hạn trả lời.";

/** An answer to one of the listing's questions. */
export const ApplicationAnswerSchema = v.strictObject({ questionId: IdSchema, text: LongText });
export type ApplicationAnswer = v.InferOutput<typeof ApplicationAnswerSchema>;

/** Body of POST /api/listings/:id/applications: an optional note and one answer per listing question. */
export const ApplicationCreateSchema = v.strictObject({
  note: v.optional(LongText),
  answers: v.optional(v.pipe(v.array(ApplicationAnswerSchema), v.maxLength(5)), []),
  /** One of the student's ready CV files to attach (GET /api/files/cv). */
  cvFileId: v.optional(IdSchema),
});
export type ApplicationCreate = v.InferOutput<typeof ApplicationCreateSchema>;

/**
 * Problems with a set of answers against the listing's questions, in the `validation_failed` details shape:
 * every question answered exactly once, no answer to a question the listing does not ask.
 * @example answerIssues([{ id: "q1", vi: "Vì sao?" }], []) // [{ path: "answers", message: "…q1" }]
 */
export function answerIssues(
  questions: readonly ListingQuestion[],
  answers: readonly ApplicationAnswer[],
): { path: string; message: string }[] {
  const asked = new Set(questions.map((q) => q.id));
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    if (!asked.has(answer.questionId)) {
      issues.push({ path: `answers.${index}.questionId`, message: "Tin này không có câu hỏi này" });
    } else if (seen.has(answer.questionId)) {
      issues.push({ path: `answers.${index}.questionId`, message: "Câu hỏi đã được trả lời" });
    }
    seen.add(answer.questionId);
  });
  for (const question of questions) {
    if (!seen.has(question.id)) issues.push({ path: "answers", message: `Chưa trả lời câu hỏi ${question.id}` });
  }
  return issues;
}

/** Body of POST /api/applications/:id/transitions: the target status and the version the caller saw. */
export const ApplicationTransitionSchema = v.pipe(
  v.strictObject({
    to: v.picklist(applicationStatuses),
    reason: v.optional(ReasonSchema),
    /** Required with `offered` (the same terms as POST …/offer), refused with any other move. */
    terms: v.optional(OfferTermsSchema),
    version: VersionSchema,
  }),
  v.forward(
    v.check((t) => t.to !== "rejected" || t.reason !== undefined, rejectionNeedsReason),
    ["reason"],
  ),
  v.forward(
    v.check((t) => (t.to === "offered") === (t.terms !== undefined), offerNeedsTerms),
    ["terms"],
  ),
);
export type ApplicationTransition = v.InferOutput<typeof ApplicationTransitionSchema>;

/**
 * Body of POST /api/listings/:id/applications/bulk: one move for several applicants of the listing. Each is
 * moved from the status it has when the request runs, so no versions are sent.
 */
export const ApplicationBulkTransitionSchema = v.pipe(
  v.strictObject({
    applicationIds: v.pipe(
      v.array(IdSchema),
      v.minLength(1),
      v.maxLength(50),
      v.check((ids) => new Set(ids).size === ids.length, "Danh sách hồ sơ bị trùng"),
    ),
    to: v.picklist(applicationStatuses),
    reason: v.optional(ReasonSchema),
    /** With `offered`: one set of terms for every selected applicant (each gets their own offer). */
    terms: v.optional(OfferTermsSchema),
  }),
  v.forward(
    v.check((t) => t.to !== "rejected" || t.reason !== undefined, rejectionNeedsReason),
    ["reason"],
  ),
  v.forward(
    v.check((t) => (t.to === "offered") === (t.terms !== undefined), offerNeedsTerms),
    ["terms"],
  ),
);
export type ApplicationBulkTransition = v.InferOutput<typeof ApplicationBulkTransitionSchema>;

/** Query of GET /api/listings/:id/applications: optionally one pipeline column. */
export const ApplicationBoardQuerySchema = v.strictObject({ status: v.optional(v.picklist(applicationStatuses)) });

/** One step of an application's timeline. */
export const ApplicationStepSchema = v.object({
  status: v.picklist(applicationStatuses),
  at: IsoTimestampSchema,
  by: v.picklist(pipelineActors),
  reason: v.optional(v.string()),
});
export type ApplicationStep = v.InferOutput<typeof ApplicationStepSchema>;

/**
 * The applicant as the organisation sees them. Without the student's `shareWithAppliedOrgs` consent only the
 * pseudonymous label, major, year and skills are shown; `contact` appears only with it.
 */
export const ApplicantSchema = v.object({
  label: v.string(),
  major: v.optional(v.picklist(majorIds)),
  year: v.optional(IntegerSchema(1, 6)),
  skills: v.array(v.object({ id: v.string(), level: IntegerSchema(1, 5) })),
  identified: v.boolean(),
  contact: v.optional(v.object({ fullName: v.string(), email: v.string(), cvUrl: v.optional(v.string()) })),
});
export type Applicant = v.InferOutput<typeof ApplicantSchema>;

/** An application with its timeline. `applicant` is set only in the organisation's view. */
export const ApplicationSchema = v.object({
  id: IdSchema,
  listingId: IdSchema,
  orgId: IdSchema,
  listingTitle: v.object({ vi: v.string(), en: v.optional(v.string()) }),
  orgName: v.string(),
  status: v.picklist(applicationStatuses),
  note: v.optional(v.string()),
  answers: v.array(v.object({ questionId: v.string(), text: v.string() })),
  history: v.array(ApplicationStepSchema),
  rejectionReason: v.optional(v.string()),
  /** Volunteer roles only: hours the student served, recorded by the organisation after acceptance. */
  hoursServed: v.optional(BoundedNumberSchema(0, 1000)),
  /** The CV file attached when applying (its name as the student gave it); downloaded via /api/files. */
  cv: v.optional(v.object({ fileId: IdSchema, name: v.string() })),
  applicant: v.optional(ApplicantSchema),
  createdAt: IsoTimestampSchema,
  updatedAt: IsoTimestampSchema,
  version: VersionSchema,
});
export type Application = v.InferOutput<typeof ApplicationSchema>;

export const ApplicationListSchema = v.object({ items: v.array(ApplicationSchema) });

/** The outcome of a bulk move, one entry per requested application, in request order. */
export const BulkTransitionResultSchema = v.object({
  results: v.array(
    v.variant("ok", [
      v.object({
        id: v.string(),
        ok: v.literal(true),
        status: v.picklist(applicationStatuses),
        version: VersionSchema,
      }),
      v.object({ id: v.string(), ok: v.literal(false), error: v.object({ code: v.string(), message: v.string() }) }),
    ]),
  ),
});
export type BulkTransitionResult = v.InferOutput<typeof BulkTransitionResultSchema>;

/**
 * Body of POST /api/applications/:id/hours: the total hours an accepted volunteer served (a commune's community
 * digital technology team records them), in half-hour steps, with the version last read.
 */
export const VolunteerHoursSchema = v.strictObject({
  hours: v.pipe(v.number(), v.minValue(0.5), v.maxValue(1000), v.multipleOf(0.5, "Số giờ tính theo nửa giờ")),
  version: VersionSchema,
});
export type VolunteerHours = v.InferOutput<typeof VolunteerHoursSchema>;
