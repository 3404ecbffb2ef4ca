import {
  authorize,
  IdParamSchema,
  PlacementPreferencesSchema,
  PlacementRoundCreateSchema,
  PlacementRoundListSchema,
  PlacementRoundSchema,
  type Principal,
} from "@ketnoi/core";
import { type Context, Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { getOrganisation } from "../data/organisations";
import {
  createRound,
  getRound,
  listRounds,
  roundView,
  runRound,
  type StoredRound,
  savePreferences,
} from "../data/placement";
import { getStudentProfile } from "../data/students";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce, requirePrincipal } from "../http/middleware";
import { bearer, responses } from "../http/openapi";
import { validate } from "../http/validate";

const roundNotFound = () => new AppError("not_found", 404, "Không tìm thấy đợt phân bổ.");

/** Whether the principal is staff of the school that owns the round. */
async function ownsRound(principal: Principal, universityId: string): Promise<boolean> {
  if (!principal.memberships.some((m) => m.orgId === universityId)) return false;
  const org = await getOrganisation(universityId);
  return authorize(principal, "placement:manage", { orgId: universityId, orgKind: org?.kind }).allowed;
}

/** A student of the round's school; anyone else (but its staff) is told the round does not exist. */
async function participant(c: Context<AppEnv>, round: StoredRound): Promise<string> {
  const principal = requirePrincipal(c);
  if (!authorize(principal, "placement:participate").allowed) throw roundNotFound();
  const { userId } = principal;
  const profile = await getStudentProfile(userId);
  if (profile?.universityId !== round.universityId) throw roundNotFound();
  return userId;
}

async function existingRound(id: string): Promise<StoredRound> {
  const round = await getRound(id);
  if (!round) throw roundNotFound();
  return round;
}

const visibility =
  "Only the school's staff and its students know a round exists: anyone else gets 404. Staff see every " +
  "assignment and the audit record; a student sees only their own choices and outcome.";

/** Placement rounds: a school places its students on listings with student-proposing deferred acceptance. */
export const placementRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags: ["Placement"],
      summary: "Rounds of the caller's school: staff see their schools' rounds, students their own school's",
      security: bearer,
      responses: responses({ 200: { description: "Rounds", schema: PlacementRoundListSchema } }, [401, 403, 503]),
    }),
    async (c) => {
      const principal = requirePrincipal(c);
      if (principal.role === "student") {
        const profile = await getStudentProfile(principal.userId);
        if (!profile) return c.json({ items: [] });
        const rounds = await listRounds(profile.universityId);
        const items = await Promise.all(
          rounds.map((r) => roundView(r, { kind: "student", studentId: principal.userId })),
        );
        return c.json({ items });
      }
      const owned = (
        await Promise.all(
          principal.memberships.map(async (m) => ((await ownsRound(principal, m.orgId)) ? m.orgId : undefined)),
        )
      ).filter((id): id is string => id !== undefined);
      if (owned.length === 0) throw new AppError("forbidden", 403, "Bạn không có quyền làm việc này.");
      const rounds = (await Promise.all(owned.map(listRounds))).flat();
      return c.json({ items: await Promise.all(rounds.map((r) => roundView(r, { kind: "owner" }))) });
    },
  )
  .post(
    "/",
    describeRoute({
      tags: ["Placement"],
      summary: "Open a placement round for the caller's school (its staff)",
      description: "Every listing must be published. The tie-break seed is drawn now and kept with the round.",
      security: bearer,
      responses: responses(
        { 201: { description: "Opened", schema: PlacementRoundSchema } },
        [400, 401, 403, 413, 415, 503],
      ),
    }),
    validate("json", PlacementRoundCreateSchema),
    async (c) => {
      const input = c.req.valid("json");
      const org = await getOrganisation(input.universityId);
      const { userId } = enforce(c, "placement:manage", { orgId: input.universityId, orgKind: org?.kind });
      const round = await createRound(input, userId);
      return c.json(await roundView(round, { kind: "owner" }), 201);
    },
  )
  .get(
    "/:id",
    describeRoute({
      tags: ["Placement"],
      summary: "One round, with the result the caller may see and what the round guarantees (vi, en)",
      description: visibility,
      security: bearer,
      responses: responses(
        { 200: { description: "The round", schema: PlacementRoundSchema } },
        [400, 401, 403, 404, 503],
      ),
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const principal = requirePrincipal(c);
      const round = await existingRound(c.req.valid("param").id);
      if (await ownsRound(principal, round.universityId)) return c.json(await roundView(round, { kind: "owner" }));
      const studentId = await participant(c, round);
      return c.json(await roundView(round, { kind: "student", studentId }));
    },
  )
  .put(
    "/:id/preferences",
    describeRoute({
      tags: ["Placement"],
      summary: "Rank listings of a round, best first (students of the round's school)",
      description: `409 \`round_closed\` after the deadline or once the round has run. ${visibility}`,
      security: bearer,
      responses: responses(
        { 200: { description: "The round as the student sees it", schema: PlacementRoundSchema } },
        [400, 401, 403, 404, 409, 413, 415, 503],
      ),
    }),
    validate("param", IdParamSchema),
    validate("json", PlacementPreferencesSchema),
    async (c) => {
      const round = await existingRound(c.req.valid("param").id);
      const studentId = await participant(c, round);
      await savePreferences(round, studentId, c.req.valid("json").choices, new Date());
      return c.json(await roundView(round, { kind: "student", studentId }));
    },
  )
  .post(
    "/:id/run",
    describeRoute({
      tags: ["Placement"],
      summary: "Run the round (its school's staff): idempotent and audited",
      description:
        "Student-proposing deferred acceptance with capacities; organisations' rankings default to the automatic " +
        "ranking by match score. The same inputs give the same result and hashes (see the audit record); running " +
        "closes the preferences.",
      security: bearer,
      responses: responses(
        { 200: { description: "The placed round", schema: PlacementRoundSchema } },
        [400, 401, 403, 404, 503],
      ),
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const principal = requirePrincipal(c);
      const round = await existingRound(c.req.valid("param").id);
      if (!(await ownsRound(principal, round.universityId))) {
        // A student of the school learns nothing more than GET tells them; anyone else, not even that it exists.
        await participant(c, round);
        throw new AppError("forbidden", 403, "Bạn không có quyền làm việc này.");
      }
      return c.json(await roundView(await runRound(round, principal.userId), { kind: "owner" }));
    },
  );
