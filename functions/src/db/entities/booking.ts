import { Entity, type EntityConfiguration } from "electrodb";
import { bookingModel } from "../models/booking";

export * from "../models/booking";

/** ElectroDB's entity over `bookingModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const bookingEntity = (config: EntityConfiguration) => new Entity(bookingModel, config);
export type BookingEntity = ReturnType<typeof bookingEntity>;
