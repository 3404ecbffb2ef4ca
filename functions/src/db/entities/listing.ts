import { Entity, type EntityConfiguration } from "electrodb";
import { listingModel } from "../models/listing";

export * from "../models/listing";

/** ElectroDB's entity over `listingModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const listingEntity = (config: EntityConfiguration) => new Entity(listingModel, config);
export type ListingEntity = ReturnType<typeof listingEntity>;
