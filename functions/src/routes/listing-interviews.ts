import { IdParamSchema, InterviewListSchema } from "@ketnoi/core";
import { Hono } from "hono";
import { interviewView, listListingInterviews } from "../data/interviews";
import type { AppEnv } from "../http/env";
import { enforce } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";
import { visibleListing } from "./listing-visibility";

/** A listing's interviews for its applicant board (members). Mounted at /api/listings. */
export const listingInterviewRoutes = new Hono<AppEnv>().get(
  "/:id/interviews",
  route({
    tags: ["Interviews"],
    summary: "The interviews of a listing's applicants (members of its organisation)",
    auth: true,
    ok: { 200: { description: "Interviews", schema: InterviewListSchema } },
    errors: [400, 404],
  }),
  validate("param", IdParamSchema),
  async (c) => {
    const listing = await visibleListing(c, c.req.valid("param").id);
    enforce(c, "application:review", { orgId: listing.orgId });
    return c.json({ items: (await listListingInterviews(listing.id)).map(interviewView) });
  },
);
