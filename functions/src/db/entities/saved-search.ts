import { Entity, type EntityConfiguration } from "electrodb";
import { savedSearchModel } from "../models/saved-search";

export * from "../models/saved-search";

/** ElectroDB's entity over `savedSearchModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const savedSearchEntity = (config: EntityConfiguration) => new Entity(savedSearchModel, config);
export type SavedSearchEntity = ReturnType<typeof savedSearchEntity>;
