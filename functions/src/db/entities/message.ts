import { Entity, type EntityConfiguration } from "electrodb";
import { messageModel } from "../models/message";

export * from "../models/message";

/** ElectroDB's entity over `messageModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const messageEntity = (config: EntityConfiguration) => new Entity(messageModel, config);
export type MessageEntity = ReturnType<typeof messageEntity>;
