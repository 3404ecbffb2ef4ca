import {
  CandidateInviteResultSchema,
  CandidateInviteSchema,
  CandidateListSchema,
  IdParamSchema,
  MatchListQuerySchema,
} from "@ketnoi/core";
import { Hono } from "hono";
import { candidatesFor, inviteCandidate } from "../data/matching";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";
import { visibleListing } from "./listing-visibility";

// "Dành cho bạn" (recommendationRoutes) is in recommendations.ts, served by the read function (issue 14).

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
