import { Entity, type EntityConfiguration } from "electrodb";
import { placementPreferenceModel } from "../models/placement-preference";

export * from "../models/placement-preference";

/** ElectroDB's entity over `placementPreferenceModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const placementPreferenceEntity = (config: EntityConfiguration) => new Entity(placementPreferenceModel, config);
export type PlacementPreferenceEntity = ReturnType<typeof placementPreferenceEntity>;
