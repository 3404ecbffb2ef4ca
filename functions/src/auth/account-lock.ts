import { config } from "../config";
import { guard } from "../data/guard";
import type { UserEntity } from "../db/entities/user";
import { liteEntity } from "../db/lite";
import { userModel } from "../db/models/user";
import { type CognitoAdmin, cognitoAdminFromEnv } from "./cognito-admin";

/** Why an account's tokens are refused: erased by its owner, or disabled by an administrator. */
export type AccountLock = "erased" | "disabled";

// Per process (per Lambda instance): an open account is re-read after this long, so a lock set by another
// instance takes effect within it; a lock is final and stays cached.
const openForMs = 10_000;
const maxEntries = 10_000;
const cache = new Map<string, { lock: AccountLock | null; until: number }>();
// Every function's middleware reads the user here, so through the lite data path (db/lite.ts): no ElectroDB needed
// to start a function (issue 14). The same item as `data/users.ts` `getUser` reads.
const users = liteEntity<UserEntity>(userModel);

/**
 * Whether the user's account is locked, read from the user record at most every 10 s per process. Every request
 * with a token asks (functions/src/http/middleware.ts), so an erased or disabled account's tokens stop working on
 * every route, including tokens issued before the erasure that are still within their lifetime.
 */
export async function accountLock(userId: string): Promise<AccountLock | null> {
  const now = Date.now();
  const cached = cache.get(userId);
  if (cached && (cached.lock || cached.until > now)) return cached.lock;
  const user = await guard(() => users.get({ userId }));
  const lock: AccountLock | null = user?.erasedAt ? "erased" : user?.disabledAt ? "disabled" : null;
  if (cache.size >= maxEntries) cache.clear();
  cache.set(userId, { lock, until: now + openForMs });
  return lock;
}

// A SigV4-signed fetch (auth/cognito-admin.ts), not the SDK's Cognito client: ~180 kB less in the account function.
let cognito: CognitoAdmin | undefined;

/**
 * Locks an account at once in this process, and in deploy deletes the person's Cognito user so that no new token
 * is ever issued (the user pool's `sub` is the user id; Cognito accepts it as the user name). Locally there is no
 * user pool: the tombstone alone bars the development tokens.
 */
export async function lockAccount(userId: string, lock: AccountLock): Promise<void> {
  cache.set(userId, { lock, until: Number.POSITIVE_INFINITY });
  const { COGNITO_USER_POOL_ID: poolId, COGNITO_ENDPOINT, AWS_REGION } = config();
  if (!poolId) return;
  try {
    cognito ??= cognitoAdminFromEnv(AWS_REGION, COGNITO_ENDPOINT);
    await cognito.adminDeleteUser({ UserPoolId: poolId, Username: userId });
  } catch (error) {
    // Already gone (a retried erasure): the aim is reached. Anything else is logged; the tombstone still bars tokens.
    if ((error as { name?: string }).name === "UserNotFoundException") return;
    console.error(
      JSON.stringify({ level: "error", message: "cognito user not deleted", userId, error: String(error) }),
    );
  }
}
