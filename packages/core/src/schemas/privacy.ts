import * as v from "valibot";
import { IdSchema, IsoTimestampSchema, TallySchema } from "./common";

/**
 * The phrase a student types to erase their account ("xóa tài khoản" without diacritics, so any keyboard can
 * type it). An explicit phrase, not a checkbox, because erasure cannot be undone.
 */
export const erasureConfirmation = "XOA TAI KHOAN";

/** Body of DELETE /api/students/me. */
export const ErasureRequestSchema = v.strictObject({
  confirm: v.literal(erasureConfirmation, `Hãy gõ đúng "${erasureConfirmation}" để xác nhận`),
});
export type ErasureRequest = v.InferOutput<typeof ErasureRequestSchema>;

const BilingualSchema = v.object({ vi: v.string(), en: v.string() });

/**
 * GET /api/students/me/export: everything stored about the signed-in user, one section per stored record type
 * (user, student, membership, notification, invitation, and any later type keyed by the user).
 */
export const PersonalDataExportSchema = v.object({
  format: v.literal("ketnoi-personal-data/1"),
  exportedAt: IsoTimestampSchema,
  userId: IdSchema,
  sections: v.record(v.string(), v.array(v.record(v.string(), v.unknown()))),
  notes: v.array(BilingualSchema),
});
export type PersonalDataExport = v.InferOutput<typeof PersonalDataExportSchema>;

/** The receipt of an erasure: what was deleted, and what was kept (without identity) and why. */
export const ErasureReceiptSchema = v.object({
  erasedAt: IsoTimestampSchema,
  deleted: v.array(v.object({ section: v.string(), count: TallySchema })),
  kept: v.array(v.object({ section: v.string(), count: TallySchema, reason: BilingualSchema })),
});
export type ErasureReceipt = v.InferOutput<typeof ErasureReceiptSchema>;
