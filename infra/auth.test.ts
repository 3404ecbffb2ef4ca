import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stages } from "./app";
import { roleGroups } from "./auth";
import { resourcesOfType, type Stage, type SynthesizedCdkApp, synthesizeCdkApp } from "./test/template";

let synth: SynthesizedCdkApp;
beforeAll(() => {
  synth = synthesizeCdkApp();
});
afterAll(() => synth.remove());
const one = (stage: Stage, type: string, prefix: string) => synth.resource(stage, type, prefix);

describe.each(stages)("stage %s", (stage) => {
  it("lets students sign up with email and keeps the web client secret-free, SRP-only, without OAuth flows", () => {
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
    expect(pool.VerificationMessageTemplate.EmailMessage).toContain("Mã xác minh");
    const client = one(stage, "AWS::Cognito::UserPoolClient", "PlatformAuthUserPoolWebClient")[1].Properties!;
    expect(client).toMatchObject({ GenerateSecret: false, PreventUserExistenceErrors: "ENABLED" });
    expect(client.ExplicitAuthFlows.sort()).toEqual(["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"]);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(client.AllowedOAuthFlows).toBeUndefined();
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
