import { organisationKinds, verificationStatuses } from "@ketnoi/core";
import { defineModel } from "./define";
import { localizedText, timestamps } from "./shared";

/** An organisation: university, institute, innovation centre, enterprise or government unit. */
export const organisationModel = defineModel({
  model: { entity: "organisation", version: "1", service: "ketnoi" },
  attributes: {
    orgId: { type: "string", required: true, readOnly: true },
    kind: { type: organisationKinds, required: true },
    name: { ...localizedText, required: true },
    description: localizedText,
    sectors: { type: "list", items: { type: "string" }, required: true },
    communeId: { type: "string", required: true },
    address: { type: "string", required: true },
    industrialParkId: { type: "string" },
    website: { type: "string" },
    contactEmail: { type: "string" },
    logoUrl: { type: "string" },
    contactPhone: { type: "string" },
    verification: { type: verificationStatuses, required: true, default: "pending" },
    verificationReason: { type: "string" },
    ...timestamps,
  },
  indexes: {
    byId: { pk: { field: "pk", composite: ["orgId"] }, sk: { field: "sk", composite: [] } },
    // Verification queue and directory: organisations by verification status, oldest first.
    byVerification: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["verification"] },
      sk: { field: "gsi1sk", composite: ["createdAt"] },
    },
  },
});
