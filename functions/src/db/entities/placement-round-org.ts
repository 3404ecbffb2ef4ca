import { Entity, type EntityConfiguration } from "electrodb";
import { placementRoundOrgModel } from "../models/placement-round-org";

export * from "../models/placement-round-org";

/** ElectroDB's entity over `placementRoundOrgModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const placementRoundOrgEntity = (config: EntityConfiguration) => new Entity(placementRoundOrgModel, config);
export type PlacementRoundOrgEntity = ReturnType<typeof placementRoundOrgEntity>;
