import { Entity, type EntityConfiguration } from "electrodb";
import { auditModel } from "../models/audit";

export * from "../models/audit";

/** ElectroDB's entity over `auditModel` (the one declaration, shared with the lite data path: db/lite.ts). */
export const auditEntity = (config: EntityConfiguration) => new Entity(auditModel, config);
export type AuditEntity = ReturnType<typeof auditEntity>;
