import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCognitoStandIn } from "../../test/cognito-local";
import { type CognitoAdminOptions, CognitoServiceError, cognitoAdmin } from "./cognito-admin";

// The account function's Cognito calls go over a SigV4-signed fetch (issue 14: no SDK client, no @smithy there).
// Here over HTTP against a stand-in that speaks Cognito's JSON 1.1 protocol and recomputes each signature with the
// SDK's own signer: the requests must be what Cognito takes, and its answers, errors included, read as the SDK did.

const region = "ap-southeast-1";
const poolId = "ap-southeast-1_KetNoiT1";
const keys = {
  accessKeyId: "AKIDCOGNITOTEST",
  secretAccessKey: "cognito-test-secret",
  sessionToken: "FwoGZXIvYXdzEXAMPLETOKEN+/=",
};
let cognito: Awaited<ReturnType<typeof startCognitoStandIn>>;
beforeAll(async () => {
  cognito = await startCognitoStandIn({ region, poolId, ...keys, users: ["u-delete", "u-mfa", "u-retry"] });
  cognito.users.set("u-mfa", ["SOFTWARE_TOKEN_MFA"]);
});
afterAll(() => cognito.stop());

const client = (overrides: Partial<CognitoAdminOptions> = {}) =>
  cognitoAdmin({ region, ...keys, endpoint: cognito.endpoint, ...overrides });
/** The error the promise rejects with. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("resolved"),
    (error: unknown) => error as CognitoServiceError,
  );

describe("cognitoAdmin (signed fetch, JSON 1.1)", () => {
  it("deletes a user with one signed AdminDeleteUser carrying the pool and the user name", async () => {
    const before = cognito.received.length;
    await client().adminDeleteUser({ UserPoolId: poolId, Username: "u-delete" });
    expect(cognito.users.has("u-delete")).toBe(false);
    const sent = cognito.received.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      target: "AWSCognitoIdentityProviderService.AdminDeleteUser",
      contentType: "application/x-amz-json-1.1",
      body: { UserPoolId: poolId, Username: "u-delete" },
      signatureValid: true,
      securityToken: keys.sessionToken,
    });
    expect(sent[0]!.signedHeaders).toEqual(
      expect.arrayContaining(["host", "x-amz-date", "x-amz-target", "x-amz-security-token"]),
    );
  });

  it("throws Cognito's UserNotFoundException under the SDK's name and status, without retrying it", async () => {
    const before = cognito.received.length;
    const error = await failure(client().adminDeleteUser({ UserPoolId: poolId, Username: "u-delete" }));
    expect(error).toBeInstanceOf(CognitoServiceError);
    expect([error.name, error.message, error.$fault]).toEqual([
      "UserNotFoundException",
      "User does not exist.",
      "client",
    ]);
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400, attempts: 1 });
    expect(cognito.received.length - before).toBe(1);
  });

  it("is refused by the signature check when signed with another secret", async () => {
    const error = await failure(
      client({ secretAccessKey: "not-the-secret" }).adminGetUser({ UserPoolId: poolId, Username: "u-mfa" }),
    );
    expect(error.name).toBe("InvalidSignatureException");
    expect(cognito.received.at(-1)!.signatureValid).toBe(false);
  });

  it("reads AdminGetUser's answer (the MFA trigger's lookup)", async () => {
    const user = await client().adminGetUser({ UserPoolId: poolId, Username: "u-mfa" });
    expect(user).toMatchObject({ Username: "u-mfa", UserMFASettingList: ["SOFTWARE_TOKEN_MFA"] });
  });

  it("retries a 500 and throttling once, as the transport does, then gives up with the attempts counted", async () => {
    let before = cognito.received.length;
    cognito.answerNext({ status: 500, body: { __type: "InternalErrorException", message: "boom" } });
    await client().adminDeleteUser({ UserPoolId: poolId, Username: "u-retry" });
    expect(cognito.received.length - before).toBe(2);
    expect(cognito.users.has("u-retry")).toBe(false);

    before = cognito.received.length;
    const throttled = { status: 400, body: { __type: "TooManyRequestsException", message: "Rate exceeded" } };
    cognito.answerNext(throttled, throttled);
    const error = await failure(client().adminGetUser({ UserPoolId: poolId, Username: "u-mfa" }));
    expect([error.name, error.$metadata.attempts]).toEqual(["TooManyRequestsException", 2]);
    expect(cognito.received.length - before).toBe(2);
  });

  it("cuts a request Cognito never answers after the timeout, twice, as TimeoutError", async () => {
    cognito.answerNext("hang", "hang");
    const started = Date.now();
    const error = await failure(
      client({ requestTimeoutMs: 300 }).adminDeleteUser({ UserPoolId: poolId, Username: "u-mfa" }),
    );
    expect(error.name).toBe("TimeoutError");
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(cognito.users.has("u-mfa")).toBe(true);
  });
});
