import { MatchListQuerySchema, RecommendationListSchema } from "@ketnoi/core";
import { Hono } from "hono";
import { recommendationsFor } from "../data/recommendations-for";
import { getStudentProfile } from "../data/student-reads";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

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
