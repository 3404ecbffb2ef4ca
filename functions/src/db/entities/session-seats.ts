import { Entity, type EntityConfiguration } from "electrodb";
import { sessionSeatsModel } from "../models/session-seats";

export * from "../models/session-seats";

/** ElectroDB's entity over `sessionSeatsModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const sessionSeatsEntity = (config: EntityConfiguration) => new Entity(sessionSeatsModel, config);
export type SessionSeatsEntity = ReturnType<typeof sessionSeatsEntity>;
