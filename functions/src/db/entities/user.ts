import { Entity, type EntityConfiguration } from "electrodb";
import { userModel } from "../models/user";

export * from "../models/user";

/** ElectroDB's entity over `userModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const userEntity = (config: EntityConfiguration) => new Entity(userModel, config);
export type UserEntity = ReturnType<typeof userEntity>;
