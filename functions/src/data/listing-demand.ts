import type { ListingDemand } from "@ketnoi/core";
import type { ListingDemandEntity } from "../db/entities/listing-demand";
import { liteEntity } from "../db/lite";
import { listingDemandModel } from "../db/models/listing-demand";
import { guard } from "./guard";
import { refreshing } from "./refreshing";

// Read by recommendations, so over the lite data path (db/lite.ts): no ElectroDB in the read function (issue 14).
const counters = liteEntity<ListingDemandEntity>(listingDemandModel);

/** Changes to a listing's demand counters (either may be 0). */
export interface DemandDelta {
  applications: number;
  filled: number;
}

async function loadDemand(): Promise<Map<string, ListingDemand>> {
  const data = await guard(() => counters.query("byListing", {}));
  return new Map(data.map((d) => [d.listingId, { applications: d.applications ?? 0, filled: d.filled ?? 0 }]));
}

const demand = refreshing(loadDemand);

/**
 * Open applications and held positions of every listing, from the counters (one background Query every few
 * seconds, shared by all requests). A new Map object after each reload, so core's per-map layout cache is reused
 * between reloads and rebuilt after one.
 */
export function listingDemandMap(): Promise<Map<string, ListingDemand>> {
  return demand.get();
}

/** The counters a delta adds to (none when it changes nothing), for an ADD in the write's own transaction. */
export function demandAdds(delta: DemandDelta): Partial<DemandDelta> | undefined {
  const add = Object.fromEntries(Object.entries(delta).filter(([, n]) => n !== 0)) as Partial<DemandDelta>;
  return Object.keys(add).length === 0 ? undefined : add;
}

/** After a committed write, shows the change to this process's loaded demand at once. */
export function noteDemandChange(listingId: string, delta: DemandDelta): void {
  demand.patch((map) => {
    const before = map.get(listingId) ?? { applications: 0, filled: 0 };
    const next = new Map(map);
    next.set(listingId, {
      applications: before.applications + delta.applications,
      filled: (before.filled ?? 0) + delta.filled,
    });
    return next;
  });
}

/** Forgets the loaded demand (tests that write counters directly). */
export function forgetListingDemand(): void {
  demand.forget();
}
