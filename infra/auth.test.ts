import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stages } from "./app";
import { authDomainPrefixStart, roleGroups } from "./auth";
import { resourcesOfType, type Stage, type SynthesizedCdkApp, synthesizeCdkApp } from "./test/template";

let synth: SynthesizedCdkApp;
beforeAll(() => {
  synth = synthesizeCdkApp();
});
afterAll(() => synth.remove());
const one = (stage: Stage, type: string, prefix: string) => synth.resource(stage, type, prefix);

describe.each(stages)("stage %s", (stage) => {
  const client = () => one(stage, "AWS::Cognito::UserPoolClient", "PlatformAuthUserPoolWebClient")[1].Properties!;
  const cloudFront = (path: string) => ({
    "Fn::Join": [
      "",
      ["https://", { "Fn::GetAtt": [expect.stringMatching(/^PlatformWebDistribution/), "DomainName"] }, path],
    ],
  });

  it("lets students sign up with email, verified by a code", () => {
    const pool = one(stage, "AWS::Cognito::UserPool", "PlatformAuthUserPool")[1].Properties!;
    expect(pool).toMatchObject({
      UsernameAttributes: ["email"],
      AutoVerifiedAttributes: ["email"],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      MfaConfiguration: "OPTIONAL",
      EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
      DeletionProtection: stage === "prod" ? "ACTIVE" : "INACTIVE",
    });
    expect(pool.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(10);
    expect(pool.VerificationMessageTemplate).toMatchObject({ DefaultEmailOption: "CONFIRM_WITH_CODE" });
    expect(pool.VerificationMessageTemplate.EmailMessage).toContain("Mã xác minh");
  });

  it("gives the web client the authorization-code flow only: no secret, no implicit grant, no SRP or password", () => {
    expect(client()).toMatchObject({
      GenerateSecret: false,
      PreventUserExistenceErrors: "ENABLED",
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ["code"],
      SupportedIdentityProviders: ["COGNITO"],
      IdTokenValidity: 60,
      TokenValidityUnits: { IdToken: "minutes" },
    });
    // aws.cognito.signin.user.admin: the access token may call the user's own TOTP enrolment APIs (web/src/features/security/Security.tsx).
    expect([...client().AllowedOAuthScopes].sort()).toEqual([
      "aws.cognito.signin.user.admin",
      "email",
      "openid",
      "profile",
    ]);
    // An explicit list: without one Cognito would allow SRP and custom auth through the user-pool API.
    expect(client().ExplicitAuthFlows).toEqual(["ALLOW_REFRESH_TOKEN_AUTH"]);
  });

  it(`sends codes only to the site's callback${stage === "prod" ? "" : " and the local Vite server"}`, () => {
    const local = stage === "prod" ? [] : ["http://localhost:5173/dang-nhap/xong"];
    expect(client().CallbackURLs).toEqual([cloudFront("/dang-nhap/xong"), ...local]);
    expect(client().LogoutURLs).toEqual([cloudFront("/"), ...(stage === "prod" ? [] : ["http://localhost:5173/"])]);
    if (stage === "prod") expect(JSON.stringify(client())).not.toContain("localhost");
  });

  it("serves the classic hosted UI on a prefix domain unique to the stack", () => {
    const domain = one(stage, "AWS::Cognito::UserPoolDomain", "PlatformAuthUserPoolHostedUi")[1].Properties!;
    expect(domain.ManagedLoginVersion).toBe(1);
    expect(domain.CustomDomainConfig).toBeUndefined();
    const [separator, parts] = domain.Domain["Fn::Join"];
    expect(separator).toBe("");
    expect(parts[0]).toBe(`ketnoi-${stage}-`);
    // The first group of the stack id's UUID: stable for the stack, unique across accounts.
    expect(JSON.stringify(parts[1])).toBe(
      JSON.stringify({
        "Fn::Select": [
          0,
          { "Fn::Split": ["-", { "Fn::Select": [2, { "Fn::Split": ["/", { Ref: "AWS::StackId" }] }] }] },
        ],
      }),
    );
  });

  it("has one group per assigned role and none for students", () => {
    const groups = resourcesOfType(synth.templates[stage], "AWS::Cognito::UserPoolGroup").map(
      ([, g]) => g.Properties!.GroupName,
    );
    expect(groups.sort()).toEqual([...roleGroups].sort());
    expect(groups).toEqual(expect.arrayContaining(["admin", "province", "recruiter", "staff"]));
    expect(groups).not.toContain("student");
  });
});

describe("hosted-UI domain prefix", () => {
  it("refuses stage names Cognito would reject in a prefix", () => {
    expect(authDomainPrefixStart("pr-42")).toBe("ketnoi-pr-42-");
    expect(() => authDomainPrefixStart("aws-test")).toThrow(/aws/);
    expect(() => authDomainPrefixStart("x".repeat(48))).toThrow(/too long/);
  });
});
