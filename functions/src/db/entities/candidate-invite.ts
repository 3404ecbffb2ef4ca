import { Entity, type EntityConfiguration } from "electrodb";
import { candidateInviteModel } from "../models/candidate-invite";

export * from "../models/candidate-invite";

/** ElectroDB's entity over `candidateInviteModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const candidateInviteEntity = (config: EntityConfiguration) => new Entity(candidateInviteModel, config);
export type CandidateInviteEntity = ReturnType<typeof candidateInviteEntity>;
