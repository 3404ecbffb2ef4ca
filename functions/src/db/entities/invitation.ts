import { Entity, type EntityConfiguration } from "electrodb";
import { invitationModel } from "../models/invitation";

export * from "../models/invitation";

/** ElectroDB's entity over `invitationModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const invitationEntity = (config: EntityConfiguration) => new Entity(invitationModel, config);
export type InvitationEntity = ReturnType<typeof invitationEntity>;
