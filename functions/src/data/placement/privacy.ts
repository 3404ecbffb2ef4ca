import { randomUUID } from "node:crypto";
import type { Assignment } from "@ketnoi/core";
import type { PlacementPreferenceEntity } from "../../db/entities/placement-preference";
import type { PlacementRoundEntity } from "../../db/entities/placement-round";
import { transactWrite } from "../../db/lite-transact";
import { liteWrites, whereEquals } from "../../db/lite-writes";
import { placementPreferenceModel } from "../../db/models/placement-preference";
import { placementRoundModel } from "../../db/models/placement-round";
import { AppError } from "../../http/errors";
import { candidateIdOf } from "../candidate-id";
import { transactWithRetry } from "../transact";
import { editedRankings, erasedPrefix, getRound, type StoredRound } from "./round-reads";
import type { RoundResult } from "./rounds";

// Erasure runs in the account group's function, over the lite data path (db/lite.ts, issue 14).
const roundWrites = liteWrites<PlacementRoundEntity>(placementRoundModel);
const preferenceWrites = liteWrites<PlacementPreferenceEntity>(placementPreferenceModel);

/** A student's record in a round, as the personal-data plan reads it. */
export type PreferenceItem = Record<string, unknown> & { roundId: string; studentId: string };

/** Where a student stands in a round, for their personal-data export. */
export interface PlacementOutcome {
  roundId: string;
  title: string;
  status: string;
  /** `not_run`: no result yet; `not_placed`: the run did not include them (no choice, or not eligible). */
  outcome: "not_run" | "assigned" | "declined" | "unassigned" | "not_placed";
  listingId?: string;
  choice?: number;
  runAt?: string;
}

/**
 * The student's outcome in each round they ranked: the seat they hold, the seat they declined, or none. Their
 * choices and answers are in their preference records (the `placementPreference` section).
 */
export async function placementOutcomesOf(studentId: string, roundIds: string[]): Promise<PlacementOutcome[]> {
  const rounds = await Promise.all([...new Set(roundIds)].map(getRound));
  return rounds.flatMap((round): PlacementOutcome[] => {
    if (!round) return [];
    const base = { roundId: round.roundId, title: round.title, status: round.status };
    const result = round.result as RoundResult | undefined;
    if (!result) return [{ ...base, outcome: "not_run" }];
    const held = result.assignments.find((a) => a.studentId === studentId);
    const declined = result.declined?.find((a) => a.studentId === studentId);
    const seat = held ?? declined;
    const outcome = held
      ? "assigned"
      : declined
        ? "declined"
        : result.unassigned.includes(studentId)
          ? "unassigned"
          : "not_placed";
    return [
      { ...base, outcome, runAt: result.runAt, ...(seat ? { listingId: seat.listingId, choice: seat.choice } : {}) },
    ];
  });
}

/** Whether the round's stored result names the student. */
function namedInResult(result: RoundResult | undefined, studentId: string): boolean {
  if (!result) return false;
  const inList = (as: readonly Assignment[] | undefined) => as?.some((a) => a.studentId === studentId) ?? false;
  return (
    inList(result.assignments) ||
    inList(result.declined) ||
    result.unassigned.includes(studentId) ||
    (result.input?.students.includes(studentId) ?? false)
  );
}

/** The result with `token` wherever it held the student's id (seats, lists, the kept inputs). */
function renamedResult(result: RoundResult, studentId: string, token: string): RoundResult {
  const rename = (id: string) => (id === studentId ? token : id);
  const seat = (a: Assignment) => ({ ...a, studentId: rename(a.studentId) });
  return {
    ...result,
    assignments: result.assignments.map(seat),
    unassigned: result.unassigned.map(rename),
    ...(result.declined ? { declined: result.declined.map(seat) } : {}),
    ...(result.input
      ? {
          input: { ...result.input, students: result.input.students.map(rename) },
        }
      : {}),
  };
}

/** The organisations' edited rankings without the student's per-listing candidate ids (undefined: none held). */
function rankingsWithout(round: StoredRound, studentId: string): Record<string, string[]> | undefined {
  const rankings = editedRankings(round);
  let changed = false;
  const kept = Object.fromEntries(
    Object.entries(rankings).map(([listingId, order]) => {
      const mine = candidateIdOf(listingId, studentId);
      if (order.includes(mine)) changed = true;
      return [listingId, order.filter((id) => id !== mine)];
    }),
  );
  return changed ? kept : undefined;
}

const changedMeanwhile = () => new AppError("version_conflict", "Dữ liệu vừa thay đổi; hãy gửi lại yêu cầu xóa.");

/**
 * Erases a student from placement rounds. A round that has not placed them yet simply loses their record (and
 * their candidate ids in organisations' edited rankings). In a round whose result names them, a random
 * `erased-…` token (one per round, so the round stays consistent and its counts exact, but nothing links it to the
 * person or to their other rounds) replaces their id everywhere the result keeps it, and their record moves to
 * the token with their choices and answer. An erased student who had not answered is recorded as declining, so a
 * re-offer passes their seat on and never gives a seat to nobody. Each round and record change together in one
 * transaction conditioned on the round's version, so an interrupted erasure resumes cleanly.
 */
export async function erasePlacementData(
  preferences: readonly PreferenceItem[],
  studentId: string,
  at: string,
): Promise<{ deleted: number; kept: number }> {
  let deleted = 0;
  let kept = 0;
  for (const preference of preferences) {
    const key = { roundId: preference.roundId, studentId };
    for (let attempt = 1; ; attempt++) {
      const round = await getRound(preference.roundId);
      const result = round?.result as RoundResult | undefined;
      const rankings = round && rankingsWithout(round, studentId);
      const pseudonymised = round && namedInResult(result, studentId);
      const token = `${erasedPrefix}${randomUUID()}`;
      const failed = await transactWithRetry(() =>
        transactWrite([
          ...(round && (rankings || pseudonymised)
            ? [
                roundWrites.patch(
                  { roundId: round.roundId },
                  {
                    set: {
                      ...(rankings ? { rankings } : {}),
                      ...(pseudonymised && result ? { result: renamedResult(result, studentId, token) } : {}),
                      updatedAt: at,
                    },
                    add: { version: 1 },
                  },
                  whereEquals(placementRoundModel, { version: round.version }),
                ),
              ]
            : []),
          preferenceWrites.delete(key),
          ...(pseudonymised
            ? [
                preferenceWrites.create({
                  roundId: preference.roundId,
                  studentId: token,
                  choices: preference.choices as string[],
                  updatedAt: at,
                  response: (preference.response as { decision: "confirmed" | "declined"; at: string }) ?? {
                    decision: "declined",
                    at,
                  },
                }),
              ]
            : []),
        ]),
      );
      if (failed === -1) {
        if (pseudonymised) kept++;
        else deleted++;
        break;
      }
      // The round moved on (a run, a re-offer, another erasure) since it was read: read it again.
      if (attempt >= 5) throw changedMeanwhile();
    }
  }
  return { deleted, kept };
}
