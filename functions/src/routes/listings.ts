import {
  canTransitionListing,
  IdParamSchema,
  ListingCreateSchema,
  ListingListQuerySchema,
  ListingPageSchema,
  ListingPatchSchema,
  ListingSchema,
  listingTimeProblems,
  onlyTypeFields,
  typeFieldsPatch,
} from "@ketnoi/core";
import { Hono } from "hono";
import {
  createListing,
  getListing,
  listPublishedListings,
  publicListings,
  updateListing,
  withOrganisation,
} from "../data/listings";
import { getOrganisation } from "../data/organisations";
import { openCursor, sealCursor } from "../http/cursor";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce } from "../http/middleware";
import { route } from "../http/openapi";
import { refuseProblems, validate } from "../http/validate";

const notFound = () => new AppError("not_found", "Không tìm thấy tin.");

/** Listings: the public feed, one listing, creation and edits (with status moves). */
export const listingRoutes = new Hono<AppEnv>()
  .get(
    "/",
    route({
      tags: ["Listings"],
      summary: "Published listings, newest first, with cursor pagination",
      ok: { 200: { description: "A page of listings", schema: ListingPageSchema } },
      errors: [400],
    }),
    validate("query", ListingListQuerySchema),
    async (c) => {
      const { type, orgId, limit, cursor } = c.req.valid("query");
      const page = await listPublishedListings({ type, orgId, limit, cursor: openCursor("listings", cursor) });
      return c.json({ items: await publicListings(page.items), cursor: sealCursor("listings", page.cursor) });
    },
  )
  .post(
    "/",
    route({
      tags: ["Listings"],
      summary: "Create a draft listing for an organisation the caller belongs to",
      auth: true,
      body: true,
      ok: { 201: { description: "Created", schema: ListingSchema } },
      errors: [404],
    }),
    validate("json", ListingCreateSchema),
    async (c) => {
      // Fields the listing's type does not use are dropped (core typeFields), as the web form never sends them.
      const input = onlyTypeFields(c.req.valid("json"));
      enforce(c, "listing:create", { orgId: input.orgId });
      const org = await getOrganisation(input.orgId);
      if (!org) throw new AppError("not_found", "Không tìm thấy tổ chức.");
      refuseProblems(listingTimeProblems(input, new Date()));
      const [full] = await withOrganisation([await createListing(input)]);
      return c.json(full!, 201);
    },
  )
  .patch(
    "/:id",
    route({
      tags: ["Listings"],
      summary: "Edit a listing or move its status (publishing needs a verified organisation)",
      auth: true,
      body: true,
      ok: { 200: { description: "Updated", schema: ListingSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", ListingPatchSchema),
    async (c) => {
      const listing = await getListing(c.req.valid("param").id);
      if (!listing) throw notFound();
      // As on create; a change of type also clears the stored fields the new type does not use.
      const patch = typeFieldsPatch(c.req.valid("json"), listing);
      enforce(c, "listing:update", { orgId: listing.orgId });
      if (patch.status && !canTransitionListing(listing.status, patch.status)) {
        throw new AppError("invalid_transition", `Không thể chuyển tin từ "${listing.status}" sang "${patch.status}".`);
      }
      const publishing = patch.status === "published" && listing.status !== "published";
      if (publishing) {
        const org = await getOrganisation(listing.orgId);
        enforce(c, "listing:publish", { orgId: listing.orgId, orgVerified: org?.verification === "verified" });
      }
      const next = {
        deadline: patch.deadline ?? listing.deadline,
        sessions: patch.sessions === null ? undefined : (patch.sessions ?? listing.sessions),
      };
      refuseProblems(listingTimeProblems(next, new Date(), { stored: listing, publishing }));
      const [full] = await withOrganisation([await updateListing(listing, patch)]);
      return c.json(full!);
    },
  );
