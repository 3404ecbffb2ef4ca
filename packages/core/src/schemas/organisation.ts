import * as v from "valibot";
import { sectorIds } from "../catalog";
import { communeIds, industrialParkIds } from "../places";
import { organisationKinds } from "../roles";
import {
  EmailSchema,
  IdSchema,
  IsoTimestampSchema,
  LocalizedTextSchema,
  patchEntries,
  UrlSchema,
  VersionSchema,
} from "./common";

/**
 * An organisation's standing: `pending` until checked, `verified`, `rejected` at the check, or `suspended` later
 * (a verified organisation found to misbehave). What each allows is decided in policy.ts (`organisationStanding`).
 */
export const verificationStatuses = ["pending", "verified", "rejected", "suspended"] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

// Mobile (03/05/07/08/09 + 8 digits), landline (02 + area code, 11 digits, e.g. Đồng Nai's 0251) or a
// 1800/1900 hotline; "+84" may replace the leading 0. Spaces and dots between digits are accepted as typed.
const vietnamesePhone = /^(?:(?:\+84|0)(?:[35789]\d{8}|2\d{9})|1[89]00\d{4,6})$/;

/** A Vietnamese phone number as people write it: "0251 3822 123", "+84 912.345.678", "1900 1234". */
export const VietnamesePhoneSchema = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^\+?[\d .]{8,20}$/, "Số điện thoại không hợp lệ"),
  v.check((phone) => vietnamesePhone.test(phone.replace(/[ .]/g, "")), "Số điện thoại không hợp lệ"),
);

const organisationFields = {
  kind: v.picklist(organisationKinds),
  name: LocalizedTextSchema(200),
  description: v.optional(LocalizedTextSchema(4000)),
  sectors: v.pipe(v.array(v.picklist(sectorIds)), v.maxLength(10)),
  communeId: v.picklist(communeIds),
  address: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300)),
  industrialParkId: v.optional(v.picklist(industrialParkIds)),
  website: v.optional(UrlSchema),
  contactEmail: v.optional(EmailSchema),
  logoUrl: v.optional(UrlSchema),
  contactPhone: v.optional(VietnamesePhoneSchema),
};

/** Body of POST /api/organisations. The creator becomes its owner; it starts unverified. */
export const OrganisationCreateSchema = v.strictObject(organisationFields);
export type OrganisationCreate = v.InferOutput<typeof OrganisationCreateSchema>;

/** Body of PATCH /api/organisations/:id: any profile field (`null` clears an optional one) plus the version seen. */
export const OrganisationPatchSchema = v.strictObject({
  ...patchEntries(organisationFields),
  version: VersionSchema,
});
export type OrganisationPatch = v.InferOutput<typeof OrganisationPatchSchema>;

/**
 * Body of POST /api/organisations/:id/verification. A rejection or a suspension needs a reason (members see it);
 * `verified` also lifts a suspension.
 */
export const VerificationDecisionSchema = v.pipe(
  v.strictObject({
    decision: v.picklist(["verified", "rejected", "suspended"]),
    reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000))),
  }),
  v.check((d) => d.decision === "verified" || (d.reason?.length ?? 0) > 0, "Cần nêu lý do từ chối hoặc đình chỉ"),
);

export type VerificationDecision = v.InferOutput<typeof VerificationDecisionSchema>;

export const OrganisationSchema = v.object({
  id: IdSchema,
  ...organisationFields,
  verification: v.picklist(verificationStatuses),
  verificationReason: v.optional(v.string()),
  createdAt: IsoTimestampSchema,
  updatedAt: IsoTimestampSchema,
  version: VersionSchema,
});
export type Organisation = v.InferOutput<typeof OrganisationSchema>;

export const OrganisationListQuerySchema = v.strictObject({
  kind: v.optional(v.picklist(organisationKinds)),
  verification: v.optional(v.picklist(verificationStatuses)),
});
