import { type Action, authorize, type Me, type Resource } from "@ketnoi/core";

/**
 * Whether the signed-in user may take `action` on `resource`, decided by packages/core's `authorize`, the same rule
 * the API enforces, so a page shows a tool exactly when the API would accept its use instead of restating the policy.
 * Signed out: never.
 * @example can(me, "member:manage", { orgId }) // owners of orgId and platform admins
 */
export function can(me: Me | null | undefined, action: Action, resource: Resource = {}): boolean {
  if (!me) return false;
  return authorize({ userId: me.id, role: me.role, memberships: me.memberships }, action, resource).allowed;
}
