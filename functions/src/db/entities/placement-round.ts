import { Entity, type EntityConfiguration } from "electrodb";
import { placementRoundModel } from "../models/placement-round";

export * from "../models/placement-round";

/** ElectroDB's entity over `placementRoundModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const placementRoundEntity = (config: EntityConfiguration) => new Entity(placementRoundModel, config);
export type PlacementRoundEntity = ReturnType<typeof placementRoundEntity>;
