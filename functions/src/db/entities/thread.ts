import { Entity, type EntityConfiguration } from "electrodb";
import { threadModel, threadReadModel } from "../models/thread";

export * from "../models/thread";

/** ElectroDB's entity over `threadModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const threadEntity = (config: EntityConfiguration) => new Entity(threadModel, config);
export type ThreadEntity = ReturnType<typeof threadEntity>;

/** ElectroDB's entity over `threadReadModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const threadReadEntity = (config: EntityConfiguration) => new Entity(threadReadModel, config);
export type ThreadReadEntity = ReturnType<typeof threadReadEntity>;
