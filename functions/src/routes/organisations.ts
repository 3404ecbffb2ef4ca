import {
  authorize,
  IdParamSchema,
  ListingSchema,
  OrganisationCreateSchema,
  OrganisationListQuerySchema,
  OrganisationPatchSchema,
  OrganisationSchema,
  VerificationDecisionSchema,
} from "@ketnoi/core";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import { listOrganisationListings, withOrganisation } from "../data/listings";
import {
  createOrganisation,
  decideVerification,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from "../data/organisations";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce, requirePrincipal } from "../http/middleware";
import { responses, route } from "../http/openapi";
import { validate } from "../http/validate";

const notFound = () => new AppError("not_found", "Không tìm thấy tổ chức.");

/** Organisations: directory, profile, creation, edits and verification. */
export const organisationRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags: ["Organisations"],
      summary: "Verified organisations (or, for admins and province officers, any verification status)",
      responses: responses(
        { 200: { description: "Organisations", schema: v.object({ items: v.array(OrganisationSchema) }) } },
        [400, 401, 403, 503],
      ),
    }),
    validate("query", OrganisationListQuerySchema),
    async (c) => {
      const { kind, verification = "verified" } = c.req.valid("query");
      if (verification !== "verified") enforce(c, "organisation:verify");
      return c.json({ items: await listOrganisations(verification, kind) });
    },
  )
  .get(
    "/:id",
    route({
      tags: ["Organisations"],
      summary: "One organisation (unverified ones only for members, admins and province officers)",
      ok: { 200: { description: "The organisation", schema: OrganisationSchema } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const org = await getOrganisation(c.req.valid("param").id);
      if (!org) throw notFound();
      if (
        org.verification !== "verified" &&
        !authorize(c.get("principal"), "organisation:viewUnverified", { orgId: org.id }).allowed
      ) {
        throw notFound();
      }
      return c.json(org);
    },
  )
  .post(
    "/",
    route({
      tags: ["Organisations"],
      summary: "Register an organisation; the caller becomes its owner and it awaits verification",
      auth: true,
      body: true,
      ok: { 201: { description: "Created", schema: OrganisationSchema } },
      errors: [409],
    }),
    validate("json", OrganisationCreateSchema),
    async (c) => {
      const principal = enforce(c, "organisation:create");
      return c.json(await createOrganisation(c.req.valid("json"), principal.userId), 201);
    },
  )
  .patch(
    "/:id",
    route({
      tags: ["Organisations"],
      summary: "Edit an organisation's profile (owners and admins), with the version last read",
      auth: true,
      body: true,
      ok: { 200: { description: "Updated", schema: OrganisationSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", OrganisationPatchSchema),
    async (c) => {
      const org = await getOrganisation(c.req.valid("param").id);
      if (!org) throw notFound();
      enforce(c, "organisation:update", { orgId: org.id });
      return c.json(await updateOrganisation(org, c.req.valid("json")));
    },
  )
  .get(
    "/:id/listings",
    route({
      tags: ["Organisations"],
      summary: "All of an organisation's listings, any status, newest first (its members and admins)",
      auth: true,
      ok: { 200: { description: "Listings", schema: v.object({ items: v.array(ListingSchema) }) } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const orgId = c.req.valid("param").id;
      // Signed-in non-members get 404, as for an unverified organisation: drafts do not leak.
      const principal = requirePrincipal(c);
      if (!authorize(principal, "listing:viewDraft", { orgId }).allowed) throw notFound();
      return c.json({ items: await withOrganisation(await listOrganisationListings(orgId)) });
    },
  )
  .post(
    "/:id/verification",
    route({
      tags: ["Organisations"],
      summary: "Verify, reject or suspend an organisation (admins and province officers)",
      description:
        "Rejecting or suspending (with a reason) takes the organisation's listings out of the feed, search, " +
        "recommendations and public detail (410 `organisation_inactive`), refuses new applications and bookings, " +
        "and sends every student with an open application an in-app notice. Members still see everything, with " +
        "the reason. `verified` lifts a suspension.",
      auth: true,
      body: true,
      ok: { 200: { description: "Decision recorded", schema: OrganisationSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", VerificationDecisionSchema),
    async (c) => {
      enforce(c, "organisation:verify");
      const org = await getOrganisation(c.req.valid("param").id);
      if (!org) throw notFound();
      const { decision, reason } = c.req.valid("json");
      // Open applicants of a rejected or suspended organisation are told by the stream consumer (effects/notices.ts).
      return c.json(await decideVerification(org, decision, reason));
    },
  );
