import { randomBytes, randomUUID } from "node:crypto";
import {
  type Assignment,
  automaticRanking,
  checkPlacement,
  type PlacementAudit,
  type PlacementInput,
  type PlacementRoundCreate,
  type PlacementRoundView,
  placementGuaranteesText,
  runPlacementRound,
  type StudentProfile,
} from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { PlacementRoundEntity } from "../db/entities/placement-round";
import { db } from "../db/service";
import { AppError } from "../http/errors";
import { listingCards } from "./applicants";
import { guard } from "./guard";
import { getListing, type StoredListing } from "./listings";

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

const roundClosed = () =>
  new AppError("round_closed", 409, "Đợt phân bổ đã chạy hoặc đã quá hạn nộp nguyện vọng; không thể sửa nữa.");

/**
 * Opens a round for a school's students. Every participating listing must exist and be published. The seed that
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
    universityId: input.universityId,
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

/** A student's choices in a round (empty when they have not ranked yet). */
export async function getPreferences(roundId: string, studentId: string): Promise<string[]> {
  const { data } = await guard(() => db().entities.placementPreference.get({ roundId, studentId }).go());
  return data?.choices ?? [];
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
 * The engine's input for a round: students (of the school, who ranked at least one listing) in id order, and
 * each listing's automatic ranking by match score of the students who chose it. Sorted by id so the same stored
 * data always gives the same input, whatever order DynamoDB returns it in.
 */
export async function placementInput(round: StoredRound): Promise<PlacementInput> {
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
    .filter((p) => profileOf.get(p.studentId)?.universityId === round.universityId)
    .map((p) => ({ id: p.studentId, choices: p.choices }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const listings = await Promise.all(
    round.listings.map(async ({ listingId, capacity }) => {
      const listing = (await getListing(listingId)) as StoredListing;
      const applicants = students.filter((s) => s.choices.includes(listingId)).map((s) => profileOf.get(s.id)!);
      return { id: listingId, capacity, ranking: listing ? automaticRanking(listing, applicants) : [] };
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
    view.result = { ...published, audit: { ...published.audit, counts: { ...published.audit.counts } } };
  }
  if (viewer.kind === "student") {
    const choices = await getPreferences(round.roundId, viewer.studentId);
    const assignment = result?.assignments.find((a) => a.studentId === viewer.studentId);
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
