import { Entity, type EntityConfiguration } from "electrodb";
import { dashRollupModel } from "../models/rollup";

export * from "../models/rollup";

/** ElectroDB's entity over `dashRollupModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const dashRollupEntity = (config: EntityConfiguration) => new Entity(dashRollupModel, config);
export type DashRollupEntity = ReturnType<typeof dashRollupEntity>;
