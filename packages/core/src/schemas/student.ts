import * as v from "valibot";
import { majorIds, sectorIds } from "../catalog";
import { communeIds } from "../places";
import { languageCodes, languageLevels, skillIds } from "../skills";
import { IdSchema, IsoDateSchema, IsoTimestampSchema, UrlSchema, VersionSchema } from "./common";

/** Purposes a student consents to separately (Law 91/2025/QH15: explicit, per purpose, provable). */
export const consentPurposes = ["shareWithAppliedOrgs", "recommendToRecruiters", "provinceStatistics"] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const ConsentSchema = v.object({
  granted: v.boolean(),
  at: IsoTimestampSchema,
});

const studentFields = {
  fullName: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(120)),
  universityId: IdSchema,
  major: v.picklist(majorIds),
  year: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6)),
  skills: v.pipe(
    v.array(
      v.strictObject({
        id: v.picklist(skillIds as [string, ...string[]]),
        level: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
      }),
    ),
    v.maxLength(50),
  ),
  languages: v.pipe(
    v.array(
      v.strictObject({
        code: v.picklist(languageCodes),
        level: v.picklist(languageLevels),
      }),
    ),
    v.maxLength(7),
  ),
  availableFrom: v.optional(IsoDateSchema),
  availableTo: v.optional(IsoDateSchema),
  reachableCommunes: v.pipe(v.array(v.picklist(communeIds)), v.maxLength(30)),
  preferredSectors: v.pipe(v.array(v.picklist(sectorIds)), v.maxLength(10)),
  cvUrl: v.optional(UrlSchema),
};

/** Body of PUT /api/students/me. `version` is absent on first save and required afterwards. */
export const StudentProfileInputSchema = v.pipe(
  v.strictObject({
    ...studentFields,
    consents: v.strictObject({
      shareWithAppliedOrgs: v.boolean(),
      recommendToRecruiters: v.boolean(),
      provinceStatistics: v.boolean(),
    }),
    version: v.optional(VersionSchema),
  }),
  v.check(
    (p) => !p.availableFrom || !p.availableTo || p.availableFrom <= p.availableTo,
    "Ngày bắt đầu rảnh phải trước ngày kết thúc",
  ),
);
export type StudentProfileInput = v.InferOutput<typeof StudentProfileInputSchema>;

export const StudentProfileSchema = v.object({
  userId: IdSchema,
  ...studentFields,
  /**
   * Set when the declared school's staff confirmed the enrolment (`universityId` alone is self-declared): the
   * profile shows the school as confirmed only while both agree (policy.ts `confirmedSchoolOf`).
   */
  confirmedUniversityId: v.optional(IdSchema),
  enrolmentConfirmedAt: v.optional(IsoTimestampSchema),
  consents: v.object({
    shareWithAppliedOrgs: ConsentSchema,
    recommendToRecruiters: ConsentSchema,
    provinceStatistics: ConsentSchema,
  }),
  createdAt: IsoTimestampSchema,
  updatedAt: IsoTimestampSchema,
  version: VersionSchema,
});
export type StudentProfile = v.InferOutput<typeof StudentProfileSchema>;
