import type { DemoAccount, Principal, Role } from "@ketnoi/core";
import { normaliseEmail, roles } from "@ketnoi/core";
import type { EntityItem } from "electrodb";
import type { UserEntity } from "../db/entities/user";
import { liteEntity } from "../db/lite";
import { liteWrites, send } from "../db/lite-writes";
import { userModel } from "../db/models/user";
import { isConditionFailure } from "../http/errors";
import { guard } from "./guard";
import { membershipsOf } from "./memberships";
import { getOrganisations } from "./organisation-reads";

export type User = EntityItem<UserEntity>;

// Over the lite data path (db/lite.ts, issue 14): every function's middleware and the account group read users.
const users = liteEntity<UserEntity>(userModel);
const userWrites = liteWrites<UserEntity>(userModel);

/** One user, or undefined. */
export async function getUser(userId: string): Promise<User | undefined> {
  return guard(() => users.get({ userId }));
}

/**
 * The (not erased) user registered with an e-mail address, or undefined. Reads the e-mail index, which
 * ElectroDB keys in lower case, so the comparison ignores case like `normaliseEmail`.
 */
export async function findUserByEmail(email: string): Promise<User | undefined> {
  const normalised = normaliseEmail(email);
  if (!normalised) return undefined;
  const data = await guard(() => users.query("byEmail", { email: normalised }, { count: 5 }));
  return data.find((u) => !u.erasedAt && normaliseEmail(u.email) === normalised);
}

/** Demo accounts of every role, for the development sign-in page; each with its first organisation's name. */
export async function listDemoAccounts(perRole = 6): Promise<DemoAccount[]> {
  const byRole = await Promise.all(
    roles.map((role: Role) =>
      guard(() =>
        users.query(
          "byRole",
          { role },
          // An erased demo account keeps its record as a nameless tombstone: it is no longer offered.
          { count: perRole, filter: (u) => u.demo === true && u.erasedAt === undefined },
        ),
      ),
    ),
  );
  const demo = byRole.flat();
  const memberships = await Promise.all(demo.map((u) => membershipsOf(u.userId)));
  const orgs = await getOrganisations(memberships.flatMap((m) => m.map((x) => x.orgId)));
  return demo.map((u, i) => {
    const orgId = memberships[i]?.[0]?.orgId;
    const orgName = orgId ? orgs.get(orgId)?.name.vi : undefined;
    return { id: u.userId, displayName: u.displayName, email: u.email, role: u.role, ...(orgName ? { orgName } : {}) };
  });
}

/**
 * The user's record, created on first sign-in from the token's e-mail and name (Cognito self sign-up has no
 * other moment to do it). Never recreates an erased account: the tombstone exists, so nothing is written.
 */
export async function userOnSignIn(principal: Principal): Promise<User | undefined> {
  const existing = await getUser(principal.userId);
  if (existing || !principal.email) return existing;
  const user = {
    userId: principal.userId,
    email: principal.email,
    displayName: principal.name ?? principal.email.split("@")[0]!,
    role: principal.role,
    createdAt: new Date().toISOString(),
  };
  try {
    await send(userWrites.create(user));
  } catch (error) {
    // A concurrent first request created it: read what won.
    if (!isConditionFailure(error)) return guard(() => Promise.reject(error));
  }
  return getUser(principal.userId);
}
