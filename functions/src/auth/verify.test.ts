import { generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { call, userWithToken } from "../../test/helpers";

const issuer = "http://127.0.0.1/api/dev-auth";
const audience = "ketnoi-web";

async function forged(claims: { iss?: string; aud?: string; exp?: number; nbf?: number }) {
  const { privateKey } = await generateKeyPair("ES256");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ "cognito:groups": ["admin"] })
    .setProtectedHeader({ alg: "ES256", kid: "attacker" })
    .setSubject("admin-x")
    .setIssuer(claims.iss ?? issuer)
    .setAudience(claims.aud ?? audience)
    .setExpirationTime(claims.exp ?? now + 600)
    .sign(privateKey);
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

let valid: string;
beforeAll(async () => {
  valid = await userWithToken("sv-jwt", "student");
});

describe("bearer token verification", () => {
  it("accepts a token from the identity provider", async () => {
    const res = await call("GET", "/api/me", { token: valid });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: "sv-jwt", role: "student" });
  });

  it.each([
    ["alg none", () => `${base64url({ alg: "none" })}.${base64url({ sub: "admin-x", iss: issuer, aud: audience })}.`],
    ["a signature by another key", () => forged({})],
    [
      "a tampered payload",
      () => {
        const [header, , signature] = valid.split(".");
        return `${header}.${base64url({ sub: "admin-x", "cognito:groups": ["admin"], iss: issuer, aud: audience })}.${signature}`;
      },
    ],
  ])("rejects %s with 401", async (_name, make) => {
    const res = await call("GET", "/api/me", { token: await make() });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthenticated");
  });

  it("rejects a wrong issuer, a wrong audience and an expired token even when correctly signed", async () => {
    const { signDevToken } = await import("./dev-idp");
    const { loadConfig, setConfig, config } = await import("../config");
    const original = config();
    const user = { userId: "sv-jwt", email: "x@example.vn", displayName: "x", role: "student" as const };
    const signedWith = async (overrides: Record<string, string>) => {
      setConfig(
        loadConfig({ ...process.env, ...original, DEV_AUTH: "true", MAX_BODY_BYTES: "16384", ...overrides } as never),
      );
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
    for (const token of [wrongIssuer, wrongAudience, expired]) {
      expect((await call("GET", "/api/me", { token })).status).toBe(401);
    }
  });

  it("rejects a malformed Authorization header", async () => {
    const res = await call("GET", "/api/me", { headers: { authorization: "Basic abc" } });
    expect(res.status).toBe(401);
  });
});
