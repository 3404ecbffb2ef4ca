import { Entity, type EntityConfiguration } from "electrodb";
import { organisationModel } from "../models/organisation";

export * from "../models/organisation";

/** ElectroDB's entity over `organisationModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const organisationEntity = (config: EntityConfiguration) => new Entity(organisationModel, config);
export type OrganisationEntity = ReturnType<typeof organisationEntity>;
