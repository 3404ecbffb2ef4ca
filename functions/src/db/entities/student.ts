import { Entity } from "electrodb";
import { timestamps } from "./shared";

const consent = {
  type: "map",
  required: true,
  properties: { granted: { type: "boolean", required: true }, at: { type: "string", required: true } },
} as const;

/** A student's profile: one per student user, in the user's partition. */
export const StudentEntity = new Entity({
  model: { entity: "student", version: "1", service: "ketnoi" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    fullName: { type: "string", required: true },
    universityId: { type: "string", required: true },
    major: { type: "string", required: true },
    year: { type: "number", required: true },
    skills: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: { id: { type: "string", required: true }, level: { type: "number", required: true } },
      },
    },
    languages: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: { code: { type: "string", required: true }, level: { type: "string", required: true } },
      },
    },
    availableFrom: { type: "string" },
    availableTo: { type: "string" },
    reachableCommunes: { type: "list", items: { type: "string" }, required: true },
    preferredSectors: { type: "list", items: { type: "string" }, required: true },
    cvUrl: { type: "string" },
    consents: {
      type: "map",
      required: true,
      properties: { shareWithAppliedOrgs: consent, recommendToRecruiters: consent, provinceStatistics: consent },
    },
    ...timestamps,
  },
  indexes: {
    byUser: { pk: { field: "pk", composite: ["userId"] }, sk: { field: "sk", composite: [] } },
    // A university's students.
    byUniversity: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["universityId"] },
      sk: { field: "gsi1sk", composite: ["userId"] },
    },
  },
});
