import { Entity, type EntityConfiguration } from "electrodb";
import { deadLetterModel, streamAttemptModel, streamCheckpointModel, streamStatusModel } from "../models/stream-state";

export * from "../models/stream-state";

/** ElectroDB's entity over `streamAttemptModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const streamAttemptEntity = (config: EntityConfiguration) => new Entity(streamAttemptModel, config);
export type StreamAttemptEntity = ReturnType<typeof streamAttemptEntity>;

/** ElectroDB's entity over `deadLetterModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const deadLetterEntity = (config: EntityConfiguration) => new Entity(deadLetterModel, config);
export type DeadLetterEntity = ReturnType<typeof deadLetterEntity>;

/** ElectroDB's entity over `streamCheckpointModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const streamCheckpointEntity = (config: EntityConfiguration) => new Entity(streamCheckpointModel, config);
export type StreamCheckpointEntity = ReturnType<typeof streamCheckpointEntity>;

/** ElectroDB's entity over `streamStatusModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const streamStatusEntity = (config: EntityConfiguration) => new Entity(streamStatusModel, config);
export type StreamStatusEntity = ReturnType<typeof streamStatusEntity>;
