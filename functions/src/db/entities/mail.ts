import { Entity, type EntityConfiguration } from "electrodb";
import { mailDigestEntryModel, mailPreferenceModel, mailSentModel, mailSuppressionModel } from "../models/mail";

export * from "../models/mail";

/** ElectroDB's entity over `mailPreferenceModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const mailPreferenceEntity = (config: EntityConfiguration) => new Entity(mailPreferenceModel, config);
export type MailPreferenceEntity = ReturnType<typeof mailPreferenceEntity>;

/** ElectroDB's entity over `mailSentModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const mailSentEntity = (config: EntityConfiguration) => new Entity(mailSentModel, config);
export type MailSentEntity = ReturnType<typeof mailSentEntity>;

/** ElectroDB's entity over `mailDigestEntryModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const mailDigestEntryEntity = (config: EntityConfiguration) => new Entity(mailDigestEntryModel, config);
export type MailDigestEntryEntity = ReturnType<typeof mailDigestEntryEntity>;

/** ElectroDB's entity over `mailSuppressionModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const mailSuppressionEntity = (config: EntityConfiguration) => new Entity(mailSuppressionModel, config);
export type MailSuppressionEntity = ReturnType<typeof mailSuppressionEntity>;
