import { Entity, type EntityConfiguration } from "electrodb";
import { targetModel, targetVersionModel } from "../models/target";

export * from "../models/target";

/** ElectroDB's entity over `targetModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const targetEntity = (config: EntityConfiguration) => new Entity(targetModel, config);
export type TargetEntity = ReturnType<typeof targetEntity>;

/** ElectroDB's entity over `targetVersionModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const targetVersionEntity = (config: EntityConfiguration) => new Entity(targetVersionModel, config);
export type TargetVersionEntity = ReturnType<typeof targetVersionEntity>;
