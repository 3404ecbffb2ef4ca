import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startCognitoStandIn } from "../../test/cognito-local";
import { call } from "../../test/helpers";
import { studentWithProfile } from "../../test/marketplace";
import { config, setConfig } from "../config";

// DELETE /api/students/me in deploy also deletes the person's Cognito user, so no new token is ever issued
// (auth/account-lock.ts). Here over HTTP with a user pool configured, against a local stand-in that speaks Cognito's
// JSON 1.1 protocol and checks each request's SigV4 signature (test/cognito-local.ts): the erasure deletes the user
// with the function role's keys from the environment; a user already gone, or a Cognito that refuses, still erases.

const region = "ap-southeast-1";
const poolId = "ap-southeast-1_KetNoiE1";
const keys = { accessKeyId: "AKIDERASURE", secretAccessKey: "erasure-secret", sessionToken: "session-erasure" };
let cognito: Awaited<ReturnType<typeof startCognitoStandIn>>;
const saved = config();
beforeAll(async () => {
  cognito = await startCognitoStandIn({ region, poolId, ...keys, users: ["ec-present", "ec-refused"] });
  setConfig({ ...saved, AWS_REGION: region, COGNITO_USER_POOL_ID: poolId, COGNITO_ENDPOINT: cognito.endpoint });
  vi.stubEnv("AWS_ACCESS_KEY_ID", keys.accessKeyId);
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey);
  vi.stubEnv("AWS_SESSION_TOKEN", keys.sessionToken);
});
afterAll(async () => {
  setConfig(saved);
  vi.unstubAllEnvs();
  await cognito.stop();
});

const erase = (token: string) => call("DELETE", "/api/students/me", { token, body: { confirm: "XOA TAI KHOAN" } });
const errorLogs = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map(([line]) => String(line)).filter((line) => line.includes("cognito user not deleted"));

describe("erasure deletes the Cognito user (signed fetch)", () => {
  it("sends one signed AdminDeleteUser for the erased student and the user is gone from the pool", async () => {
    const token = await studentWithProfile("ec-present");
    const before = cognito.received.length;
    const res = await erase(token);
    expect(res.status).toBe(200);
    expect(cognito.received.slice(before)).toEqual([
      expect.objectContaining({
        target: "AWSCognitoIdentityProviderService.AdminDeleteUser",
        body: { UserPoolId: poolId, Username: "ec-present" },
        signatureValid: true,
        securityToken: keys.sessionToken,
      }),
    ]);
    expect(cognito.users.has("ec-present")).toBe(false);
    expect((await call("GET", "/api/me", { token })).json?.error?.code).toBe("account_erased");
  });

  it("treats UserNotFoundException as done (a retried erasure) and logs any other refusal, erasing either way", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // Never in the pool: Cognito answers 400 UserNotFoundException, which is the aim reached; nothing is logged.
      const absent = await studentWithProfile("ec-absent");
      expect((await erase(absent)).status).toBe(200);
      expect(cognito.received.at(-1)).toMatchObject({ signatureValid: true, body: { Username: "ec-absent" } });
      expect(errorLogs(spy)).toEqual([]);

      // Refused (the role lacks the permission): logged with its name; the tombstone still bars the token.
      cognito.answerNext({
        status: 400,
        body: { __type: "NotAuthorizedException", message: "not allowed to AdminDeleteUser" },
      });
      const refused = await studentWithProfile("ec-refused");
      expect((await erase(refused)).status).toBe(200);
      const logged = errorLogs(spy);
      expect(logged).toHaveLength(1);
      expect(JSON.parse(logged[0]!)).toMatchObject({
        userId: "ec-refused",
        error: expect.stringContaining("not allowed"),
      });
      expect(JSON.parse(logged[0]!).error).toMatch(/^NotAuthorizedException/);
      expect(cognito.users.has("ec-refused")).toBe(true);
      expect((await call("GET", "/api/me", { token: refused })).json?.error?.code).toBe("account_erased");
    } finally {
      spy.mockRestore();
    }
  });
});
