import { randomBytes, randomUUID } from "node:crypto";
import {
  type Assignment,
  applyEditedOrder,
  automaticRanking,
  checkPlacement,
  type PlacementAudit,
  type PlacementInput,
  type PlacementResponse,
  type PlacementRoundCreate,
  type PlacementRoundView,
  placementGuaranteesText,
  type RankingEntry,
  runPlacementRound,
  type StudentProfile,
} from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { PlacementPreferenceEntity } from "../db/entities/placement-preference";
import type { PlacementRoundEntity } from "../db/entities/placement-round";
import { db } from "../db/service";
import { AppError } from "../http/errors";
import { listingCards } from "./applicants";
import { guard } from "./guard";
import { getListing, type StoredListing } from "./listings";
import { candidateIdOf } from "./matching";

export type StoredRound = EntityItem<typeof PlacementRoundEntity>;

/** One run of a round, kept so that anyone can see when it was run, by whom, on which inputs. */
interface RunRecord {
  at: string;
  by: string;
  inputsHash: string;
  resultHash: string;
}

/** What a run stores on the round. */
export interface RoundResult {
  runAt: string;
  assignments: Assignment[];
  unassigned: string[];
  audit: PlacementAudit;
  stable: boolean;
  runs: RunRecord[];
}

/** The owner key of province-wide rounds in place of a school's id (the province officers own them together). */
export const provinceOwner = "province";

/** The universities whose students take part in a round. */
export const eligibleUniversities = (round: StoredRound): string[] => round.universityIds ?? [round.universityId];

const roundClosed = () =>
  new AppError("round_closed", 409, "Đợt phân bổ đã chạy hoặc đã quá hạn nộp nguyện vọng; không thể sửa nữa.");

/**
 * Opens a round for a school's students, or a province-wide one for the chosen universities' students. Every participating listing must exist and be published. The seed that
 * orders tied students is drawn now and kept with the round, so every later run uses the same one.
 */
export async function createRound(input: PlacementRoundCreate, createdBy: string): Promise<StoredRound> {
  const listings = await Promise.all(input.listings.map((l) => getListing(l.listingId)));
  const missing = input.listings.filter((_, i) => listings[i]?.status !== "published").map((l) => l.listingId);
  if (missing.length > 0) {
    throw new AppError(
      "validation_failed",
      400,
      "Có tin không tồn tại hoặc chưa đăng.",
      missing.map((id) => ({ path: "listings", message: `Tin ${id} không tồn tại hoặc chưa đăng.` })),
    );
  }
  const now = new Date().toISOString();
  const item = {
    roundId: randomUUID(),
    ...("universityIds" in input
      ? { universityId: provinceOwner, universityIds: input.universityIds }
      : { universityId: input.universityId }),
    title: input.title,
    listings: input.listings,
    preferencesDeadline: input.preferencesDeadline,
    status: "open" as const,
    seed: randomBytes(16).toString("hex"),
    createdBy,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await guard(() => db().entities.placementRound.create(item).go());
  return item as StoredRound;
}

/** One round, or undefined. */
export async function getRound(roundId: string): Promise<StoredRound | undefined> {
  const { data } = await guard(() => db().entities.placementRound.get({ roundId }).go({ consistent: true }));
  return data ?? undefined;
}

/** A school's rounds, newest first. */
export async function listRounds(universityId: string): Promise<StoredRound[]> {
  const { data } = await guard(() =>
    db().entities.placementRound.query.byUniversity({ universityId }).go({ order: "desc", pages: "all" }),
  );
  return data;
}

type StoredPreference = EntityItem<typeof PlacementPreferenceEntity>;

/** A student's record in a round (undefined when they have not ranked yet). */
async function getPreference(roundId: string, studentId: string): Promise<StoredPreference | undefined> {
  const { data } = await guard(() =>
    db().entities.placementPreference.get({ roundId, studentId }).go({ consistent: true }),
  );
  return data ?? undefined;
}

/** A student's choices in a round (empty when they have not ranked yet). */
export async function getPreferences(roundId: string, studentId: string): Promise<string[]> {
  return (await getPreference(roundId, studentId))?.choices ?? [];
}

/**
 * Records the assigned student's answer to their seat, once: 409 `not_assigned` when the round has not run or gave
 * them nothing, 409 `already_responded` on a second answer (the condition makes two racing answers keep the first).
 */
export async function respondToAssignment(
  round: StoredRound,
  studentId: string,
  decision: PlacementResponse["decision"],
  now: Date,
): Promise<void> {
  const result = round.result as RoundResult | undefined;
  if (!result?.assignments.some((a) => a.studentId === studentId)) {
    throw new AppError(
      "not_assigned",
      409,
      "Bạn không được phân bổ chỗ nào trong đợt này nên không có gì để xác nhận.",
    );
  }
  const alreadyResponded = () =>
    new AppError("already_responded", 409, "Bạn đã trả lời về chỗ được phân bổ; không thể đổi nữa.");
  await guard(
    () =>
      db()
        .entities.placementPreference.patch({ roundId: round.roundId, studentId })
        .set({ response: { decision, at: now.toISOString() }, updatedAt: now.toISOString() })
        .where((a, op) => op.notExists(a.response))
        .go(),
    alreadyResponded,
  );
}

/**
 * Saves a student's ranking while the round is open and before its deadline. Every choice must be a listing of
 * the round (400 otherwise).
 */
export async function savePreferences(round: StoredRound, studentId: string, choices: string[], now: Date) {
  if (round.status !== "open" || now.toISOString() > round.preferencesDeadline) throw roundClosed();
  const inRound = new Set(round.listings.map((l) => l.listingId));
  const unknown = choices.filter((id) => !inRound.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      "validation_failed",
      400,
      "Chỉ được chọn các tin của đợt phân bổ này.",
      unknown.map((id) => ({ path: "choices", message: `Tin ${id} không thuộc đợt này.` })),
    );
  }
  await guard(() =>
    db()
      .entities.placementPreference.put({ roundId: round.roundId, studentId, choices, updatedAt: now.toISOString() })
      .go(),
  );
  return choices;
}

/**
 * The students of a round: those of the school who ranked at least one listing, in id order, with their profiles.
 * Sorted by id so the same stored data always gives the same input, whatever order DynamoDB returns it in.
 */
export async function roundStudents(round: StoredRound) {
  const { data: preferences } = await guard(() =>
    db().entities.placementPreference.query.byRound({ roundId: round.roundId }).go({ pages: "all", consistent: true }),
  );
  const ranked = preferences.filter((p) => p.choices.length > 0);
  const { data: profiles } = ranked.length
    ? await guard(() =>
        db()
          .entities.student.get(ranked.map((p) => ({ userId: p.studentId })))
          .go(),
      )
    : { data: [] };
  const profileOf = new Map((profiles as StudentProfile[]).map((p) => [p.userId, p]));
  const students = ranked
    .filter((p) => eligibleUniversities(round).includes(profileOf.get(p.studentId)?.universityId ?? ""))
    .map((p) => ({ id: p.studentId, choices: p.choices, profile: profileOf.get(p.studentId)! }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return students;
}

/** The round's edited rankings: listing id → the organisation's order of candidate ids. */
export const editedRankings = (round: StoredRound) => (round.rankings ?? {}) as Record<string, string[]>;

/**
 * A listing's ranking of the students who chose it: the automatic ranking by match score, with the organisation's
 * edited order (candidate ids, see `candidateIdOf`) put first where it has one.
 */
export function listingRanking(
  round: StoredRound,
  listing: StoredListing,
  applicants: StudentProfile[],
): RankingEntry[] {
  const automatic = automaticRanking(listing, applicants);
  const edited = editedRankings(round)[listing.id];
  if (!edited) return automatic;
  const studentOf = new Map(applicants.map((s) => [candidateIdOf(listing.id, s.userId), s.userId]));
  return applyEditedOrder(
    automatic,
    edited.flatMap((candidateId) => studentOf.get(candidateId) ?? []),
  );
}

/**
 * The engine's input for a round: its students in id order, and each listing's ranking (automatic, or as its
 * organisation edited it) of the students who chose it.
 */
export async function placementInput(round: StoredRound): Promise<PlacementInput> {
  const ranked = await roundStudents(round);
  const students = ranked.map(({ id, choices }) => ({ id, choices }));
  const listings = await Promise.all(
    round.listings.map(async ({ listingId, capacity }) => {
      const listing = await getListing(listingId);
      const applicants = ranked.filter((s) => s.choices.includes(listingId)).map((s) => s.profile);
      return { id: listingId, capacity, ranking: listing ? listingRanking(round, listing, applicants) : [] };
    }),
  );
  return { seed: round.seed, students, listings };
}

/**
 * Runs a round: builds its input from the stored preferences, runs deferred acceptance, checks the result
 * independently (`checkPlacement`) and stores it with its audit record. Idempotent: when the inputs hash equals
 * the stored one, the stored result is kept (only the run is logged), so the published result never changes
 * under the same inputs. Running closes the preferences.
 */
export async function runRound(round: StoredRound, by: string): Promise<StoredRound> {
  const input = await placementInput(round);
  const outcome = await runPlacementRound(input);
  const previous = round.result as RoundResult | undefined;
  const now = new Date().toISOString();
  const run: RunRecord = { at: now, by, inputsHash: outcome.audit.inputsHash, resultHash: outcome.audit.resultHash };
  const result: RoundResult =
    previous && previous.audit.inputsHash === outcome.audit.inputsHash
      ? { ...previous, runs: [...previous.runs, run] }
      : {
          runAt: now,
          assignments: outcome.assignments,
          unassigned: outcome.unassigned,
          audit: outcome.audit,
          stable: checkPlacement(input, outcome.assignments).valid,
          runs: [...(previous?.runs ?? []), run],
        };
  const { data } = await guard(() =>
    db()
      .entities.placementRound.patch({ roundId: round.roundId })
      .set({ status: "placed", result, updatedAt: now })
      .add({ version: 1 })
      .where((a, op) => op.eq(a.version, round.version))
      .go({ response: "all_new" }),
  );
  return data as StoredRound;
}

type AssignmentResponse = NonNullable<StoredPreference["response"]>;

/** The answers given so far in a round, by student. */
async function roundResponses(roundId: string): Promise<Map<string, AssignmentResponse>> {
  const { data } = await guard(() =>
    db().entities.placementPreference.query.byRound({ roundId }).go({ pages: "all", consistent: true }),
  );
  return new Map(data.flatMap((p) => (p.response ? [[p.studentId, p.response] as const] : [])));
}

const withResponse = (assignment: Assignment, response: AssignmentResponse | undefined) =>
  response ? { ...assignment, response } : assignment;

/**
 * A round as a reader may see it: the owner gets every assignment and the audit; a student only their own
 * choices and outcome. Both get the listings of the round and the guarantees text.
 */
export async function roundView(
  round: StoredRound,
  viewer: { kind: "owner" } | { kind: "student"; studentId: string },
): Promise<PlacementRoundView> {
  const cards = await listingCards(round.listings.map((l) => l.listingId));
  const result = round.result as RoundResult | undefined;
  const view: PlacementRoundView = {
    id: round.roundId,
    universityId: round.universityId,
    ...(round.universityIds ? { universityIds: round.universityIds } : {}),
    title: round.title,
    status: round.status,
    preferencesDeadline: round.preferencesDeadline,
    createdAt: round.createdAt,
    listings: round.listings.map((l) => ({
      ...l,
      title: cards.get(l.listingId)?.title ?? { vi: l.listingId },
      orgName: cards.get(l.listingId)?.orgName ?? "",
    })),
    guarantees: placementGuaranteesText,
  };
  if (viewer.kind === "owner" && result) {
    const { runs: _runs, ...published } = result;
    const responses = await roundResponses(round.roundId);
    view.result = {
      ...published,
      assignments: published.assignments.map((a) => withResponse(a, responses.get(a.studentId))),
      audit: { ...published.audit, counts: { ...published.audit.counts } },
    };
  }
  if (viewer.kind === "student") {
    const preference = await getPreference(round.roundId, viewer.studentId);
    const choices = preference?.choices ?? [];
    const placed = result?.assignments.find((a) => a.studentId === viewer.studentId);
    const assignment = placed && withResponse(placed, preference?.response);
    view.mine = {
      choices,
      ...(result && choices.length > 0
        ? { outcome: assignment ? ("assigned" as const) : ("unassigned" as const) }
        : {}),
      ...(assignment ? { assignment } : {}),
    };
  }
  return view;
}
