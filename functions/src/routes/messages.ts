import {
  ApplicantNoteSchema,
  ApplicantNoteWriteSchema,
  authorize,
  IdParamSchema,
  MessageCreateSchema,
  MessagePageQuerySchema,
  MessagePageSchema,
  MessageReadSchema,
  MessageSchema,
  type ThreadSide,
  threadSideOf,
  UnreadMessagesSchema,
  unreadIn,
} from "@ketnoi/core";
import { type Context, Hono } from "hono";
import * as v from "valibot";
import { findApplication } from "../data/applications";
import {
  getApplicantNote,
  listMessages,
  markThreadRead,
  messageViews,
  saveApplicantNote,
  sendMessage,
  threadState,
  unreadMessages,
} from "../data/messages";
import { isErasedToken } from "../data/placement/rounds";
import { openCursor, sealCursor } from "../http/cursor";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { rateLimit, requirePrincipal } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

const applicationNotFound = () => new AppError("not_found", "Không tìm thấy hồ sơ ứng tuyển.");
const onlyTheTwoSides = "Only the applicant and the members of the listing's organisation; anyone else gets 404.";

/** The application and the caller's side of its thread (policy.ts `threadSideOf`); 404 for anyone on neither side. */
async function threadFor(c: Context<AppEnv>, applicationId: string) {
  const principal = requirePrincipal(c);
  const application = await findApplication(applicationId);
  if (!application) throw applicationNotFound();
  const side = threadSideOf(principal, { ownerUserId: application.studentId, orgId: application.orgId });
  if (!side) throw applicationNotFound();
  return { application, side, userId: principal.userId };
}

/** A page cursor names its thread, so a cursor of one thread pages nothing in another. */
function beforeOf(applicationId: string, sealed: string | undefined) {
  const opened = openCursor("messages", sealed);
  if (opened === undefined) return undefined;
  const [thread, createdAt, messageId] = opened.split("\n");
  if (thread !== applicationId || !createdAt || !messageId) {
    throw new AppError("validation_failed", "Dữ liệu gửi lên không hợp lệ.", [
      { path: "cursor", message: "Con trỏ trang không thuộc cuộc trò chuyện này." },
    ]);
  }
  return { createdAt, messageId };
}

const other = (side: ThreadSide) => (side === "student" ? "organisation" : "student");

/** Messages and notes of one application. Mounted at /api/applications. */
export const applicationMessageRoutes = new Hono<AppEnv>()
  .get(
    "/:id/messages",
    route({
      tags: ["Messages"],
      summary: "A page of an application's thread, newest last; `cursor` pages to older messages",
      description: `Members see which member wrote each of the organisation's messages. ${onlyTheTwoSides}`,
      auth: true,
      ok: { 200: { description: "Messages", schema: MessagePageSchema } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    validate("query", MessagePageQuerySchema),
    async (c) => {
      const { id } = c.req.valid("param");
      const { limit, cursor } = c.req.valid("query");
      const before = beforeOf(id, cursor);
      const { side, userId } = await threadFor(c, id);
      const [page, state] = await Promise.all([listMessages(id, { limit, before }), threadState(id, userId)]);
      const items = await messageViews(page.items.reverse(), side, userId);
      const otherSideCount = state.counts[other(side)];
      return c.json({
        items,
        cursor: page.before
          ? sealCursor("messages", [id, page.before.createdAt, page.before.messageId].join("\n"))
          : null,
        otherSideCount,
        unread: unreadIn(state.counts, side, state.seen),
      });
    },
  )
  .post(
    "/:id/messages",
    route({
      tags: ["Messages"],
      summary: "Write in an application's thread (30 per minute per sender)",
      description:
        "Text up to 2,000 characters. The other side is notified in-app. 409 `thread_closed`: the student withdrew " +
        `the application or the account was erased. ${onlyTheTwoSides}`,
      auth: true,
      body: true,
      ok: { 201: { description: "Sent", schema: MessageSchema } },
      errors: [404, 409, 429],
    }),
    // Per sender, not per address: a thread is a conversation between people, and one person should not flood it
    // from several devices; the address is only the fallback for a request without a principal (refused anyway).
    rateLimit({ windowMs: 60_000, max: 30, key: (c) => `sender:${c.get("principal")?.userId ?? "anonymous"}` }),
    validate("param", IdParamSchema),
    validate("json", MessageCreateSchema),
    async (c) => {
      const { application, side, userId } = await threadFor(c, c.req.valid("param").id);
      if (application.status === "withdrawn" || isErasedToken(application.studentId)) {
        throw new AppError("thread_closed");
      }
      const message = await sendMessage(application, side, userId, c.req.valid("json").text);
      const [view] = await messageViews([message], side, userId);
      return c.json(view!, 201);
    },
  )
  .put(
    "/:id/messages/read",
    route({
      tags: ["Messages"],
      summary: "Mark the other side's messages read, up to `seen` (the page's otherSideCount)",
      description: `Each participant has their own marker; it only moves forward (two tabs keep the higher). ${onlyTheTwoSides}`,
      auth: true,
      body: true,
      ok: { 200: { description: "The stored mark", schema: v.object({ seen: v.number() }) } },
      errors: [404],
    }),
    validate("param", IdParamSchema),
    validate("json", MessageReadSchema),
    async (c) => {
      const { application, side, userId } = await threadFor(c, c.req.valid("param").id);
      return c.json({ seen: await markThreadRead(application.id, userId, side, c.req.valid("json").seen) });
    },
  )
  .get(
    "/:id/notes",
    route({
      tags: ["Messages"],
      summary: "The organisation's private note and 1–5 rating on an applicant (its members only)",
      description: "Never shown to the student: anyone but the organisation's members gets 404.",
      auth: true,
      ok: { 200: { description: "The note", schema: ApplicantNoteSchema } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => c.json(await getApplicantNote(await noteFor(c, c.req.valid("param").id))),
  )
  .put(
    "/:id/notes",
    route({
      tags: ["Messages"],
      summary: "Save the organisation's note and rating, with the version last read (0: the first)",
      description: "409 `version_conflict` when another member saved since. Anyone but the members gets 404.",
      auth: true,
      body: true,
      ok: { 200: { description: "The saved note", schema: ApplicantNoteSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", ApplicantNoteWriteSchema),
    async (c) => {
      const application = await noteFor(c, c.req.valid("param").id);
      await saveApplicantNote(application, requirePrincipal(c).userId, c.req.valid("json"));
      return c.json(await getApplicantNote(application));
    },
  );

/** The application, if the caller may keep notes on it; 404 otherwise (the note's existence is not revealed). */
async function noteFor(c: Context<AppEnv>, applicationId: string) {
  const principal = requirePrincipal(c);
  const application = await findApplication(applicationId);
  if (!application) throw applicationNotFound();
  if (!authorize(principal, "applicantNote:manage", { orgId: application.orgId }).allowed) throw applicationNotFound();
  return application;
}

/** The caller's unread messages over all threads, for the menu's badge. Mounted at /api/messages. */
export const messageRoutes = new Hono<AppEnv>().get(
  "/unread",
  route({
    tags: ["Messages"],
    summary: "My unread messages: the total and per application (a few Queries, whatever the number of threads)",
    auth: true,
    ok: { 200: { description: "Unread", schema: UnreadMessagesSchema } },
  }),
  async (c) => c.json(await unreadMessages(requirePrincipal(c))),
);
