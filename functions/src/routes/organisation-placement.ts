import { IdParamSchema, OrgPlacementRoundListSchema } from "@ketnoi/core";
import { Hono } from "hono";
import { roundsOfOrganisation } from "../data/placement/org";
import type { AppEnv } from "../http/env";
import { enforce } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

// A module of its own, apart from routes/placement.ts (the work group's rounds): the organisations function mounts
// only this, and a module's top-level route definitions are kept by the bundler whenever the module is imported, so
// sharing one file carried the whole placement engine into that function (~40 kB, issue 14).
/**
 * An organisation's placement rounds, mounted under /organisations: rounds are kept per school, and this is how the
 * members of an organisation whose listings are in a round find it (and each listing's ranking page).
 */
export const organisationPlacementRoutes = new Hono<AppEnv>().get(
  "/:id/placement-rounds",
  route({
    tags: ["Placement"],
    summary: "The placement rounds that include the organisation's listings, newest first (its members)",
    description:
      "Each round lists only this organisation's listings: seats, how many students chose the listing " +
      "(`applicants`) and whether the organisation saved its own ranking (`edited`; else the automatic one is " +
      "used). Each listing's ranking is at GET /api/placement-rounds/{id}/listings/{listingId}/ranking. No student " +
      "is named. Anyone but a member (recruiter or staff) of the organisation gets 403.",
    auth: true,
    ok: { 200: { description: "Rounds", schema: OrgPlacementRoundListSchema } },
    errors: [400],
  }),
  validate("param", IdParamSchema),
  async (c) => {
    const orgId = c.req.valid("param").id;
    enforce(c, "placement:rank", { orgId });
    return c.json({ items: await roundsOfOrganisation(orgId) });
  },
);
