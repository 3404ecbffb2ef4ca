import type { EntityItem } from "electrodb";
import type { PlacementRoundEntity } from "../../db/entities/placement-round";
import { liteEntity } from "../../db/lite";
import { placementRoundModel } from "../../db/models/placement-round";
import { guard } from "../guard";

// What erasure reads of placement rounds, over the lite data path (db/lite.ts, issue 14): it runs in the account
// group's function, which carries no ElectroDB. data/placement/rounds.ts re-exports these.

export type StoredRound = EntityItem<PlacementRoundEntity>;

/** What stands in a round for a student who erased their account (see `erasePlacementData`). */
export const erasedPrefix = "erased-";

const rounds = liteEntity<PlacementRoundEntity>(placementRoundModel);

/** One round, or undefined. */
export async function getRound(roundId: string): Promise<StoredRound | undefined> {
  return guard(() => rounds.get({ roundId }, { consistent: true }));
}

/** The round's edited rankings: listing id → the organisation's order of candidate ids. */
export const editedRankings = (round: StoredRound) => (round.rankings ?? {}) as Record<string, string[]>;
