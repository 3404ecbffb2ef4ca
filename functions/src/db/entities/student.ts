import { Entity, type EntityConfiguration } from "electrodb";
import { studentModel } from "../models/student";

export * from "../models/student";

/** ElectroDB's entity over `studentModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const studentEntity = (config: EntityConfiguration) => new Entity(studentModel, config);
export type StudentEntity = ReturnType<typeof studentEntity>;
