import { Entity, type EntityConfiguration } from "electrodb";
import { membershipModel } from "../models/membership";

export * from "../models/membership";

/** ElectroDB's entity over `membershipModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const membershipEntity = (config: EntityConfiguration) => new Entity(membershipModel, config);
export type MembershipEntity = ReturnType<typeof membershipEntity>;
