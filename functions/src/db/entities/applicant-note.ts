import { Entity, type EntityConfiguration } from "electrodb";
import { applicantNoteModel } from "../models/applicant-note";

export * from "../models/applicant-note";

/** ElectroDB's entity over `applicantNoteModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const applicantNoteEntity = (config: EntityConfiguration) => new Entity(applicantNoteModel, config);
export type ApplicantNoteEntity = ReturnType<typeof applicantNoteEntity>;
