import {
  CandidateInviteResultSchema,
  CandidateInviteSchema,
  CandidateListSchema,
  IdParamSchema,
  MatchListQuerySchema,
  RecommendationListSchema,
} from "@ketnoi/core";
import { Hono } from "hono";
import { candidatesFor, inviteCandidate, recommendationsFor } from "../data/matching";
import { getStudentProfile } from "../data/students";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";
import { visibleListing } from "./applications";

/**
 * "Dành cho bạn": the signed-in student's recommended listings, ranked from the listings the search index already
 * holds in memory (data/recommendations.ts) with per-listing demand counters: two DynamoDB calls whatever the number
 * of listings (asserted in db-calls.test.ts).
 */
export const recommendationRoutes = new Hono<AppEnv>().get(
  "/",
  route({
    tags: ["Matching"],
    summary: "Listings recommended to the signed-in student, best first, each explained (vi and en)",
    description:
      "Only listings the student can still apply to: published, deadline not passed, seats left, year allowed, " +
      "not already applied to. Over-applied listings are damped (see docs/matching.md). 409 `profile_required` " +
      "when the student has no profile yet.",
    auth: true,
    ok: { 200: { description: "Recommendations", schema: RecommendationListSchema } },
    errors: [400, 409],
  }),
  validate("query", MatchListQuerySchema),
  async (c) => {
    const { userId } = enforce(c, "recommendation:read");
    const student = await getStudentProfile(userId);
    if (!student) throw new AppError("profile_required", "Hãy tạo hồ sơ sinh viên để nhận gợi ý phù hợp.");
    const items = await recommendationsFor(student, { now: new Date(), limit: c.req.valid("query").limit });
    return c.json({ items });
  },
);

const notFoundRule =
  "Another organisation's listing: 403 if the listing is public, 404 if it is a draft (its existence is not revealed).";

/** "Ứng viên phù hợp": candidates for a listing and the invite-to-apply action. Mounted at /api/listings. */
export const listingCandidateRoutes = new Hono<AppEnv>()
  .get(
    "/:id/candidates",
    route({
      tags: ["Matching"],
      summary: "Students suited to a listing, best first, explained (members of its organisation)",
      description:
        "Only students who consent to being recommended to recruiters; no name or e-mail, only a pseudonym valid " +
        `for this listing, major, year and skills. Identity is revealed only if the student applies. ${notFoundRule}`,
      auth: true,
      ok: { 200: { description: "Candidates", schema: CandidateListSchema } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    validate("query", MatchListQuerySchema),
    async (c) => {
      const listing = await visibleListing(c, c.req.valid("param").id);
      enforce(c, "candidate:read", { orgId: listing.orgId });
      return c.json({ items: await candidatesFor(listing, c.req.valid("query").limit) });
    },
  )
  .post(
    "/:id/invite",
    route({
      tags: ["Matching"],
      summary: "Invite a recommended candidate to apply (members of the listing's organisation)",
      description:
        "Sends the student an in-app notification once: inviting the same candidate again answers " +
        `\`already_invited\` and sends nothing. 404 when the candidate id is unknown or no longer consents. ${notFoundRule}`,
      auth: true,
      body: true,
      ok: { 200: { description: "Invited (or already invited)", schema: CandidateInviteResultSchema } },
      errors: [404],
    }),
    validate("param", IdParamSchema),
    validate("json", CandidateInviteSchema),
    async (c) => {
      const listing = await visibleListing(c, c.req.valid("param").id);
      const { userId } = enforce(c, "candidate:invite", { orgId: listing.orgId });
      const result = await inviteCandidate(listing, c.req.valid("json").candidateId, userId);
      if (!result) throw new AppError("not_found", "Không tìm thấy ứng viên này.");
      return c.json(result);
    },
  );
