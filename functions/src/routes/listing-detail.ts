import { IdParamSchema, ListingSchema } from "@ketnoi/core";
import { Hono } from "hono";
import { seatsTakenOf, withOrganisation } from "../data/listing-reads";
import type { AppEnv } from "../http/env";
import { route } from "../http/openapi";
import { validate } from "../http/validate";
import { visibleListingAndOrganisation } from "./listing-visibility";

/**
 * One listing, the public hot path: served by the read function (routes/groups/browse.ts), whose bundle carries no
 * ElectroDB (its reads go through the lite data path, data/listing-reads.ts; issue 14). Mounted at /api/listings.
 */
export const listingDetailRoutes = new Hono<AppEnv>().get(
  "/:id",
  route({
    tags: ["Listings"],
    summary:
      "One listing (drafts only for the organisation's members; a rejected or suspended organisation's listings answer 410 `organisation_inactive` to everyone else)",
    ok: { 200: { description: "The listing", schema: ListingSchema } },
    errors: [400, 404],
  }),
  validate("param", IdParamSchema),
  async (c) => {
    const { listing, organisation } = await visibleListingAndOrganisation(c, c.req.valid("param").id);
    const [full] = await withOrganisation([listing], organisation ? [organisation] : []);
    // A visit says how many seats each session has left: the booking form disables a full one.
    if (listing.type === "visit" && listing.sessions?.length)
      return c.json({ ...full!, seatsTaken: await seatsTakenOf(listing.id) });
    return c.json(full!);
  },
);
