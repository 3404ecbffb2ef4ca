import { Entity, type EntityConfiguration } from "electrodb";
import { dashCellModel, dashContributionModel, dashKeySecretModel } from "../models/aggregate";

export * from "../models/aggregate";

/** ElectroDB's entity over `dashCellModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const dashCellEntity = (config: EntityConfiguration) => new Entity(dashCellModel, config);
export type DashCellEntity = ReturnType<typeof dashCellEntity>;

/** ElectroDB's entity over `dashContributionModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const dashContributionEntity = (config: EntityConfiguration) => new Entity(dashContributionModel, config);
export type DashContributionEntity = ReturnType<typeof dashContributionEntity>;

/** ElectroDB's entity over `dashKeySecretModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const dashKeySecretEntity = (config: EntityConfiguration) => new Entity(dashKeySecretModel, config);
export type DashKeySecretEntity = ReturnType<typeof dashKeySecretEntity>;
