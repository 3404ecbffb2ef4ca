import { Entity, type EntityConfiguration } from "electrodb";
import { cvFileModel, fileAccessModel } from "../models/cv-file";

export * from "../models/cv-file";

/** ElectroDB's entity over `cvFileModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const cvFileEntity = (config: EntityConfiguration) => new Entity(cvFileModel, config);
export type CvFileEntity = ReturnType<typeof cvFileEntity>;

/** ElectroDB's entity over `fileAccessModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const fileAccessEntity = (config: EntityConfiguration) => new Entity(fileAccessModel, config);
export type FileAccessEntity = ReturnType<typeof fileAccessEntity>;
