import {
  ApplicationListSchema,
  ApplicationSchema,
  ApplicationTransitionSchema,
  IdParamSchema,
  VolunteerHoursSchema,
} from "@ketnoi/core";
import { Hono } from "hono";
import { forOrganisation, forStudent, listStudentApplications, transitionApplication } from "../data/applications";
import { getListing } from "../data/listings";
import { recordVolunteerHours } from "../data/volunteer-hours";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { requirePrincipal } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";
import { applicationFor, applicationNotFound } from "./application-access";

/** A student's applications and single applications by id. Mounted at /api/applications. */
export const applicationRoutes = new Hono<AppEnv>()
  .get(
    "/mine",
    route({
      tags: ["Applications"],
      summary: "My applications with their current status and timeline, newest first",
      auth: true,
      ok: { 200: { description: "Applications", schema: ApplicationListSchema } },
    }),
    async (c) => {
      const { userId } = requirePrincipal(c);
      return c.json({ items: await forStudent(await listStudentApplications(userId)) });
    },
  )
  .get(
    "/:id",
    route({
      tags: ["Applications"],
      summary: "One application (its student, or members of the listing's organisation; anyone else gets 404)",
      auth: true,
      ok: { 200: { description: "The application", schema: ApplicationSchema } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { application, actor } = await applicationFor(c, c.req.valid("param").id);
      if (actor === "student") return c.json((await forStudent([application]))[0]!);
      const listing = await getListing(application.listingId);
      if (!listing) throw applicationNotFound();
      return c.json((await forOrganisation(listing, [application]))[0]!);
    },
  )
  .post(
    "/:id/transitions",
    route({
      tags: ["Applications"],
      summary: "Move an application along the pipeline, with the version last read",
      description:
        "The organisation moves forward (reviewing, shortlisted, interview, offered) or rejects with a reason; " +
        "the student withdraws while not final and accepts or declines an offer. 403 `forbidden`: the move is " +
        "the other party's. 409: `invalid_transition`, `version_conflict`, `capacity_full` (an offer reserves " +
        "one of the listing's positions). A move to `offered` needs `terms` with a reply-by day (400 without), as " +
        "in POST …/offer. Anyone else gets 404.",
      auth: true,
      body: true,
      ok: { 200: { description: "Moved", schema: ApplicationSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", ApplicationTransitionSchema),
    async (c) => {
      const { application, actor } = await applicationFor(c, c.req.valid("param").id);
      const listing = await getListing(application.listingId);
      if (!listing) throw applicationNotFound();
      const moved = await transitionApplication(application, listing, actor, c.req.valid("json"));
      const [view] = actor === "student" ? await forStudent([moved]) : await forOrganisation(listing, [moved]);
      return c.json(view!);
    },
  )
  .post(
    "/:id/hours",
    route({
      tags: ["Applications"],
      summary: "Record the hours an accepted volunteer served (members of the listing's organisation)",
      description:
        "Volunteer listings only (409 `wrong_listing_type`), accepted applications only (409 `invalid_transition`), " +
        "with the version last read (409 `version_conflict`). The student is notified. Anyone else gets 404.",
      auth: true,
      body: true,
      ok: { 200: { description: "Recorded", schema: ApplicationSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", VolunteerHoursSchema),
    async (c) => {
      const { application, actor } = await applicationFor(c, c.req.valid("param").id);
      if (actor !== "organisation") throw new AppError("forbidden", "Chỉ tổ chức ghi nhận giờ tình nguyện.");
      const listing = await getListing(application.listingId);
      if (!listing) throw applicationNotFound();
      const { hours, version } = c.req.valid("json");
      const recorded = await recordVolunteerHours(application, listing, hours, version);
      return c.json((await forOrganisation(listing, [recorded]))[0]!);
    },
  );
