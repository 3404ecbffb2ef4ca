import { createHash } from "node:crypto";
import {
  type Invitation,
  type InvitationCreate,
  invitationTtlDays,
  type Member,
  type MembershipRole,
  normaliseEmail,
  type Organisation,
} from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import { dataConfig } from "../config";
import type { InvitationEntity } from "../db/entities/invitation";
import type { MembershipEntity } from "../db/entities/membership";
import type { UserEntity } from "../db/entities/user";
import { type Condition, liteEntity, tableKey } from "../db/lite";
import { transactWrite } from "../db/lite-transact";
import { liteWrites, send, type WriteItem, whereEquals } from "../db/lite-writes";
import { invitationModel } from "../db/models/invitation";
import { membershipModel } from "../db/models/membership";
import { userModel } from "../db/models/user";
import { AppError } from "../http/errors";
import { guard } from "./guard";
import { getOrganisations } from "./organisation-reads";
import { transactWithRetry } from "./transact";
import { findUserByEmail } from "./users";

// Over the lite data path (db/lite.ts, issue 14): members and invitations are read and written in ElectroDB's stored
// format without ElectroDB, so the organisation group's functions start without it.
const memberships = liteEntity<MembershipEntity>(membershipModel);
const membershipWrites = liteWrites<MembershipEntity>(membershipModel);
const invitations = liteEntity<InvitationEntity>(invitationModel);
const invitationWrites = liteWrites<InvitationEntity>(invitationModel);
const users = liteEntity<UserEntity>(userModel);

/** An invitation as stored (expiry in epoch seconds, the TTL attribute). */
export type StoredInvitation = EntityItem<InvitationEntity>;

const nowSeconds = () => Math.floor(Date.now() / 1000);

const memberNotFound = () => new AppError("not_found", "Không tìm thấy thành viên này.");
const lastOwner = () => new AppError("last_owner");
const busy = () => new AppError("version_conflict", "Thành viên vừa được người khác thay đổi; hãy tải lại.");

/**
 * The id of the invitation of an address to an organisation. Derived, not random, so that two concurrent invites
 * of one address write the same item and the second fails its condition instead of leaving two open invitations.
 */
function invitationIdFor(orgId: string, email: string): string {
  return `inv-${createHash("sha256").update(`${orgId}\n${email}`).digest("hex").slice(0, 40)}`;
}

/** Whether an invitation can still be answered (DynamoDB Local never runs the TTL, so expiry is checked here). */
export function isOpen(invitation: StoredInvitation): boolean {
  return invitation.status === "pending" && invitation.expiresAt > nowSeconds();
}

function toInvitation(item: StoredInvitation, orgs: Map<string, Organisation>): Invitation {
  const { invitationId, expiresAt, respondedAt, ...rest } = item;
  return {
    id: invitationId,
    ...rest,
    orgName: orgs.get(item.orgId)?.name ?? { vi: "" },
    expiresAt: new Date(expiresAt * 1000).toISOString(),
    ...(respondedAt ? { respondedAt } : {}),
  };
}

async function withOrgNames(items: StoredInvitation[]): Promise<Invitation[]> {
  const orgs = await getOrganisations(items.map((i) => i.orgId));
  return items.map((i) => toInvitation(i, orgs));
}

/** An organisation's memberships, straight from its partition. */
async function membershipsOfOrganisation(orgId: string) {
  return guard(() => memberships.query("byOrg", { orgId }, { consistent: true }));
}

/** The members of an organisation with their names and e-mail addresses, owners first. */
export async function listMembers(orgId: string): Promise<Member[]> {
  const members = await membershipsOfOrganisation(orgId);
  if (members.length === 0) return [];
  const accounts = await guard(() => users.batchGet(members.map((m) => ({ userId: m.userId }))));
  const byId = new Map(accounts.map((u) => [u.userId, u]));
  return members
    .map((m) => ({
      userId: m.userId,
      displayName: byId.get(m.userId)?.displayName ?? "",
      email: byId.get(m.userId)?.email ?? "",
      role: m.role,
      joinedAt: m.createdAt,
    }))
    .sort((a, b) => (a.role === b.role ? a.joinedAt.localeCompare(b.joinedAt) : a.role === "owner" ? -1 : 1));
}

/**
 * Invites an address to an organisation for 14 days. Refused (409 `already_exists`) while an open invitation to
 * the same address exists or when the address belongs to a member already. If the address has an account, its
 * user gets an in-app notification linking to their invitations (derived from the stored item by the stream consumer).
 */
export async function inviteMember(org: Organisation, input: InvitationCreate, invitedBy: string): Promise<Invitation> {
  const email = normaliseEmail(input.email);
  const invitee = await findUserByEmail(email);
  if (invitee) {
    const member = await guard(() => memberships.get({ orgId: org.id, userId: invitee.userId }));
    if (member) throw new AppError("already_exists", "Người này đã là thành viên của tổ chức.");
  }
  const now = nowSeconds();
  const item: StoredInvitation = {
    invitationId: invitationIdFor(org.id, email),
    orgId: org.id,
    email,
    role: input.role,
    status: "pending",
    invitedBy,
    createdAt: new Date().toISOString(),
    expiresAt: now + invitationTtlDays * 24 * 60 * 60,
  };
  // Overwrites an answered or expired invitation of the same address; an open one stays and the invite fails. (The
  // conditions here name attributes as stored: these models declare no `field` of their own.)
  const replaceable: Condition = {
    expression: "attribute_not_exists(#c0) OR #c1 <> :c1 OR #c2 < :c2",
    names: { "#c0": "invitationId", "#c1": "status", "#c2": "expiresAt" },
    values: { ":c1": "pending", ":c2": now },
  };
  await guard(
    () => send(invitationWrites.put(item, replaceable)),
    () => new AppError("already_exists", "Địa chỉ này đã có một lời mời đang chờ trả lời."),
  );
  // The invitee's notice follows from the stored invitation (effects/notices.ts).
  return toInvitation(item, new Map([[org.id, org]]));
}

/** An organisation's open invitations, newest first. */
export async function listOrganisationInvitations(orgId: string): Promise<Invitation[]> {
  const data = await guard(() => invitations.query("byOrg", { orgId }, { order: "desc" }));
  return withOrgNames(data.filter(isOpen));
}

/** The open invitations addressed to an e-mail address, newest first. */
export async function invitationsForEmail(email: string): Promise<Invitation[]> {
  const data = await guard(() => invitations.query("byEmail", { email: normaliseEmail(email) }, { order: "desc" }));
  return withOrgNames(data.filter(isOpen));
}

/** An invitation, only if addressed to this e-mail: anyone else gets undefined, as if it did not exist. */
export async function invitationAddressedTo(
  invitationId: string,
  email: string,
): Promise<StoredInvitation | undefined> {
  const data = await guard(() => invitations.get({ invitationId }, { consistent: true }));
  return data && data.email === normaliseEmail(email) ? data : undefined;
}

const answered = () => new AppError("invalid_transition", "Lời mời này đã được trả lời.");

/**
 * Accepts an invitation: marks it accepted and creates the membership in one transaction, so a double click or
 * two tabs cannot create two memberships or accept an invitation already declined. The inviter is told by the
 * stream consumer (effects/notices.ts).
 */
export async function acceptInvitation(invitation: StoredInvitation, userId: string) {
  const { invitationId, orgId, role } = invitation;
  const respondedAt = new Date().toISOString();
  const now = nowSeconds();
  const stillOpen: Condition = {
    expression: "#c0 = :c0 AND #c1 > :c1",
    names: { "#c0": "status", "#c1": "expiresAt" },
    values: { ":c0": "pending", ":c1": now },
  };
  const failed = await transactWithRetry(() =>
    transactWrite([
      invitationWrites.patch({ invitationId }, { set: { status: "accepted", respondedAt } }, stillOpen),
      membershipWrites.create({ orgId, userId, role, createdAt: respondedAt }),
    ]),
  );
  if (failed === 0) throw answered();
  if (failed === 1) throw new AppError("already_exists", "Bạn đã là thành viên của tổ chức này.");
  // The inviter's notice follows from the stored acceptance (effects/notices.ts).
}

/** Declines an open invitation (409 `invalid_transition` if it was answered meanwhile). */
export async function declineInvitation(invitation: StoredInvitation): Promise<void> {
  await guard(
    () =>
      send(
        invitationWrites.patch(
          { invitationId: invitation.invitationId },
          { set: { status: "declined", respondedAt: new Date().toISOString() } },
          whereEquals(invitationModel, { status: "pending" }),
        ),
      ),
    answered,
  );
}

/**
 * Changes the membership of `userId`: removes it (`role` undefined) or gives it a new role. When an owner is
 * removed or demoted, the same transaction checks that another owner still is one. DynamoDB serialises
 * transactions, so of two owners removing each other at the same moment one commits and the other's check
 * fails: it then re-reads the members and answers 409 `last_owner`. Each write is also conditioned on the role
 * it read, so a concurrent promotion or demotion is never overwritten blindly.
 */
async function changeMembership(orgId: string, userId: string, role: MembershipRole | undefined) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const members = await membershipsOfOrganisation(orgId);
    const target = members.find((m) => m.userId === userId);
    if (!target) throw memberNotFound();
    if (target.role === role) return;
    const losesOwner = target.role === "owner";
    const keeper = members.find((m) => m.role === "owner" && m.userId !== userId);
    if (losesOwner && !keeper) throw lastOwner();
    const sameRole = whereEquals(membershipModel, { role: target.role });
    const write = role
      ? membershipWrites.patch({ orgId, userId }, { set: { role } }, sameRole)
      : membershipWrites.delete({ orgId, userId }, sameRole);
    const writes =
      losesOwner && keeper
        ? [write, check({ orgId, userId: keeper.userId }, whereEquals(membershipModel, { role: "owner" }))]
        : [write];
    const failed = await transactWithRetry(() => transactWrite(writes));
    if (failed === -1) return;
  }
  throw busy();
}

/**
 * A membership's condition checked in a transaction without writing it (ElectroDB's `check`): liteWrites builds
 * writes only.
 */
function check(key: { orgId: string; userId: string }, condition: Condition): WriteItem {
  return {
    ConditionCheck: {
      TableName: dataConfig().TABLE_NAME,
      Key: tableKey(membershipModel, key),
      ConditionExpression: condition.expression,
      ExpressionAttributeNames: condition.names,
      ExpressionAttributeValues: condition.values,
    },
  };
}

/** Removes a member (or lets one leave); never the last owner (409 `last_owner`). */
export async function removeMember(orgId: string, userId: string): Promise<void> {
  await changeMembership(orgId, userId, undefined);
}

/** Gives a member another role; demoting the last owner is refused (409 `last_owner`). */
export async function changeMemberRole(orgId: string, userId: string, role: MembershipRole): Promise<Member> {
  await changeMembership(orgId, userId, role);
  const member = (await listMembers(orgId)).find((m) => m.userId === userId);
  if (!member) throw memberNotFound();
  return member;
}
