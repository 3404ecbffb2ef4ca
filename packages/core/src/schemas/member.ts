import * as v from "valibot";
import { membershipRoles } from "../roles";
import { EmailSchema, IdSchema, IsoTimestampSchema } from "./common";

/** How long an invitation stays open. After this it can no longer be accepted (DynamoDB's TTL then removes it). */
export const invitationTtlDays = 14;

export const invitationStatuses = ["pending", "accepted", "declined"] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/**
 * The form in which e-mail addresses are stored and compared: trimmed and lower-cased, so that an invitation sent
 * to "Lan.Nguyen@Example.vn" reaches the account registered as "lan.nguyen@example.vn".
 * @example normaliseEmail("  Lan@LHU.edu.vn ") // "lan@lhu.edu.vn"
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Path parameters of /api/organisations/:id/members/:userId. */
export const MemberParamSchema = v.strictObject({ id: IdSchema, userId: IdSchema });

/** Body of POST /api/organisations/:id/invitations. */
export const InvitationCreateSchema = v.strictObject({
  email: v.pipe(v.string(), v.trim(), EmailSchema),
  role: v.picklist(membershipRoles),
});
export type InvitationCreate = v.InferOutput<typeof InvitationCreateSchema>;

/** Body of PATCH /api/organisations/:id/members/:userId. */
export const MemberRolePatchSchema = v.strictObject({ role: v.picklist(membershipRoles) });

/** A member of an organisation as its members and admins see it. */
export const MemberSchema = v.object({
  userId: IdSchema,
  displayName: v.string(),
  email: v.string(),
  role: v.picklist(membershipRoles),
  joinedAt: IsoTimestampSchema,
});
export type Member = v.InferOutput<typeof MemberSchema>;

/** An invitation to join an organisation, addressed to an e-mail address. */
export const InvitationSchema = v.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: v.object({ vi: v.string(), en: v.optional(v.string()) }),
  email: v.string(),
  role: v.picklist(membershipRoles),
  status: v.picklist(invitationStatuses),
  invitedBy: IdSchema,
  createdAt: IsoTimestampSchema,
  expiresAt: IsoTimestampSchema,
  respondedAt: v.optional(IsoTimestampSchema),
});
export type Invitation = v.InferOutput<typeof InvitationSchema>;
