import { generateKeyPair, type JWTPayload, SignJWT } from "jose";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { call, userWithToken } from "../../test/helpers";

const issuer = "http://127.0.0.1/api/dev-auth";
const audience = "ketnoi-web";

/**
 * A key the verifier trusts besides the development provider's own: published in the same JWKS, so this file can
 * sign tokens with any claims and show that a correctly signed token is still refused when a claim is wrong.
 */
const trusted = vi.hoisted(() => ({
  kid: "test-trusted",
  privateKey: undefined as Awaited<ReturnType<typeof generateKeyPair>>["privateKey"] | undefined,
  publicJwk: undefined as object | undefined,
}));
vi.mock("./dev-idp", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./dev-idp")>();
  const { exportJWK, generateKeyPair } = await import("jose");
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: trusted.kid, alg: "ES256", use: "sig" };
  Object.assign(trusted, { privateKey, publicJwk: jwk });
  return { ...actual, devJwks: async () => ({ keys: [...(await actual.devJwks()).keys, jwk] }) };
});

const now = () => Math.floor(Date.now() / 1000);

/** A token signed by the trusted key: by default valid (right issuer and audience, an hour left). */
function signedByTrustedKey(claims: JWTPayload & { sub?: string | undefined } = {}) {
  const payload: JWTPayload = { "cognito:groups": ["admin"], iss: issuer, aud: audience, exp: now() + 3600, ...claims };
  if (!("sub" in claims)) payload.sub = "admin-trusted";
  return new SignJWT(Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined)))
    .setProtectedHeader({ alg: "ES256", kid: trusted.kid })
    .sign(trusted.privateKey!);
}

/** A token signed by a key nobody trusts, claiming to be an admin. */
async function forged() {
  const { privateKey } = await generateKeyPair("ES256");
  return new SignJWT({ "cognito:groups": ["admin"] })
    .setProtectedHeader({ alg: "ES256", kid: "attacker" })
    .setSubject("admin-x")
    .setIssuer(issuer)
    .setAudience(audience)
    .setExpirationTime(now() + 600)
    .sign(privateKey);
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

let valid: string;
beforeAll(async () => {
  valid = await userWithToken("sv-jwt", "student");
});

async function expectRefused(token: string) {
  const res = await call("GET", "/api/me", { token });
  expect(res.status).toBe(401);
  expect(res.json.error.code).toBe("unauthenticated");
  // Nothing about why: the message is the same for every bad token.
  expect(res.json.error.message).toBe("Phiên đăng nhập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.");
}

describe("bearer token verification, through the HTTP API", () => {
  it("accepts a token from the identity provider", async () => {
    const res = await call("GET", "/api/me", { token: valid });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: "sv-jwt", role: "student" });
  });

  it("accepts a correctly signed token from the test's trusted key: the refusals below are about the claims", async () => {
    const res = await call("GET", "/api/me", { token: await signedByTrustedKey() });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: "admin-trusted", role: "admin" });
  });

  it.each([
    ["alg none", () => `${base64url({ alg: "none" })}.${base64url({ sub: "admin-x", iss: issuer, aud: audience })}.`],
    [
      "alg none with the trusted key's kid",
      () =>
        `${base64url({ alg: "none", kid: trusted.kid })}.${base64url({ sub: "admin-x", iss: issuer, aud: audience, exp: now() + 600 })}.`,
    ],
    [
      "HS256 keyed with the trusted public key (algorithm confusion)",
      () => {
        // The public key is public: a verifier that let the token pick HMAC would accept this signature.
        const secret = new TextEncoder().encode(JSON.stringify(trusted.publicJwk));
        return new SignJWT({ sub: "admin-x", "cognito:groups": ["admin"] })
          .setProtectedHeader({ alg: "HS256", kid: trusted.kid })
          .setIssuer(issuer)
          .setAudience(audience)
          .setExpirationTime(now() + 600)
          .sign(secret);
      },
    ],
    ["a signature by another key", () => forged()],
    [
      "a tampered payload",
      () => {
        const [header, , signature] = valid.split(".");
        return `${header}.${base64url({ sub: "admin-x", "cognito:groups": ["admin"], iss: issuer, aud: audience })}.${signature}`;
      },
    ],
    ["a signature cut off", () => `${valid.split(".").slice(0, 2).join(".")}.`],
  ])("rejects %s with 401", async (_name, make) => {
    await expectRefused(await make());
  });

  it.each([
    ["a wrong issuer", { iss: "https://evil.example" }],
    ["a wrong audience", { aud: "other-app" }],
    ["an expired token", { exp: now() - 60 }],
    ["a token not valid yet (nbf in the future)", { nbf: now() + 600 }],
    ["a token without expiry", { exp: undefined }],
    ["a token without subject", { sub: undefined }],
  ])("rejects %s with 401 even when correctly signed by a trusted key", async (_name, claims) => {
    await expectRefused(await signedByTrustedKey(claims));
  });

  it("rejects a wrong issuer, a wrong audience and an expired token from the development provider itself", async () => {
    const { signDevToken } = await import("./dev-idp");
    const { loadConfig, setConfig, config } = await import("../config");
    const original = config();
    const user = { userId: "sv-jwt", email: "x@example.vn", displayName: "x", role: "student" as const };
    const signedWith = async (overrides: Record<string, string>) => {
      // The parsed configuration back as environment strings (numbers and flags included), then the overrides.
      const asEnv = Object.fromEntries(Object.entries(original).map(([key, value]) => [key, String(value)]));
      setConfig(loadConfig({ ...process.env, ...asEnv, ...overrides }));
      try {
        return await signDevToken(user);
      } finally {
        setConfig(original);
      }
    };
    const wrongIssuer = await signedWith({ AUTH_ISSUER: "https://evil.example" });
    const wrongAudience = await signedWith({ AUTH_AUDIENCE: "other-app" });
    // Signed nine hours ago: past the eight-hour lifetime.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() - 9 * 60 * 60 * 1000);
    const expired = await signedWith({});
    vi.useRealTimers();
    for (const token of [wrongIssuer, wrongAudience, expired]) await expectRefused(token);
  });

  it("rejects a malformed Authorization header", async () => {
    const res = await call("GET", "/api/me", { headers: { authorization: "Basic abc" } });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthenticated");
  });
});
