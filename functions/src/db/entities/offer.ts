import { Entity, type EntityConfiguration } from "electrodb";
import { offerModel } from "../models/offer";

export * from "../models/offer";

/** ElectroDB's entity over `offerModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const offerEntity = (config: EntityConfiguration) => new Entity(offerModel, config);
export type OfferEntity = ReturnType<typeof offerEntity>;
