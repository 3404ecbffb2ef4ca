import {
  ApplicationBoardQuerySchema,
  ApplicationBulkTransitionSchema,
  ApplicationCreateSchema,
  ApplicationListSchema,
  ApplicationSchema,
  answerIssues,
  type BulkTransitionResult,
  BulkTransitionResultSchema,
  IdParamSchema,
} from "@ketnoi/core";
import { Hono } from "hono";
import {
  forOrganisation,
  forStudent,
  listListingApplications,
  submitApplication,
  transitionApplication,
} from "../data/applications";
import { attachableCv } from "../data/cv-files";
import { getStudentProfile } from "../data/students";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce, rateLimit } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";
import { applicationNotFound, assertIntakeOpen } from "./application-access";
import { visibleListing } from "./listing-visibility";

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
