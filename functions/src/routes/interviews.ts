import {
  IdParamSchema,
  InterviewCancelSchema,
  InterviewPickSchema,
  InterviewProposeSchema,
  InterviewRequestChangeSchema,
  InterviewRescheduleSchema,
  InterviewSchema,
} from "@ketnoi/core";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { changeInterview, getInterview, interviewView, proposeInterview } from "../data/interviews";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { bearer, responses, route } from "../http/openapi";
import { validate } from "../http/validate";
import { calendarOf } from "../interviews/attachment";
import { applicationFor } from "./application-access";

const noInterview = () => new AppError("not_found", "Hồ sơ này chưa có lịch phỏng vấn.");

const whoMay =
  "The application's student or a member of the listing's organisation (application:respond / application:review " +
  "in the policy); anyone else gets 404.";

/** Reads the application and its interview for the caller's side of it. */
async function interviewFor(c: Parameters<typeof applicationFor>[0], applicationId: string) {
  const { application, actor } = await applicationFor(c, applicationId);
  const interview = await getInterview(application.id);
  if (!interview) throw noInterview();
  return { application, actor, interview };
}

/** An application's interview: propose, pick, ask for other times, reschedule, cancel, .ics. Mounted at /api/applications. */
export const interviewRoutes = new Hono<AppEnv>()
  .get(
    "/:id/interview",
    route({
      tags: ["Interviews"],
      summary: "The application's interview: slots, place or link, status and its timeline",
      description: whoMay,
      auth: true,
      ok: { 200: { description: "The interview", schema: InterviewSchema } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { interview } = await interviewFor(c, c.req.valid("param").id);
      return c.json(interviewView(interview));
    },
  )
  .post(
    "/:id/interview",
    route({
      tags: ["Interviews"],
      summary: "Propose 1–5 interview slots (members of the listing's organisation)",
      description:
        "Slots are typed in Vietnam time (date, HH:MM, 15–240 minutes), in the future and at most 180 days ahead; in " +
        "person needs a commune of Đồng Nai and an address, online an https link. The application must be in the " +
        "`interview` stage (409 `not_in_interview_stage`); one open interview per application (409 " +
        "`interview_exists`). The student is notified.",
      auth: true,
      body: true,
      ok: { 201: { description: "Proposed", schema: InterviewSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", InterviewProposeSchema),
    async (c) => {
      const { application, actor } = await applicationFor(c, c.req.valid("param").id);
      if (actor !== "organisation") throw new AppError("forbidden", "Chỉ tổ chức đề xuất lịch phỏng vấn.");
      const created = await proposeInterview(application, c.req.valid("json"));
      return c.json(interviewView(created), 201);
    },
  )
  .post(
    "/:id/interview/pick",
    route({
      tags: ["Interviews"],
      summary: "Take one proposed slot (the student)",
      description:
        "409 `slot_taken`: another applicant of the listing took the same time first (a time is held by one " +
        "interview at a time); `slot_past`; `version_conflict`; `invalid_transition` when nothing is proposed.",
      auth: true,
      body: true,
      ok: { 200: { description: "Scheduled", schema: InterviewSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", InterviewPickSchema),
    async (c) => {
      const { actor, interview } = await interviewFor(c, c.req.valid("param").id);
      const { slotId, version } = c.req.valid("json");
      return c.json(interviewView(await changeInterview(interview, actor, { action: "pick", slotId }, version)));
    },
  )
  .post(
    "/:id/interview/request-change",
    route({
      tags: ["Interviews"],
      summary: "Ask for other times with a note (the student; also after taking a slot, which frees it)",
      auth: true,
      body: true,
      ok: { 200: { description: "Asked", schema: InterviewSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", InterviewRequestChangeSchema),
    async (c) => {
      const { actor, interview } = await interviewFor(c, c.req.valid("param").id);
      const { note, version } = c.req.valid("json");
      return c.json(
        interviewView(await changeInterview(interview, actor, { action: "request_change", note }, version)),
      );
    },
  )
  .post(
    "/:id/interview/reschedule",
    route({
      tags: ["Interviews"],
      summary: "Propose new slots with a reason (members; frees a taken slot; calendars get the update)",
      auth: true,
      body: true,
      ok: { 200: { description: "Rescheduled", schema: InterviewSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", InterviewRescheduleSchema),
    async (c) => {
      const { actor, interview } = await interviewFor(c, c.req.valid("param").id);
      const { reason, version, ...input } = c.req.valid("json");
      return c.json(
        interviewView(await changeInterview(interview, actor, { action: "reschedule", input, reason }, version)),
      );
    },
  )
  .post(
    "/:id/interview/cancel",
    route({
      tags: ["Interviews"],
      summary: "Cancel the interview with a reason (either side; calendars get a cancellation)",
      auth: true,
      body: true,
      ok: { 200: { description: "Cancelled", schema: InterviewSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", InterviewCancelSchema),
    async (c) => {
      const { actor, interview } = await interviewFor(c, c.req.valid("param").id);
      const { reason, version } = c.req.valid("json");
      return c.json(interviewView(await changeInterview(interview, actor, { action: "cancel", reason }, version)));
    },
  )
  .get(
    "/:id/interview/calendar",
    describeRoute({
      tags: ["Interviews"],
      summary: "The interview as an iCalendar file (text/calendar) for either side",
      description:
        "METHOD:REQUEST while a slot is taken, METHOD:CANCEL once a taken slot was given up or cancelled; the UID is " +
        "stable per interview and SEQUENCE grows with each change, so calendar apps replace the earlier event. 409 " +
        "`not_scheduled` while no slot was ever taken.",
      security: bearer,
      responses: {
        200: { description: "An .ics file", content: { "text/calendar": { schema: { type: "string" } } } },
        ...responses({}, [400, 401, 403, 404, 409, 503]),
      },
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { interview } = await interviewFor(c, c.req.valid("param").id);
      const calendar = await calendarOf(interview);
      if (!calendar) throw new AppError("not_scheduled");
      c.header("Content-Type", "text/calendar; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="${calendar.filename}"`);
      return c.body(calendar.content);
    },
  );
