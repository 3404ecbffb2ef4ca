import { Entity, type EntityConfiguration } from "electrodb";
import { interviewModel, interviewSlotLockModel } from "../models/interview";

export * from "../models/interview";

/** ElectroDB's entity over `interviewModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const interviewEntity = (config: EntityConfiguration) => new Entity(interviewModel, config);
export type InterviewEntity = ReturnType<typeof interviewEntity>;

/** ElectroDB's entity over `interviewSlotLockModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const interviewSlotLockEntity = (config: EntityConfiguration) => new Entity(interviewSlotLockModel, config);
export type InterviewSlotLockEntity = ReturnType<typeof interviewSlotLockEntity>;
