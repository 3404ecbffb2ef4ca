import type { Role } from "@ketnoi/core";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { config } from "../config";
import { mfaClaim, mfaClaimTotp } from "./mfa";

/** How long a development token lives. */
export const devTokenTtlSeconds = 8 * 60 * 60;

interface DevKeys {
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
  publicJwk: JWK;
}

let keys: Promise<DevKeys> | undefined;

/** The development identity provider's key pair, generated once per process (tokens end with the process). */
function devKeys(): Promise<DevKeys> {
  keys ??= (async () => {
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    const publicJwk = {
      ...(await exportJWK(publicKey)),
      kid: `dev-${Date.now().toString(36)}`,
      alg: "ES256",
      use: "sig",
    };
    return { privateKey, publicJwk };
  })();
  return keys;
}

/** The JWKS the development identity provider publishes. */
export async function devJwks(): Promise<{ keys: JWK[] }> {
  return { keys: [(await devKeys()).publicJwk] };
}

/**
 * Signs an ID token shaped like Cognito's (`cognito:groups` carries the role), so the same verifier serves both.
 * Like the pre-token-generation trigger for a user with an authenticator app, it adds the MFA claim to every
 * non-student token unless `options.mfa` is false (tests of the refusal). Refuses to run when the development
 * identity provider is disabled.
 */
export async function signDevToken(
  user: { userId: string; email: string; displayName: string; role: Role },
  options: { mfa?: boolean } = {},
): Promise<string> {
  const { DEV_AUTH, AUTH_ISSUER, AUTH_AUDIENCE } = config();
  if (!DEV_AUTH) throw new Error("The development identity provider is disabled");
  const { privateKey, publicJwk } = await devKeys();
  const mfa = user.role !== "student" && options.mfa !== false ? { [mfaClaim]: mfaClaimTotp } : {};
  return new SignJWT({
    email: user.email,
    name: user.displayName,
    "cognito:groups": [user.role],
    token_use: "id",
    ...mfa,
  })
    .setProtectedHeader({ alg: "ES256", kid: publicJwk.kid! })
    .setSubject(user.userId)
    .setIssuer(AUTH_ISSUER)
    .setAudience(AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${devTokenTtlSeconds}s`)
    .sign(privateKey);
}
