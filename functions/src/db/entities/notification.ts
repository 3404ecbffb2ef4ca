import { Entity, type EntityConfiguration } from "electrodb";
import { notificationModel } from "../models/notification";

export * from "../models/notification";

/** ElectroDB's entity over `notificationModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const notificationEntity = (config: EntityConfiguration) => new Entity(notificationModel, config);
export type NotificationEntity = ReturnType<typeof notificationEntity>;
