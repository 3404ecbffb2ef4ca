import {
  ApplicationBoardQuerySchema,
  ApplicationBulkTransitionSchema,
  ApplicationCreateSchema,
  ApplicationListSchema,
  ApplicationSchema,
  ApplicationTransitionSchema,
  answerIssues,
  authorize,
  type BulkTransitionResult,
  BulkTransitionResultSchema,
  IdParamSchema,
  listingIntake,
  VolunteerHoursSchema,
} from "@ketnoi/core";
import { type Context, Hono } from "hono";
import {
  findApplication,
  forOrganisation,
  forStudent,
  listListingApplications,
  listStudentApplications,
  submitApplication,
  transitionApplication,
} from "../data/applications";
import { attachableCv } from "../data/cv-files";
import { getListing, type StoredListing } from "../data/listings";
import { getStudentProfile } from "../data/students";
import { recordVolunteerHours } from "../data/volunteer-hours";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce, rateLimit, requirePrincipal } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";
import { visibleListing } from "./listing-visibility";

const applicationNotFound = () => new AppError("not_found", "Không tìm thấy hồ sơ ứng tuyển.");

// `visibleListing` and `visibleListingAndOrganisation` are in listing-visibility.ts, which listing detail's read
// function imports without this module's writes (issue 14); re-exported here for the write routes.
export { visibleListing, visibleListingAndOrganisation } from "./listing-visibility";

/** Throws 409 `listing_closed` / `deadline_passed` unless the listing takes applications and bookings today. */
export function assertIntakeOpen(listing: StoredListing): void {
  const intake = listingIntake(listing, new Date());
  if (intake === "listing_closed") throw new AppError("listing_closed");
  if (intake === "deadline_passed") throw new AppError("deadline_passed");
}

const notFoundRule =
  "Another organisation's listing: 403 if the listing is public, 404 if it is a draft (its existence is not revealed).";

/** Applications under a listing: apply, the applicant board and bulk moves. Mounted at /api/listings. */
export const listingApplicationRoutes = new Hono<AppEnv>()
  .post(
    "/:id/applications",
    route({
      tags: ["Applications"],
      summary: "Apply to a listing (students; 20 per minute per client)",
      description:
        "One active application per student and listing; a withdrawn one may be replaced. 409 codes: " +
        "`already_applied`, `listing_closed`, `deadline_passed`, `profile_required`, `wrong_listing_type` " +
        "(visits are booked, not applied to); 400 when `cvFileId` is not one of the student's ready CV files " +
        "(GET /api/files/cv). A draft listing is 404.",
      auth: true,
      body: true,
      ok: { 201: { description: "Submitted", schema: ApplicationSchema } },
      errors: [404, 409, 429],
    }),
    rateLimit({ windowMs: 60_000, max: 20 }),
    validate("param", IdParamSchema),
    validate("json", ApplicationCreateSchema),
    async (c) => {
      const { userId } = enforce(c, "application:create");
      const listing = await visibleListing(c, c.req.valid("param").id);
      if (listing.type === "visit") {
        throw new AppError("wrong_listing_type", "Tin tham quan được đặt chỗ theo buổi, không nộp hồ sơ.");
      }
      assertIntakeOpen(listing);
      if (!(await getStudentProfile(userId))) {
        throw new AppError("profile_required", "Hãy tạo hồ sơ sinh viên trước khi ứng tuyển.");
      }
      const input = c.req.valid("json");
      const issues = answerIssues(listing.questions ?? [], input.answers);
      if (issues.length > 0) throw new AppError("validation_failed", "Câu trả lời chưa hợp lệ.", issues);
      const cv = input.cvFileId ? await attachableCv(userId, input.cvFileId) : undefined;
      const [view] = await forStudent([await submitApplication(listing, userId, input, cv)]);
      return c.json(view!, 201);
    },
  )
  .get(
    "/:id/applications",
    route({
      tags: ["Applications"],
      summary: "The applicant board of a listing (members of its organisation)",
      description: `Applicants appear pseudonymously unless they consent to share their details. ${notFoundRule}`,
      auth: true,
      ok: { 200: { description: "Applications", schema: ApplicationListSchema } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    validate("query", ApplicationBoardQuerySchema),
    async (c) => {
      const listing = await visibleListing(c, c.req.valid("param").id);
      enforce(c, "application:review", { orgId: listing.orgId });
      const applications = await listListingApplications(listing.id, c.req.valid("query").status);
      return c.json({ items: await forOrganisation(listing, applications) });
    },
  )
  .post(
    "/:id/applications/bulk",
    route({
      tags: ["Applications"],
      summary: "Move several applicants of a listing at once (members of its organisation)",
      description: `Each application moves from its current status; the result lists each outcome in order. A bulk offer carries one set of \`terms\` (reply-by day included) for every applicant (400 without). ${notFoundRule}`,
      auth: true,
      body: true,
      ok: { 200: { description: "Per-application results", schema: BulkTransitionResultSchema } },
      errors: [404],
    }),
    validate("param", IdParamSchema),
    validate("json", ApplicationBulkTransitionSchema),
    async (c) => {
      const listing = await visibleListing(c, c.req.valid("param").id);
      enforce(c, "application:review", { orgId: listing.orgId });
      const { applicationIds, to, reason, terms } = c.req.valid("json");
      const current = new Map((await listListingApplications(listing.id)).map((a) => [a.id, a]));
      const results: BulkTransitionResult["results"] = [];
      // One at a time, in the order given: when positions run out, the earlier applicants get the offers.
      for (const id of applicationIds) {
        const application = current.get(id);
        try {
          if (!application) throw applicationNotFound();
          const moved = await transitionApplication(application, listing, "organisation", {
            to,
            reason,
            ...(terms ? { terms } : {}),
            version: application.version,
          });
          results.push({ id, ok: true, status: moved.status, version: moved.version });
        } catch (error) {
          if (!(error instanceof AppError) || error.status >= 500) throw error;
          results.push({ id, ok: false, error: { code: error.code, message: error.message } });
        }
      }
      return c.json({ results });
    },
  );

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

/** The application and the caller's side of it; 404 for anyone who is neither its student nor the organisation. */
export async function applicationFor(c: Context<AppEnv>, applicationId: string) {
  const principal = requirePrincipal(c);
  const application = await findApplication(applicationId);
  if (!application) throw applicationNotFound();
  if (authorize(principal, "application:respond", { ownerUserId: application.studentId }).allowed) {
    return { application, actor: "student" as const };
  }
  if (authorize(principal, "application:review", { orgId: application.orgId }).allowed) {
    return { application, actor: "organisation" as const };
  }
  throw applicationNotFound();
}
