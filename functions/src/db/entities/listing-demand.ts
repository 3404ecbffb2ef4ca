import { Entity, type EntityConfiguration } from "electrodb";
import { listingDemandModel } from "../models/listing-demand";

export * from "../models/listing-demand";

/** ElectroDB's entity over `listingDemandModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const listingDemandEntity = (config: EntityConfiguration) => new Entity(listingDemandModel, config);
export type ListingDemandEntity = ReturnType<typeof listingDemandEntity>;
