import {
  type Action,
  authorize,
  IdParamSchema,
  InvitationCreateSchema,
  InvitationSchema,
  MemberParamSchema,
  MemberRolePatchSchema,
  MemberSchema,
  memberRoleFor,
} from "@ketnoi/core";
import { type Context, Hono } from "hono";
import * as v from "valibot";
import {
  acceptInvitation,
  changeMemberRole,
  declineInvitation,
  invitationAddressedTo,
  invitationsForEmail,
  inviteMember,
  isOpen,
  listMembers,
  listOrganisationInvitations,
  removeMember,
} from "../data/members";
import { getOrganisation } from "../data/organisations";
import { getUser } from "../data/users";
import type { AppEnv } from "../http/env";
import { AppError } from "../http/errors";
import { enforce, requirePrincipal } from "../http/middleware";
import { route } from "../http/openapi";
import { validate } from "../http/validate";

const orgNotFound = () => new AppError("not_found", "Không tìm thấy tổ chức.");
const invitationNotFound = () => new AppError("not_found", "Không tìm thấy lời mời.");

/**
 * Loads an organisation for a member-management action. Someone outside the organisation (not a member, not an
 * admin) gets 404 whatever the action, so member lists and invitations never reveal that an unverified
 * organisation exists; a member lacking the right gets 403.
 */
async function organisationFor(c: Context<AppEnv>, orgId: string, action: Action, ownerUserId?: string) {
  const principal = requirePrincipal(c);
  const org = await getOrganisation(orgId);
  const inside = principal.role === "admin" || principal.memberships.some((m) => m.orgId === orgId);
  if (!org || !inside) throw orgNotFound();
  enforce(c, action, { orgId, ...(ownerUserId ? { ownerUserId } : {}) });
  return org;
}

const itemsOf = <S extends v.GenericSchema>(schema: S) => v.object({ items: v.array(schema) });

/** An organisation's members and its invitations: /api/organisations/:id/members and …/invitations. */
export const memberRoutes = new Hono<AppEnv>()
  .get(
    "/:id/members",
    route({
      tags: ["Members"],
      summary: "An organisation's members with their role (its members and admins)",
      auth: true,
      ok: { 200: { description: "Members", schema: itemsOf(MemberSchema) } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const org = await organisationFor(c, c.req.valid("param").id, "member:list");
      return c.json({ items: await listMembers(org.id) });
    },
  )
  .patch(
    "/:id/members/:userId",
    route({
      tags: ["Members"],
      summary: "Change a member's role (owners and admins); the last owner cannot be demoted (409 last_owner)",
      auth: true,
      body: true,
      ok: { 200: { description: "The member", schema: MemberSchema } },
      errors: [404, 409],
    }),
    validate("param", MemberParamSchema),
    validate("json", MemberRolePatchSchema),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      await organisationFor(c, id, "member:manage");
      return c.json(await changeMemberRole(id, userId, c.req.valid("json").role));
    },
  )
  .delete(
    "/:id/members/:userId",
    route({
      tags: ["Members"],
      summary: "Remove a member (owners and admins) or leave (any member); never the last owner (409 last_owner)",
      auth: true,
      ok: { 204: { description: "Removed" } },
      errors: [400, 404, 409],
    }),
    validate("param", MemberParamSchema),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      await organisationFor(c, id, "member:remove", userId);
      await removeMember(id, userId);
      return c.body(null, 204);
    },
  )
  .get(
    "/:id/invitations",
    route({
      tags: ["Members"],
      summary: "An organisation's open invitations (owners and admins)",
      auth: true,
      ok: { 200: { description: "Open invitations", schema: itemsOf(InvitationSchema) } },
      errors: [400, 404],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const org = await organisationFor(c, c.req.valid("param").id, "member:manage");
      return c.json({ items: await listOrganisationInvitations(org.id) });
    },
  )
  .post(
    "/:id/invitations",
    route({
      tags: ["Members"],
      summary: "Invite an e-mail address as owner or staff for 14 days (owners and admins)",
      description:
        "The response is the same whether or not the address has an account. An account that exists gets an " +
        "in-app notification (kind `invitation`, link `/loi-moi`). 409 `already_exists`: an open invitation to " +
        "the address, or the address belongs to a member already.",
      auth: true,
      body: true,
      ok: { 201: { description: "Invited", schema: InvitationSchema } },
      errors: [404, 409],
    }),
    validate("param", IdParamSchema),
    validate("json", InvitationCreateSchema),
    async (c) => {
      const org = await organisationFor(c, c.req.valid("param").id, "member:manage");
      const principal = requirePrincipal(c);
      return c.json(await inviteMember(org, c.req.valid("json"), principal.userId), 201);
    },
  );

/** Loads one of the signed-in user's invitations; anybody else's is a 404, as if it did not exist. */
async function myInvitation(c: Context<AppEnv>, invitationId: string) {
  const principal = requirePrincipal(c);
  const user = await getUser(principal.userId);
  const invitation = user?.email ? await invitationAddressedTo(invitationId, user.email) : undefined;
  if (!user || !invitation) throw invitationNotFound();
  if (invitation.status !== "pending") throw new AppError("invalid_transition", "Lời mời này đã được trả lời.");
  if (!isOpen(invitation)) throw new AppError("invitation_expired");
  return { principal, user, invitation };
}

/** The signed-in user's invitations: /api/invitations. */
export const invitationRoutes = new Hono<AppEnv>()
  .get(
    "/mine",
    route({
      tags: ["Members"],
      summary: "My open invitations, matched by my account's e-mail address",
      auth: true,
      ok: { 200: { description: "Invitations", schema: itemsOf(InvitationSchema) } },
    }),
    async (c) => {
      const user = await getUser(requirePrincipal(c).userId);
      return c.json({ items: user?.email ? await invitationsForEmail(user.email) : [] });
    },
  )
  .post(
    "/:id/accept",
    route({
      tags: ["Members"],
      summary: "Accept an invitation and become a member",
      description:
        "Enterprises take recruiter accounts; universities, institutes, innovation centres and government units " +
        "take staff accounts (403 `role_mismatch` otherwise). 409: `invalid_transition` (already answered), " +
        "`invitation_expired`, `already_exists` (already a member).",
      auth: true,
      ok: { 204: { description: "Accepted" } },
      errors: [400, 404, 409],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { principal, invitation } = await myInvitation(c, c.req.valid("param").id);
      const org = await getOrganisation(invitation.orgId);
      if (!org) throw invitationNotFound();
      if (!authorize(principal, "organisation:join", { orgKind: org.kind }).allowed) {
        const needed = memberRoleFor(org.kind) === "recruiter" ? "nhà tuyển dụng" : "cán bộ";
        throw new AppError("role_mismatch", `Chỉ tài khoản ${needed} mới tham gia được loại tổ chức này.`);
      }
      await acceptInvitation(invitation, principal.userId);
      return c.body(null, 204);
    },
  )
  .post(
    "/:id/decline",
    route({
      tags: ["Members"],
      summary: "Decline an invitation",
      auth: true,
      ok: { 204: { description: "Declined" } },
      errors: [400, 404, 409],
    }),
    validate("param", IdParamSchema),
    async (c) => {
      const { invitation } = await myInvitation(c, c.req.valid("param").id);
      await declineInvitation(invitation);
      return c.body(null, 204);
    },
  );
