import { matchPoints, type PlacementRanking } from "@ketnoi/core";
import type { PlacementRoundEntity } from "../../db/entities/placement-round";
import { liteWrites, send, whereEquals } from "../../db/lite-writes";
import { placementRoundModel } from "../../db/models/placement-round";
import { AppError } from "../../http/errors";
import { pseudonym } from "../applicants";
import { guard } from "../guard";
import type { StoredListing } from "../listings";
import { candidateIdOf } from "../matching";
import { editedRankings, listingRanking, roundStudents, type StoredRound } from "./rounds";

// Over the lite data path (db/lite.ts, issue 14), as rounds.ts.
const roundWrites = liteWrites<PlacementRoundEntity>(placementRoundModel);

/** The profiles of the round's students who chose the listing. */
async function applicantsOf(round: StoredRound, listingId: string) {
  return (await roundStudents(round)).filter((s) => s.choices.includes(listingId)).map((s) => s.profile);
}

/**
 * A listing's ranking in a round as its organisation sees it: the students who chose it, best first, as the run
 * would order them (ties in the automatic order are listed by id; the run breaks them by the round's seed). No
 * name or account id: a per-listing candidate id and its pseudonym, and the match score.
 */
export async function rankingView(round: StoredRound, listing: StoredListing): Promise<PlacementRanking> {
  const applicants = await applicantsOf(round, listing.id);
  const byId = new Map(applicants.map((s) => [s.userId, s]));
  const items = listingRanking(round, listing, applicants)
    .flatMap((entry) => (typeof entry === "string" ? [entry] : [...entry].sort()))
    .map((studentId) => {
      const candidateId = candidateIdOf(listing.id, studentId);
      const score = Math.round(matchPoints(byId.get(studentId)!, listing) * 10) / 10;
      return { candidateId, label: pseudonym(candidateId), score };
    });
  return {
    listingId: listing.id,
    edited: editedRankings(round)[listing.id] !== undefined,
    editable: round.status === "open",
    items,
  };
}

/**
 * Saves the organisation's order of the listing's candidates before the round runs (409 `round_closed` after).
 * Every id must be a current candidate (400 otherwise); candidates left out follow in the automatic order. The
 * round's version guards against a run or another edit in between.
 */
export async function saveRanking(round: StoredRound, listing: StoredListing, order: string[], now: Date) {
  if (round.status !== "open") {
    throw new AppError("round_closed", "Đợt phân bổ đã chạy; không sửa thứ hạng được nữa.");
  }
  const current = new Set((await applicantsOf(round, listing.id)).map((s) => candidateIdOf(listing.id, s.userId)));
  const unknown = order.filter((id) => !current.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      "validation_failed",
      "Chỉ được xếp các ứng viên đã chọn tin này.",
      unknown.map((id) => ({ path: "order", message: `Ứng viên ${id} không chọn tin này.` })),
    );
  }
  const rankings = { ...editedRankings(round), [listing.id]: order };
  const data = await guard(() =>
    send(
      roundWrites.patch(
        { roundId: round.roundId },
        { set: { rankings, updatedAt: now.toISOString() }, add: { version: 1 } },
        whereEquals(placementRoundModel, { version: round.version, status: "open" }),
      ),
      { returnNew: placementRoundModel },
    ),
  );
  return data as StoredRound;
}
