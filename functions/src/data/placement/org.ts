import type { OrgPlacementRound } from "@ketnoi/core";
import type { PlacementPreferenceEntity } from "../../db/entities/placement-preference";
import type { PlacementRoundEntity } from "../../db/entities/placement-round";
import type { PlacementRoundOrgEntity } from "../../db/entities/placement-round-org";
import { liteEntity } from "../../db/lite";
import { placementPreferenceModel } from "../../db/models/placement-preference";
import { placementRoundModel } from "../../db/models/placement-round";
import { placementRoundOrgModel } from "../../db/models/placement-round-org";
import { listingCards } from "../applicants";
import { guard } from "../guard";

// Over the lite data path (db/lite.ts, issue 14): the organisation group's functions carry no ElectroDB.
const rounds = liteEntity<PlacementRoundEntity>(placementRoundModel);
const preferences = liteEntity<PlacementPreferenceEntity>(placementPreferenceModel);
const roundOrgs = liteEntity<PlacementRoundOrgEntity>(placementRoundOrgModel);

/**
 * The parts of a round an organisation's list shows (a round's result can be large, and is not needed here): the
 * round's own item, read by its full table key with a projection (lite.ts `get` reads whole items).
 */
async function roundSummary(roundId: string) {
  const [data] = await guard(() =>
    rounds.query(
      "byId",
      { roundId },
      { count: 1, attributes: ["roundId", "title", "status", "preferencesDeadline", "listings", "rankings"] },
    ),
  );
  return data;
}

/** How many students chose each listing of a round (one Query of the round's preference records). */
async function applicantCounts(roundId: string): Promise<Map<string, number>> {
  const data = await guard(() => preferences.query("byRound", { roundId }, { attributes: ["choices"] }));
  const counts = new Map<string, number>();
  for (const { choices } of data) for (const id of choices ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/**
 * The placement rounds that include the organisation's listings, newest first, each with only the organisation's
 * own listings: seats, how many students chose the listing, and whether the organisation saved its own ranking.
 * Found through the organisation's `placementRoundOrg` links (one Query), then each round and its preference
 * records are read.
 */
export async function roundsOfOrganisation(orgId: string): Promise<OrgPlacementRound[]> {
  const links = await guard(() => roundOrgs.query("byOrg", { orgId }, { order: "desc" }));
  if (links.length === 0) return [];
  const [summaries, counts, cards] = await Promise.all([
    Promise.all(links.map((link) => roundSummary(link.roundId))),
    Promise.all(links.map((link) => applicantCounts(link.roundId))),
    listingCards(links.flatMap((link) => link.listingIds)),
  ]);
  return links.flatMap((link, i): OrgPlacementRound[] => {
    const round = summaries[i];
    // Written in one transaction with its links, a round is always there; the check narrows the type.
    if (!round) return [];
    const mine = new Set(link.listingIds);
    const edited = (round.rankings ?? {}) as Record<string, string[]>;
    return [
      {
        id: round.roundId,
        title: round.title,
        status: round.status,
        preferencesDeadline: round.preferencesDeadline,
        listings: round.listings
          .filter((l) => mine.has(l.listingId))
          .map((l) => ({
            listingId: l.listingId,
            title: cards.get(l.listingId)?.title ?? { vi: l.listingId },
            capacity: l.capacity,
            applicants: counts[i]!.get(l.listingId) ?? 0,
            edited: edited[l.listingId] !== undefined,
          })),
      },
    ];
  });
}
