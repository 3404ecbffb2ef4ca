import { Entity, type EntityConfiguration } from "electrodb";
import { searchAlertModel } from "../models/search-alert";

export * from "../models/search-alert";

/** ElectroDB's entity over `searchAlertModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const searchAlertEntity = (config: EntityConfiguration) => new Entity(searchAlertModel, config);
export type SearchAlertEntity = ReturnType<typeof searchAlertEntity>;
