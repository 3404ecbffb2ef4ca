import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stages } from "./app";
import {
  providerFunctionPrefixes,
  type Resource,
  resourcesOfType,
  type SynthesizedCdkApp,
  synthesizeCdkApp,
} from "./test/template";

// The platform as a whole; each concern has its own test file beside its construct (data, auth, api, web, monitoring).
let synth: SynthesizedCdkApp;
beforeAll(() => {
  synth = synthesizeCdkApp();
});
afterAll(() => synth.remove());

describe.each(stages)("stage %s", (stage) => {
  it("runs every KetNoi function on nodejs22.x arm64; the only others are CDK's own providers", () => {
    const functions = resourcesOfType(synth.templates[stage], "AWS::Lambda::Function");
    const ours = functions.filter(([id]) => id.startsWith("Platform"));
    expect(ours.map(([id]) => id).sort()).toEqual([
      expect.stringMatching(/^PlatformApiAccountHandlerFunction/),
      expect.stringMatching(/^PlatformApiBrowseHandlerFunction/),
      expect.stringMatching(/^PlatformApiCatalogHandlerFunction/),
      expect.stringMatching(/^PlatformApiFilesHandlerFunction/),
      expect.stringMatching(/^PlatformApiHandlerFunction/),
      expect.stringMatching(/^PlatformApiHealthHandlerFunction/),
      expect.stringMatching(/^PlatformApiInsightsHandlerFunction/),
      expect.stringMatching(/^PlatformApiOrganisationsHandlerFunction/),
      expect.stringMatching(/^PlatformApiPlacementHandlerFunction/),
      expect.stringMatching(/^PlatformApiWorkHandlerFunction/),
      expect.stringMatching(/^PlatformAuthMfaClaimFunction/),
      expect.stringMatching(/^PlatformInterviewJobsHandlerFunction/),
      // Mail (infra/mail.ts), mounted because the synthesis configures a mail domain (synthContext).
      expect.stringMatching(/^PlatformMailBouncesFunction/),
      expect.stringMatching(/^PlatformMailConsumerFunction/),
      expect.stringMatching(/^PlatformMailDigestFunction/),
      expect.stringMatching(/^PlatformRetentionHandlerFunction/),
      expect.stringMatching(/^PlatformStreamConsumerHandlerFunction/),
    ]);
    for (const [, fn] of ours) {
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        Handler: "index.handler",
      });
      expect(fn.Properties!.LoggingConfig).toMatchObject({ LogFormat: "JSON" });
    }
    const others = functions.filter(([id]) => !id.startsWith("Platform")).map(([id]) => id);
    for (const id of others) expect(providerFunctionPrefixes.some((prefix) => id.startsWith(prefix))).toBe(true);
  });

  it("never turns on the development identity provider: a function either has DEV_AUTH=false or no DEV_AUTH", () => {
    const ours = resourcesOfType(synth.templates[stage], "AWS::Lambda::Function").filter(([id]) =>
      id.startsWith("Platform"),
    );
    const devAuth = ours.map(([id, fn]) => [id, fn.Properties!.Environment?.Variables?.DEV_AUTH]);
    // Every function behind the HTTP API (docs, one per route group, files) says false; no other has it.
    const withDevAuth = devAuth.filter(([, value]) => value !== undefined);
    expect(withDevAuth).toHaveLength(10);
    for (const [id, value] of withDevAuth) {
      expect(id).toMatch(/^PlatformApi\w*HandlerFunction/);
      expect(value).toBe("false");
    }
  });

  it("protects the production stack from deletion, and only it", () => {
    expect(synth.stacks[stage].terminationProtection).toBe(stage === "prod");
  });

  it("prints the outputs a deploy needs", () => {
    expect(Object.keys(synth.templates[stage].toJSON().Outputs).sort()).toEqual(
      [
        "AlarmTopicArn",
        "DistributionId",
        "FilesBucket",
        // The mail domain's three DKIM CNAMEs to publish (docs/notifications.md, Deploy setup).
        "MailDkim1",
        "MailDkim2",
        "MailDkim3",
        "SearchSnapshotBucket",
        "TableName",
        "UserPoolClientId",
        "UserPoolId",
        "WebUrl",
      ].sort(),
    );
  });
});

it("holds the whole platform in the one construct", () => {
  const outside = Object.entries(synth.templates.prod.toJSON().Resources as Record<string, Resource>)
    .filter(([id]) => !id.startsWith("Platform"))
    .map(([id, r]) => `${r.Type} ${id}`);
  for (const entry of outside)
    expect(entry).toMatch(
      /^(AWS::Lambda::LayerVersion|AWS::Lambda::Function|AWS::IAM::Role|AWS::IAM::Policy|Custom::S3AutoDeleteObjects|Custom::CrossRegionExportReader|AWS::CDK::Metadata) /,
    );
});
