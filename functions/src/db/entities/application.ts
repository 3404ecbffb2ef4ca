import { Entity, type EntityConfiguration } from "electrodb";
import { applicationModel } from "../models/application";

export * from "../models/application";

/** ElectroDB's entity over `applicationModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const applicationEntity = (config: EntityConfiguration) => new Entity(applicationModel, config);
export type ApplicationEntity = ReturnType<typeof applicationEntity>;
