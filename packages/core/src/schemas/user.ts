import * as v from "valibot";
import { membershipRoles, roles } from "../roles";
import { IdSchema, IntegerSchema } from "./common";

export const MembershipSchema = v.object({
  orgId: IdSchema,
  role: v.picklist(membershipRoles),
});

/** The signed-in user as GET /api/me returns it. */
export const MeSchema = v.object({
  id: IdSchema,
  displayName: v.string(),
  email: v.string(),
  role: v.picklist(roles),
  memberships: v.array(MembershipSchema),
});
export type Me = v.InferOutput<typeof MeSchema>;

/** A demo account the development identity provider offers on its sign-in page. */
export const DemoAccountSchema = v.object({
  id: IdSchema,
  displayName: v.string(),
  email: v.string(),
  role: v.picklist(roles),
  orgName: v.optional(v.string()),
});
export type DemoAccount = v.InferOutput<typeof DemoAccountSchema>;

/** Body of POST /api/dev-auth/token. */
export const DevSignInSchema = v.strictObject({ userId: IdSchema });

export const TokenResponseSchema = v.object({
  token: v.string(),
  expiresIn: IntegerSchema(1, 86_400 * 30),
});
