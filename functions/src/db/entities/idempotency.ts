import { Entity, type EntityConfiguration } from "electrodb";
import { idempotencyModel } from "../models/idempotency";

export * from "../models/idempotency";

/** ElectroDB's entity over `idempotencyModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const idempotencyEntity = (config: EntityConfiguration) => new Entity(idempotencyModel, config);
export type IdempotencyEntity = ReturnType<typeof idempotencyEntity>;
