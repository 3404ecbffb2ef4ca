import { defineModel } from "./define";
import { timestamps } from "./shared";

const consent = {
  type: "map",
  required: true,
  properties: { granted: { type: "boolean", required: true }, at: { type: "string", required: true } },
} as const;

/** A student's profile: one per student user, in the user's partition. */
export const studentModel = defineModel({
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
    // The school whose staff confirmed this student's enrolment (routes/enrolments.ts). `universityId` above is
    // only declared by the student; anything that grants access reads this one, and only while the two agree.
    confirmedUniversityId: { type: "string" },
    enrolmentConfirmedAt: { type: "string" },
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
    // Students who consent to being recommended to recruiters ("Ứng viên phù hợp"): a sparse index, keyed only while
    // `recommendToRecruiters` is granted. The condition reads `consents`, so every write of a profile must carry it:
    // profiles are only ever written whole (create/put, data/students.ts and the seed), which re-keys or un-keys them.
    byRecommendConsent: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: [] },
      sk: { field: "gsi2sk", composite: ["userId"] },
      condition: (item) =>
        (item.consents as { recommendToRecruiters?: { granted?: boolean } } | undefined)?.recommendToRecruiters
          ?.granted === true,
    },
  },
});
