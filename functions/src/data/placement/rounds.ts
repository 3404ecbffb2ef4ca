import { randomBytes, randomUUID } from "node:crypto";
import {
  type Assignment,
  applyEditedOrder,
  automaticRankingOrder,
  checkPlacement,
  confirmedSchoolOf,
  type IndexedPlacementInput,
  type IndexedRankingEntry,
  type PlacementAudit,
  type PlacementInput,
  type PlacementResponse,
  type PlacementRoundCreate,
  type PlacementRoundView,
  placementGuaranteesText,
  placementInputOf,
  type RankingEntry,
  runIndexedPlacementRound,
  type StudentProfile,
  withTiesBroken,
} from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { PlacementPreferenceEntity } from "../../db/entities/placement-preference";
import type { PlacementRoundEntity } from "../../db/entities/placement-round";
import type { PlacementRoundOrgEntity } from "../../db/entities/placement-round-org";
import type { StudentEntity } from "../../db/entities/student";
import { type Condition, liteEntity } from "../../db/lite";
import { transactWrite } from "../../db/lite-transact";
import { liteWrites, send, whereEquals } from "../../db/lite-writes";
import { placementPreferenceModel } from "../../db/models/placement-preference";
import { placementRoundModel } from "../../db/models/placement-round";
import { placementRoundOrgModel } from "../../db/models/placement-round-org";
import { studentModel } from "../../db/models/student";
import { AppError } from "../../http/errors";
import { listingCards } from "../applicants";
import { guard } from "../guard";
import { getListing, type StoredListing } from "../listings";
import { candidateIdOf } from "../matching";
import { transactWithRetry } from "../transact";
import { indexedPlacementInput } from "./input";
import { editedRankings, erasedPrefix, getRound, type StoredRound } from "./round-reads";

// Erasure (the account group's function, without ElectroDB) reads rounds through round-reads.ts; re-exported here.
export { editedRankings, erasedPrefix, getRound, type StoredRound } from "./round-reads";

// Over the lite data path (db/lite.ts, issue 14): rounds, their links and preferences are read and written in
// ElectroDB's stored format, under the same conditions and transactions, without ElectroDB.
const rounds = liteEntity<PlacementRoundEntity>(placementRoundModel);
const roundWrites = liteWrites<PlacementRoundEntity>(placementRoundModel);
const roundOrgWrites = liteWrites<PlacementRoundOrgEntity>(placementRoundOrgModel);
const preferences = liteEntity<PlacementPreferenceEntity>(placementPreferenceModel);
const preferenceWrites = liteWrites<PlacementPreferenceEntity>(placementPreferenceModel);
const studentReads = liteEntity<StudentEntity>(studentModel);

/**
 * One run or re-offer of a round, kept so that anyone can see when it was run, by whom, on which inputs (for a
 * re-offer: the reduced market it ran on).
 */
export interface RunRecord {
  at: string;
  by: string;
  /** Absent on records written before re-offers existed: a run. */
  kind?: "run" | "reoffer";
  inputsHash: string;
  resultHash: string;
}

/** What a run (and each re-offer) stores on the round. */
export interface RoundResult {
  runAt: string;
  /** The current seats: after a re-offer, confirmed seats kept and the rest re-placed. */
  assignments: Assignment[];
  /** Students without a seat, those who declined theirs included (assignments + unassigned = the round's students). */
  unassigned: string[];
  /** The last engine run's audit record (for a re-offer, of the reduced market it ran on). */
  audit: PlacementAudit;
  stable: boolean;
  runs: RunRecord[];
  /**
   * The inputs the run placed students on, ties broken by the seeded rule (`keptInput`). Re-offers re-run these
   * rather than rebuild them (automatic rankings follow profiles, which change). Never sent to anyone.
   */
  input?: KeptInput;
  /** Seats turned down, in the order they were declined; each was offered onwards by a re-offer. */
  declined?: Assignment[];
}

/**
 * A round's inputs as kept with its result: every id once, choices and rankings as positions in `students` and
 * `listings`, so the record grows by a few bytes per choice rather than an id (a round is one DynamoDB item).
 */
export interface KeptInput {
  seed: string;
  students: string[];
  listings: Array<{ id: string; capacity: number; ranking: number[] }>;
  /** Each student's choices, best first, as positions in `listings`. */
  choices: number[][];
}

/** The inputs to keep with a result; ties are broken first, so the kept rankings no longer depend on the ids. */
export function keptInput(input: PlacementInput): KeptInput {
  const strict = withTiesBroken(input);
  const studentAt = new Map(strict.students.map((s, i) => [s.id, i]));
  const listingAt = new Map(strict.listings.map((l, i) => [l.id, i]));
  return {
    seed: strict.seed,
    students: strict.students.map((s) => s.id),
    listings: strict.listings.map((l) => ({
      id: l.id,
      capacity: l.capacity,
      ranking: l.ranking.map((id) => studentAt.get(id as string)!),
    })),
    choices: strict.students.map((s) => s.choices.map((id) => listingAt.get(id)!)),
  };
}

/** The engine's input from kept inputs. */
export function inputFromKept(kept: KeptInput): PlacementInput {
  return {
    seed: kept.seed,
    students: kept.students.map((id, i) => ({ id, choices: kept.choices[i]!.map((l) => kept.listings[l]!.id) })),
    listings: kept.listings.map((l) => ({ ...l, ranking: l.ranking.map((s) => kept.students[s]!) })),
  };
}

/** The owner key of province-wide rounds in place of a school's id (the province officers own them together). */
export const provinceOwner = "province";

export const isErasedToken = (id: string) => id.startsWith(erasedPrefix);

/** The universities whose students take part in a round. */
export const eligibleUniversities = (round: StoredRound): string[] => round.universityIds ?? [round.universityId];

const roundClosed = () => new AppError("round_closed");

/**
 * The most organisations one round's listings may come from: a round is written with one link per organisation
 * in a single TransactWriteItems, which takes at most 100 items.
 */
const maxRoundOrganisations = 99;

/** The round's listings by organisation (listings in the round's order). */
function listingsByOrganisation(listings: readonly StoredListing[]): Map<string, string[]> {
  const byOrg = new Map<string, string[]>();
  for (const listing of listings) byOrg.set(listing.orgId, [...(byOrg.get(listing.orgId) ?? []), listing.id]);
  return byOrg;
}

/**
 * Opens a round for a school's students, or a province-wide one for the chosen universities' students. Every
 * participating listing must exist and be published. The seed that orders tied students is drawn now and kept with
 * the round, so every later run uses the same one. The round is written together with one `placementRoundOrg` link
 * per organisation whose listings it includes (one transaction: an organisation finds every round it is in, and
 * no link names a round that does not exist); hence at most `maxRoundOrganisations` organisations (400 otherwise).
 */
export async function createRound(input: PlacementRoundCreate, createdBy: string): Promise<StoredRound> {
  const listings = await Promise.all(input.listings.map((l) => getListing(l.listingId)));
  const missing = input.listings.filter((_, i) => listings[i]?.status !== "published").map((l) => l.listingId);
  if (missing.length > 0) {
    throw new AppError(
      "validation_failed",
      "Có tin không tồn tại hoặc chưa đăng.",
      missing.map((id) => ({ path: "listings", message: `Tin ${id} không tồn tại hoặc chưa đăng.` })),
    );
  }
  const byOrg = listingsByOrganisation(listings as StoredListing[]);
  if (byOrg.size > maxRoundOrganisations) {
    throw new AppError("validation_failed", "Đợt phân bổ có tin của quá nhiều tổ chức.", [
      {
        path: "listings",
        message: `Các tin của một đợt chỉ được thuộc tối đa ${maxRoundOrganisations} tổ chức (đang có ${byOrg.size}).`,
      },
    ]);
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
  const failed = await transactWithRetry(() =>
    transactWrite([
      roundWrites.create(item),
      ...[...byOrg].map(([orgId, listingIds]) =>
        roundOrgWrites.create({ orgId, roundId: item.roundId, createdAt: now, listingIds }),
      ),
    ]),
  );
  // A random id already taken: never expected, and never to be overwritten.
  if (failed !== -1) throw new Error(`placement round ${item.roundId}: item ${failed} already exists`);
  return item as StoredRound;
}

/** A school's rounds, newest first. */
export async function listRounds(universityId: string): Promise<StoredRound[]> {
  return guard(() => rounds.query("byUniversity", { universityId }, { order: "desc" }));
}

type StoredPreference = EntityItem<PlacementPreferenceEntity>;

/** A student's record in a round (undefined when they have not ranked yet). */
async function getPreference(roundId: string, studentId: string): Promise<StoredPreference | undefined> {
  return guard(() => preferences.get({ roundId, studentId }, { consistent: true }));
}

/** A student's choices in a round (empty when they have not ranked yet). */
export async function getPreferences(roundId: string, studentId: string): Promise<string[]> {
  return (await getPreference(roundId, studentId))?.choices ?? [];
}

/**
 * Records the assigned student's answer to their seat, once: 409 `not_assigned` when the round has not run or gave
 * them nothing, 409 `already_responded` on a second answer (the condition makes two racing answers keep the first).
 * The answer is written only if the result is still the one read (the round's `version`), and counts on the round
 * (`answers`), so a re-offer running at the same moment either sees it or fails and starts again: nobody answers a
 * seat they no longer hold, and nobody who answered is moved. 409 `version_conflict` when a re-offer just moved the
 * student (they should look at their new seat first).
 */
export async function respondToAssignment(
  round: StoredRound,
  studentId: string,
  decision: PlacementResponse["decision"],
  now: Date,
): Promise<void> {
  const seen = assignmentOf(round, studentId);
  if (!seen) {
    throw new AppError("not_assigned");
  }
  for (let attempt = 1; ; attempt++) {
    const sameVersion = whereEquals(placementRoundModel, { version: round.version });
    const failed = await transactWithRetry(() =>
      transactWrite([
        roundWrites.patch({ roundId: round.roundId }, { add: { answers: 1 } }, sameVersion),
        preferenceWrites.patch(
          { roundId: round.roundId, studentId },
          { set: { response: { decision, at: now.toISOString() }, updatedAt: now.toISOString() } },
          { expression: "attribute_not_exists(#c0)", names: { "#c0": "response" } },
        ),
      ]),
    );
    if (failed === -1) return;
    if (failed === 1) throw new AppError("already_responded");
    // The round changed since it was read (a run logged, a re-offer, an erasure): answer again if the seat did not.
    const fresh = await getRound(round.roundId);
    if (!fresh || assignmentOf(fresh, studentId)?.listingId !== seen.listingId || attempt >= 5) {
      throw new AppError(
        "version_conflict",
        "Chỗ được phân bổ cho bạn vừa thay đổi; hãy tải lại trang để xem chỗ mới rồi trả lời.",
      );
    }
    round = fresh;
  }
}

/** The student's current seat in a round, if it has run and gave them one. */
function assignmentOf(round: StoredRound, studentId: string): Assignment | undefined {
  return (round.result as RoundResult | undefined)?.assignments.find((a) => a.studentId === studentId);
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
      "Chỉ được chọn các tin của đợt phân bổ này.",
      unknown.map((id) => ({ path: "choices", message: `Tin ${id} không thuộc đợt này.` })),
    );
  }
  await guard(() =>
    send(preferenceWrites.put({ roundId: round.roundId, studentId, choices, updatedAt: now.toISOString() })),
  );
  return choices;
}

/**
 * The students of a round: those of the school who ranked at least one listing, in id order, with their profiles.
 * Sorted by id so the same stored data always gives the same input, whatever order DynamoDB returns it in.
 */
export async function roundStudents(round: StoredRound) {
  const stored = await guard(() => preferences.query("byRound", { roundId: round.roundId }, { consistent: true }));
  const ranked = stored.filter((p) => p.choices.length > 0);
  const profiles = ranked.length
    ? await guard(() => studentReads.batchGet(ranked.map((p) => ({ userId: p.studentId }))))
    : [];
  const profileOf = new Map((profiles as StudentProfile[]).map((p) => [p.userId, p]));
  const students = ranked
    .filter((p) => {
      // Confirmed enrolments only: a student who merely declared the school is not its student here.
      const profile = profileOf.get(p.studentId);
      return eligibleUniversities(round).includes((profile && confirmedSchoolOf(profile)) ?? "");
    })
    .map((p) => ({ id: p.studentId, choices: p.choices, profile: profileOf.get(p.studentId)! }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return students;
}

/**
 * A listing's ranking of the students who chose it: the automatic ranking by match score, with the organisation's
 * edited order (candidate ids, see `candidateIdOf`) put first where it has one.
 */
export function listingRanking(
  round: StoredRound,
  listing: StoredListing,
  applicants: StudentProfile[],
): RankingEntry[] {
  return listingRankingOrder(round, listing, applicants).map((entry) =>
    typeof entry === "number" ? applicants[entry]!.userId : entry.map((i) => applicants[i]!.userId),
  );
}

/** `listingRanking` as positions in `applicants`, for the engine's integer input. */
function listingRankingOrder(
  round: StoredRound,
  listing: StoredListing,
  applicants: StudentProfile[],
): IndexedRankingEntry[] {
  const automatic = automaticRankingOrder(listing, applicants);
  const edited = editedRankings(round)[listing.id];
  if (!edited) return automatic;
  // Only edited listings look candidate ids up, among their own applicants.
  const positionOf = new Map(applicants.map((s, i) => [candidateIdOf(listing.id, s.userId), i]));
  return applyEditedOrder(
    automatic,
    edited.flatMap((candidateId) => positionOf.get(candidateId) ?? []),
  );
}

/**
 * The engine's input for a round, with integer ids (`indexedPlacementInput`): its students in id order, and each
 * listing's ranking (automatic, or as its organisation edited it) of the students who chose it.
 */
export async function indexedRoundInput(round: StoredRound): Promise<IndexedPlacementInput> {
  const [ranked, stored] = await Promise.all([
    roundStudents(round),
    Promise.all(round.listings.map(({ listingId }) => getListing(listingId))),
  ]);
  return indexedPlacementInput({ seed: round.seed, students: ranked, listings: round.listings }, (l, applicants) => {
    const listing = stored[l];
    return listing
      ? listingRankingOrder(
          round,
          listing,
          Array.from(applicants, (s) => ranked[s]!.profile),
        )
      : [];
  });
}

/** The engine's input for a round with string ids (what `indexedRoundInput` builds, ids written out). */
export async function placementInput(round: StoredRound): Promise<PlacementInput> {
  return placementInputOf(await indexedRoundInput(round));
}

/**
 * Runs a round: builds its input from the stored preferences, runs deferred acceptance, checks the result
 * independently (`checkPlacement`) and stores it with its audit record and the inputs it placed on (ties broken),
 * which later re-offers re-run. Running closes the preferences. Once a round has a result, running again keeps it
 * (and every answer and re-offer since) and only logs the run with the inputs hash it computed: the published
 * result never changes under students who may already have answered.
 */
export async function runRound(round: StoredRound, by: string): Promise<StoredRound> {
  const indexed = await indexedRoundInput(round);
  const outcome = await runIndexedPlacementRound(indexed);
  const previous = round.result as RoundResult | undefined;
  const now = new Date().toISOString();
  const run: RunRecord = {
    at: now,
    by,
    kind: "run",
    inputsHash: outcome.audit.inputsHash,
    resultHash: previous?.audit.resultHash ?? outcome.audit.resultHash,
  };
  const result: RoundResult = previous
    ? { ...previous, runs: [...previous.runs, run] }
    : resultOf(placementInputOf(indexed), outcome, now, run);
  return saveResult(round, result, now, { answersUnchanged: false });
}

/** A first run's result: checked independently, with the inputs it placed on. */
function resultOf(
  input: PlacementInput,
  outcome: Awaited<ReturnType<typeof runIndexedPlacementRound>>,
  now: string,
  run: RunRecord,
): RoundResult {
  return {
    runAt: now,
    assignments: outcome.assignments,
    unassigned: outcome.unassigned,
    audit: outcome.audit,
    stable: checkPlacement(input, outcome.assignments).valid,
    runs: [run],
    input: keptInput(input),
  };
}

/**
 * The most a stored result may take: a round is one DynamoDB item (400 KB at most), which also holds the round's
 * listings, rankings and keys. Roughly 3,000 students fit; a larger round is refused rather than half-written.
 */
export const maxResultBytes = 350_000;

/** 409 `round_too_large` when the result would not fit in the round's item. */
export function assertStorable(result: RoundResult): void {
  const bytes = Buffer.byteLength(JSON.stringify(result));
  if (bytes > maxResultBytes) {
    throw new AppError(
      "round_too_large",
      `Kết quả đợt phân bổ quá lớn để lưu (${Math.ceil(bytes / 1000)} kB, tối đa ${maxResultBytes / 1000} kB). ` +
        "Hãy chia thành các đợt nhỏ hơn, ví dụ theo trường hoặc theo ngành.",
    );
  }
}

/**
 * Writes a round's result if the round is still as read (same `version`; 409 `version_conflict` otherwise) and,
 * with `answersUnchanged`, if no answer was given since it was read either (answers do not change the version).
 */
export async function saveResult(
  round: StoredRound,
  result: RoundResult,
  now: string,
  { answersUnchanged }: { answersUnchanged: boolean },
): Promise<StoredRound> {
  assertStorable(result);
  const unchanged: Condition = {
    expression: "#c0 = :c0",
    names: { "#c0": "version" },
    values: { ":c0": round.version },
  };
  if (answersUnchanged) {
    unchanged.names!["#c1"] = "answers";
    if (round.answers === undefined) unchanged.expression += " AND attribute_not_exists(#c1)";
    else {
      unchanged.expression += " AND #c1 = :c1";
      unchanged.values![":c1"] = round.answers;
    }
  }
  const data = await guard(() =>
    send(
      roundWrites.patch(
        { roundId: round.roundId },
        { set: { status: "placed", result, updatedAt: now }, add: { version: 1 } },
        unchanged,
      ),
      { returnNew: placementRoundModel },
    ),
  );
  return data as StoredRound;
}

type AssignmentResponse = NonNullable<StoredPreference["response"]>;

/** The answers given so far in a round, by student. */
export async function roundResponses(roundId: string): Promise<Map<string, AssignmentResponse>> {
  const data = await guard(() => preferences.query("byRound", { roundId }, { consistent: true }));
  return new Map(data.flatMap((p) => (p.response ? [[p.studentId, p.response] as const] : [])));
}

const withResponse = (assignment: Assignment, response: AssignmentResponse | undefined) =>
  response ? { ...assignment, response } : assignment;

/**
 * A round as a reader may see it: the owner gets every assignment and the audit; a student only their own
 * choices and outcome. Both get the listings of the round and the guarantees text.
 */
/**
 * The names of a round's students, for its owner only (the school's staff know their students; the province runs
 * the round): read from the profiles now, so an erased profile gives no name and the page falls back to the id.
 */
async function studentNames(studentIds: readonly string[]): Promise<Record<string, string>> {
  const ids = [...new Set(studentIds)];
  if (ids.length === 0) return {};
  const data = await guard(() => studentReads.batchGet(ids.map((userId) => ({ userId }))));
  return Object.fromEntries(data.filter((p) => p.fullName).map((p) => [p.userId, p.fullName]));
}

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
    const responses = await roundResponses(round.roundId);
    const answered = (a: Assignment) => withResponse(a, responses.get(a.studentId));
    // Named fields only: the kept inputs (every ranking) and the run log stay on the server.
    view.result = {
      runAt: result.runAt,
      assignments: result.assignments.map(answered),
      unassigned: result.unassigned,
      audit: { ...result.audit, counts: { ...result.audit.counts } },
      stable: result.stable,
      ...(result.declined ? { declined: result.declined.map(answered) } : {}),
      names: await studentNames([
        ...result.assignments.map((a) => a.studentId),
        ...result.unassigned,
        ...(result.declined ?? []).map((a) => a.studentId),
      ]),
    };
  }
  if (viewer.kind === "student") {
    const preference = await getPreference(round.roundId, viewer.studentId);
    const choices = preference?.choices ?? [];
    // A student who declined keeps seeing the seat they turned down, with their answer.
    const placed = [...(result?.assignments ?? []), ...(result?.declined ?? [])].find(
      (a) => a.studentId === viewer.studentId,
    );
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
