import {
  actsAsSchool,
  authorize,
  confirmedSchoolOf,
  IdParamSchema,
  type OrganisationKind,
  PlacementPreferencesSchema,
  PlacementRankingEditSchema,
  PlacementRankingSchema,
  PlacementResponseSchema,
  PlacementRoundCreateSchema,
  PlacementRoundListSchema,
  PlacementRoundSchema,
  PlacementRunSchema,
  type Principal,
  RoundListingParamSchema,
  roundDeadlineProblems,
  runTooEarly,
  type VerificationStatus,
} from "@ketnoi/core";
import { type Context, Hono } from "hono";
import { getListing, type StoredListing } from "../data/listings";
import { getOrganisation } from "../data/organisations";
import { rankingView, saveRanking } from "../data/placement/ranking";
import { reofferSeats } from "../data/placement/reoffer";
import {
  createRound,
  eligibleUniversities,
  getRound,
  listRounds,
  provinceOwner,
  respondToAssignment,
  roundView,
  runRound,
  type StoredRound,
  savePreferences,
} from "../data/placement/rounds";
import { getStudentProfile } from "../data/students";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce, requirePrincipal } from "../http/middleware";
import { route } from "../http/openapi";
import { refuseProblems, validate } from "../http/validate";

/** The policy's view of a school: its kind and standing (only a verified university or institute acts as one). */
const schoolResource = (
  orgId: string,
  org: { kind: OrganisationKind; verification: VerificationStatus } | undefined,
) => ({
  orgId,
  ...(org ? { orgKind: org.kind, orgVerification: org.verification } : {}),
});

const roundNotFound = () => new AppError("not_found", "Không tìm thấy đợt phân bổ.");

/** Whether the principal is staff of the school that owns rounds keyed `universityId` (or the province, for its). */
async function ownsRound(principal: Principal, universityId: string): Promise<boolean> {
  if (universityId === provinceOwner) return authorize(principal, "placement:manageProvince").allowed;
  if (!principal.memberships.some((m) => m.orgId === universityId)) return false;
  const org = await getOrganisation(universityId);
  return authorize(principal, "placement:manage", schoolResource(universityId, org)).allowed;
}

/** A student of the round's school(s); anyone else (but its owners) is told the round does not exist. */
async function participant(c: Context<AppEnv>, round: StoredRound): Promise<string> {
  const principal = requirePrincipal(c);
  if (!authorize(principal, "placement:participate").allowed) throw roundNotFound();
  const { userId } = principal;
  const profile = await getStudentProfile(userId);
  // Only a confirmed enrolment counts: a self-declared school opens nothing (policy.ts `confirmedSchoolOf`).
  const school = profile ? confirmedSchoolOf(profile) : undefined;
  if (!school || !eligibleUniversities(round).includes(school)) throw roundNotFound();
  return userId;
}

async function existingRound(id: string): Promise<StoredRound> {
  const round = await getRound(id);
  if (!round) throw roundNotFound();
  return round;
}

/**
 * A round the caller owns, for the owner's actions (run, re-offer): a student of the round's school gets 403 (they
 * learn nothing more than GET tells them), anyone else 404 (not even that it exists).
 */
async function ownedRound(c: Context<AppEnv>, id: string): Promise<StoredRound> {
  const round = await existingRound(id);
  if (await ownsRound(requirePrincipal(c), round.universityId)) return round;
  await participant(c, round);
  throw new AppError("forbidden");
}

/**
 * A listing of a round, for a member of the listing's organisation; anyone else is told it does not exist (the
 * round's school included: the ranking is the organisation's).
 */
async function rankedListing(c: Context<AppEnv>, roundId: string, listingId: string) {
  const principal = requirePrincipal(c);
  const round = await existingRound(roundId);
  const listing = round.listings.some((l) => l.listingId === listingId) ? await getListing(listingId) : undefined;
  if (!listing || !authorize(principal, "placement:rank", { orgId: listing.orgId }).allowed) throw roundNotFound();
  return { round, listing: listing as StoredListing };
}

/** Every id must be a university or institute (400 otherwise). */
async function requireSchools(ids: string[]) {
  const orgs = await Promise.all(ids.map(getOrganisation));
  // Only verified universities and institutes act as schools (policy.ts `actsAsSchool`).
  const notSchools = ids.filter((_, i) => !orgs[i] || !actsAsSchool(orgs[i]!));
  if (notSchools.length > 0) {
    throw new AppError(
      "validation_failed",
      "Chỉ chọn được các trường.",
      notSchools.map((id) => ({ path: "universityIds", message: `${id} không phải là trường.` })),
    );
  }
}

const visibility =
  "Only the school's staff and its students know a round exists: anyone else gets 404. Staff see every " +
  "assignment and the audit record; a student sees only their own choices and outcome.";

/** Placement rounds: a school places its students on listings with student-proposing deferred acceptance. */
export const placementRoutes = new Hono<AppEnv>()
  .get(
    "/",
    route({
      tags: ["Placement"],
      summary: "Rounds of the caller's school: staff see their schools' rounds, students their own school's",
      auth: true,
      ok: { 200: { description: "Rounds", schema: PlacementRoundListSchema } },
    }),
    async (c) => {
      const principal = requirePrincipal(c);
      if (principal.role === "student") {
        const profile = await getStudentProfile(principal.userId);
        const school = profile ? confirmedSchoolOf(profile) : undefined;
        if (!school) return c.json({ items: [] });
        const provinceWide = (await listRounds(provinceOwner)).filter((r) => eligibleUniversities(r).includes(school));
        const rounds = [...(await listRounds(school)), ...provinceWide];
        const items = await Promise.all(
          rounds.map((r) => roundView(r, { kind: "student", studentId: principal.userId })),
        );
        return c.json({ items });
      }
      const owners = [...principal.memberships.map((m) => m.orgId), provinceOwner];
      const owned = (
        await Promise.all(owners.map(async (id) => ((await ownsRound(principal, id)) ? id : undefined)))
      ).filter((id): id is string => id !== undefined);
      if (owned.length === 0) throw new AppError("forbidden");
      const rounds = (await Promise.all(owned.map(listRounds))).flat();
      return c.json({ items: await Promise.all(rounds.map((r) => roundView(r, { kind: "owner" }))) });
    },
  )
  .post(
    "/",
    route({
      tags: ["Placement"],
      summary: "Open a placement round for the caller's school (its staff), or across universities (the province)",
      description:
        "`universityId`: a school's round, for its staff. `universityIds`: a province-wide round, for province " +
        "officers; its students are those of the chosen universities who have a profile. Every listing must be " +
        "published. The tie-break seed is drawn now and kept with the round.",
      auth: true,
      body: true,
      ok: { 201: { description: "Opened", schema: PlacementRoundSchema } },
    }),
    validate("json", PlacementRoundCreateSchema),
    async (c) => {
      const input = c.req.valid("json");
      const { userId } =
        "universityIds" in input
          ? enforce(c, "placement:manageProvince")
          : enforce(
              c,
              "placement:manage",
              schoolResource(input.universityId, await getOrganisation(input.universityId)),
            );
      if ("universityIds" in input) await requireSchools(input.universityIds);
      refuseProblems(roundDeadlineProblems(input, new Date()));
      const round = await createRound(input, userId);
      return c.json(await roundView(round, { kind: "owner" }), 201);
    },
  )
  .get(
    "/:id",
    route({
      tags: ["Placement"],
      summary: "One round, with the result the caller may see and what the round guarantees (vi, en)",
      description: visibility,
      auth: true,
      ok: { 200: { description: "The round", schema: PlacementRoundSchema } },
      errors: [400, 404],
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
    route({
      tags: ["Placement"],
      summary: "Rank listings of a round, best first (students of the round's school)",
      description: `409 \`round_closed\` after the deadline or once the round has run. ${visibility}`,
      auth: true,
      body: true,
      ok: { 200: { description: "The round as the student sees it", schema: PlacementRoundSchema } },
      errors: [404, 409],
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
    route({
      tags: ["Placement"],
      summary: "Run the round (its school's staff): idempotent and audited",
      description:
        "Student-proposing deferred acceptance with capacities; organisations' rankings default to the automatic " +
        "ranking by match score. The same inputs give the same result and hashes (see the audit record); running " +
        "closes the preferences. Once the round has a result, running again keeps it (with its answers and " +
        "re-offers) and only logs the run. 409 `version_conflict` if the round changed meanwhile. Before the " +
        'ranking deadline it waits: 400 naming `confirmEarly` unless the body is `{ "confirmEarly": true }`.',
      auth: true,
      body: true,
      ok: { 200: { description: "The placed round", schema: PlacementRoundSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", PlacementRunSchema),
    async (c) => {
      const round = await ownedRound(c, c.req.valid("param").id);
      const { confirmEarly = false } = c.req.valid("json");
      // A run that already happened is only logged again: the deadline no longer matters then.
      if (!round.result && runTooEarly(round, new Date(), confirmEarly)) {
        refuseProblems([
          {
            path: "confirmEarly",
            message: "Hạn xếp nguyện vọng chưa đến: xác nhận chạy sớm (sinh viên chưa xếp sẽ mất lượt).",
          },
        ]);
      }
      return c.json(await roundView(await runRound(round, requirePrincipal(c).userId), { kind: "owner" }));
    },
  )
  .post(
    "/:id/reoffer",
    route({
      tags: ["Placement"],
      summary: "Offer declined seats onwards (the round's owner): re-runs the round without those who declined",
      description:
        "No body. Students who declined are removed, students who confirmed keep their seat (one seat of their " +
        "listing is taken out), everyone else takes part again with their own choices, the organisations' rankings " +
        "and the round's tie-break seed. Every student who did not decline ends up with a seat at least as good as " +
        "before; only students who have not answered can move; the result is stable among the students still in " +
        "the market. Students whose seat is new or changed get a notification. With no new decline the result is " +
        "kept and the re-offer only logged. 409 `round_not_run` before the round has run. Same access as run.",
      auth: true,
      ok: { 200: { description: "The round after the re-offer", schema: PlacementRoundSchema } },
      errors: [400, 404, 409],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const round = await ownedRound(c, c.req.valid("param").id);
      return c.json(await roundView(await reofferSeats(round, requirePrincipal(c).userId), { kind: "owner" }));
    },
  )
  .post(
    "/:id/response",
    route({
      tags: ["Placement"],
      summary: "Confirm or decline one's assignment once the round has run (the assigned student, once)",
      description:
        "409 `not_assigned` when the round has not run or gave the caller no seat; 409 `already_responded` on a " +
        `second answer. The school's staff see each assignment's answer. ${visibility}`,
      auth: true,
      body: true,
      ok: { 200: { description: "The round as the student sees it", schema: PlacementRoundSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", PlacementResponseSchema),
    async (c) => {
      const principal = requirePrincipal(c);
      const round = await existingRound(c.req.valid("param").id);
      if (await ownsRound(principal, round.universityId)) {
        throw new AppError("forbidden", "Chỉ sinh viên được phân bổ mới trả lời được.");
      }
      const studentId = await participant(c, round);
      await respondToAssignment(round, studentId, c.req.valid("json").decision, new Date());
      return c.json(await roundView(round, { kind: "student", studentId }));
    },
  )
  .get(
    "/:id/listings/:listingId/ranking",
    route({
      tags: ["Placement"],
      summary: "The students who chose a listing in a round, as the run will rank them (its organisation's members)",
      description:
        "Pseudonymous: a per-listing candidate id and label and the match score, best first: the automatic ranking " +
        "by score, or the organisation's edited order where it has one. Anyone but the listing's organisation gets 404.",
      auth: true,
      ok: { 200: { description: "The ranking", schema: PlacementRankingSchema } },
      errors: [400, 404],
    }),
    validate("param", RoundListingParamSchema),
    async (c) => {
      const { id, listingId } = c.req.valid("param");
      const { round, listing } = await rankedListing(c, id, listingId);
      return c.json(await rankingView(round, listing));
    },
  )
  .put(
    "/:id/listings/:listingId/ranking",
    route({
      tags: ["Placement"],
      summary: "Edit a listing's ranking before the round runs (its organisation's members)",
      description:
        "`order`: candidate ids, best first; each must have chosen the listing (400). Candidates left out, and " +
        "students who choose the listing later, follow in the automatic order. 409 `round_closed` once run; " +
        "409 `version_conflict` if the round changed meanwhile.",
      auth: true,
      body: true,
      ok: { 200: { description: "The ranking the run will use", schema: PlacementRankingSchema } },
      errors: [404, 409],
    }),
    validate("param", RoundListingParamSchema),
    validate("json", PlacementRankingEditSchema),
    async (c) => {
      const { id, listingId } = c.req.valid("param");
      const { round, listing } = await rankedListing(c, id, listingId);
      const saved = await saveRanking(round, listing, c.req.valid("json").order, new Date());
      return c.json(await rankingView(saved, listing));
    },
  );
