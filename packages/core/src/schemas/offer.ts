import * as v from "valibot";
import { todayInVietnam } from "../time";
import { IdSchema, IntegerSchema, IsoDateSchema, IsoTimestampSchema, VersionSchema } from "./common";

/** How an offer pays: a monthly wage or allowance, one total for the whole period, or unpaid training. */
export const offerPayKinds = ["monthly", "total", "unpaid"] as const;
export type OfferPayKind = (typeof offerPayKinds)[number];

/** The largest amount an offer may name (VND): far above any internship or first-job pay, far below 2^53. */
export const maxOfferVnd = 1_000_000_000;

/** Where an offer stands. Only `open` can move: the student accepts or declines, the member withdraws, or it expires. */
export const offerStatuses = ["open", "accepted", "declined", "withdrawn", "expired"] as const;
export type OfferStatus = (typeof offerStatuses)[number];

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/** The terms a member enters with an offer. */
export const OfferTermsSchema = v.pipe(
  v.strictObject({
    payKind: v.picklist(offerPayKinds),
    /** VND; required unless unpaid. */
    payVnd: v.optional(IntegerSchema(1_000, maxOfferVnd)),
    startDate: IsoDateSchema,
    /** The last Vietnamese calendar day the student may answer (inclusive). */
    replyBy: IsoDateSchema,
    place: v.optional(Text(300)),
    note: v.optional(Text(1000)),
  }),
  v.forward(
    v.check(
      (t) => (t.payKind === "unpaid") === (t.payVnd === undefined),
      "Nhập mức chi trả (VND), trừ khi không trả lương.",
    ),
    ["payVnd"],
  ),
  // Both dates are read against today in Vietnam when the body is validated (the web form does the same).
  v.forward(
    v.check((t) => t.replyBy >= todayInVietnam(new Date()), "Hạn trả lời phải từ hôm nay trở đi."),
    ["replyBy"],
  ),
  v.forward(
    v.check((t) => t.startDate >= t.replyBy, "Ngày bắt đầu phải sau hạn trả lời."),
    ["startDate"],
  ),
);
export type OfferTerms = v.InferOutput<typeof OfferTermsSchema>;

/** Body of POST /api/applications/:id/offer: the terms and the application version last read. */
export const OfferCreateSchema = v.strictObject({ terms: OfferTermsSchema, version: VersionSchema });

/** Body of accept: the application version the student saw (the terms they confirmed belong to it). */
export const OfferAcceptSchema = v.strictObject({ version: VersionSchema });
/** Body of decline: an optional reason. */
export const OfferDeclineSchema = v.strictObject({ reason: v.optional(Text(1000)), version: VersionSchema });
/** Body of withdraw (member): a required reason the student reads. */
export const OfferWithdrawSchema = v.strictObject({ reason: Text(1000), version: VersionSchema });

/** An offer as both sides see it. */
export const OfferSchema = v.object({
  applicationId: IdSchema,
  listingId: IdSchema,
  status: v.picklist(offerStatuses),
  terms: v.object({
    payKind: v.picklist(offerPayKinds),
    payVnd: v.optional(IntegerSchema(0, maxOfferVnd)),
    startDate: v.string(),
    replyBy: v.string(),
    place: v.optional(v.string()),
    note: v.optional(v.string()),
  }),
  reason: v.optional(v.string()),
  createdAt: IsoTimestampSchema,
  updatedAt: IsoTimestampSchema,
});
export type Offer = v.InferOutput<typeof OfferSchema>;

/** Whether an open offer can no longer be accepted: its reply-by day (in Vietnam) is over. */
export function offerLapsed(terms: { replyBy: string }, now: Date): boolean {
  return todayInVietnam(now) > terms.replyBy;
}
