import { Entity, type EntityConfiguration } from "electrodb";
import { retentionRunModel } from "../models/retention-run";

export * from "../models/retention-run";

/** ElectroDB's entity over `retentionRunModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const retentionRunEntity = (config: EntityConfiguration) => new Entity(retentionRunModel, config);
export type RetentionRunEntity = ReturnType<typeof retentionRunEntity>;
