import { setTimeout as sleep } from "node:timers/promises";
import { checkPlacement, reofferRound, withTiesBroken } from "@ketnoi/core";
import { AppError } from "../../http/errors";
import {
  getRound,
  inputFromKept,
  keptInput,
  placementInput,
  type RoundResult,
  roundResponses,
  type StoredRound,
  saveResult,
} from "./rounds";

const roundNotRun = () => new AppError("round_not_run", "Đợt phân bổ chưa chạy nên chưa có chỗ nào để mời lại.");

/**
 * Offers declined seats onwards: re-runs the round (core `reofferRound`) on the inputs the run placed on, without
 * the students who declined and with confirmed students kept on their seat, so every student who did not decline
 * ends up with a seat at least as good as before. Only unanswered students can move. Stores the new result with a
 * `reoffer` record in the run log and notifies each student whose seat is new or changed. With no new decline
 * since the stored result, the result is kept and the re-offer only logged (so repeating it changes nothing).
 * Concurrent re-offers, runs or answers: the write is conditioned on the round as read, and a loser starts again
 * from the stored round, so they end with one consistent result. 409 `round_not_run` before the round has run.
 */
export async function reofferSeats(round: StoredRound, by: string): Promise<StoredRound> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await reofferOnce(round, by);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "version_conflict") || attempt >= 8) throw error;
      await sleep(Math.random() * 15 * attempt);
      round = (await getRound(round.roundId)) ?? round;
    }
  }
}

async function reofferOnce(round: StoredRound, by: string): Promise<StoredRound> {
  const previous = round.result as RoundResult | undefined;
  if (!previous) throw roundNotRun();
  // Read after the round: an answer written since then changes `answers`, and saveResult refuses the write.
  const decisions = new Map([...(await roundResponses(round.roundId))].map(([id, r]) => [id, r.decision]));
  const now = new Date().toISOString();
  const declinedNow = previous.assignments.some((a) => decisions.get(a.studentId) === "declined");
  if (!declinedNow) {
    const { inputsHash, resultHash } = previous.audit;
    const logged = { at: now, by, kind: "reoffer" as const, inputsHash, resultHash };
    return saveResult(round, { ...previous, runs: [...previous.runs, logged] }, now, { answersUnchanged: true });
  }
  // Rounds run before the inputs were kept re-read them (their automatic rankings may have moved since).
  const input = previous.input ? inputFromKept(previous.input) : withTiesBroken(await placementInput(round));
  const next = await reofferRound(input, previous.assignments, decisions);
  const confirmed = new Set(next.confirmed.map((a) => a.studentId));
  const result: RoundResult = {
    ...previous,
    runAt: now,
    assignments: next.assignments,
    unassigned: next.unassigned,
    audit: next.audit,
    stable: checkPlacement(
      next.reducedInput,
      next.assignments.filter((a) => !confirmed.has(a.studentId)),
    ).valid,
    runs: [
      ...previous.runs,
      { at: now, by, kind: "reoffer", inputsHash: next.audit.inputsHash, resultHash: next.audit.resultHash },
    ],
    input: previous.input ?? keptInput(input),
    declined: [...(previous.declined ?? []), ...next.declined],
  };
  // Each student whose seat is new or changed is told by the stream consumer (effects/notices.ts).
  return saveResult(round, result, now, { answersUnchanged: true });
}
