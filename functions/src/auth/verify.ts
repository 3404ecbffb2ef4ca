import { type Principal, type Role, roles } from "@ketnoi/core";
import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from "jose";
import { config } from "../config";
import { membershipsOf } from "../data/memberships";
import { AppError } from "../http/errors";
import { devJwks } from "./dev-idp";
import { hasMfaClaim } from "./mfa";

let keySet: Promise<JWTVerifyGetKey> | undefined;

/** The JWKS tokens are checked against: Cognito's in deploy, the development provider's locally. */
function jwks(): Promise<JWTVerifyGetKey> {
  keySet ??= (async () => {
    const { DEV_AUTH, AUTH_JWKS_URL } = config();
    if (DEV_AUTH) return createLocalJWKSet(await devJwks());
    return createRemoteJWKSet(new URL(AUTH_JWKS_URL!));
  })();
  return keySet;
}

const invalidToken = () =>
  new AppError("unauthenticated", "Phiên đăng nhập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.");

/** The role carried by the token's Cognito groups; a user without a group is a student (self sign-up). */
function roleFrom(groups: unknown): Role {
  const list = Array.isArray(groups) ? groups : [];
  return (roles.find((role) => list.includes(role)) ?? "student") as Role;
}

/**
 * Verifies a bearer token (signature against the JWKS, issuer, audience, expiry, not-before; ES256/RS256 only)
 * and builds the principal with the user's organisation memberships.
 */
export async function principalFromToken(token: string): Promise<Principal> {
  const { AUTH_ISSUER, AUTH_AUDIENCE } = config();
  let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
  try {
    ({ payload } = await jwtVerify(token, await jwks(), {
      issuer: AUTH_ISSUER,
      audience: AUTH_AUDIENCE,
      algorithms: ["ES256", "RS256"],
      requiredClaims: ["sub", "exp"],
    }));
  } catch {
    throw invalidToken();
  }
  const userId = payload.sub!;
  const role = roleFrom(payload["cognito:groups"]);
  const memberships = role === "student" ? [] : await membershipsOf(userId);
  const text = (claim: unknown) => (typeof claim === "string" && claim.length <= 200 ? claim : undefined);
  return { userId, role, memberships, email: text(payload.email), name: text(payload.name), mfa: hasMfaClaim(payload) };
}
