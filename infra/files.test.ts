import { loadConfig } from "@ketnoi/functions/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stages } from "./app";
import { cvPrefix, uploadPrefix } from "./files";
import {
  functionPolicyStatements,
  type PolicyStatementJson,
  type Stage,
  type SynthesizedCdkApp,
  sampleEnvironment,
  synthesizeCdkApp,
} from "./test/template";

// Students' CV files in deploy: the private bucket, its CORS and lifecycle, and what the functions may do with it.
let synth: SynthesizedCdkApp;
beforeAll(() => {
  synth = synthesizeCdkApp();
});
afterAll(() => synth.remove());
const one = (stage: Stage, type: string, prefix: string) => synth.resource(stage, type, prefix);
const bucket = (stage: Stage) => one(stage, "AWS::S3::Bucket", "PlatformFilesCvFiles");
const bucketArn = (stage: Stage) => ({ "Fn::GetAtt": [bucket(stage)[0], "Arn"] });
const objects = (stage: Stage, prefix: string) => ({ "Fn::Join": ["", [bucketArn(stage), `/${prefix}*`]] });
const env = (stage: Stage, fn: string) =>
  one(stage, "AWS::Lambda::Function", fn)[1].Properties!.Environment.Variables as Record<string, unknown>;

describe.each(stages)("stage %s: the CV files bucket", (stage) => {
  it("is private, encrypted, owner-enforced and TLS 1.2+ only", () => {
    const [id, { Properties: p }] = bucket(stage);
    expect(p!.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(p!.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
    });
    expect(p!.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] });
    const [, policy] = one(stage, "AWS::S3::BucketPolicy", "PlatformFilesCvFilesPolicy");
    expect(policy.Properties!.Bucket).toEqual({ Ref: id });
    const denies = (policy.Properties!.PolicyDocument.Statement as PolicyStatementJson[]).filter(
      (s) => s.Effect === "Deny",
    );
    expect(denies.map((s) => s.Condition)).toEqual(
      expect.arrayContaining([
        { Bool: { "aws:SecureTransport": "false" } },
        { NumericLessThan: { "s3:TlsVersion": 1.2 } },
      ]),
    );
  });

  it("removes orphaned uploads (never checked) and unfinished multipart uploads after a day", () => {
    const rules = bucket(stage)[1].Properties!.LifecycleConfiguration.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: uploadPrefix, ExpirationInDays: 1, Status: "Enabled" }),
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: "Enabled" }),
      ]),
    );
    // Checked files under cv/ never expire by rule: they go with the student's delete or erasure.
    expect(rules.filter((r: { Prefix?: string }) => r.Prefix === cvPrefix)).toEqual([]);
  });

  it("answers CORS for the site's origin only, and only for the upload POST", () => {
    const cors = bucket(stage)[1].Properties!.CorsConfiguration.CorsRules;
    expect(cors).toHaveLength(1);
    expect(cors[0].AllowedMethods).toEqual(["POST"]);
    expect(cors[0].AllowedOrigins).toHaveLength(1);
    expect(JSON.stringify(cors[0].AllowedOrigins)).not.toContain("*");
  });

  it("lets the files function sign, check, copy and delete under uploads/ and cv/ only; the API only read cv/; the consumer only delete", () => {
    const files = (statements: PolicyStatementJson[]) =>
      statements.filter((s) => JSON.stringify(s.Resource).includes(bucket(stage)[0]));
    expect(files(functionPolicyStatements(synth.templates[stage], "PlatformApiFilesHandlerFunction"))).toEqual([
      {
        Effect: "Allow",
        Action: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
        Resource: [objects(stage, uploadPrefix), objects(stage, cvPrefix)],
      },
    ]);
    // The export's presigned links (functions/src/files/export-links.ts) need their signer to be allowed the GET.
    expect(files(functionPolicyStatements(synth.templates[stage], "PlatformApiAccountHandlerFunction"))).toEqual([
      { Effect: "Allow", Action: "s3:GetObject", Resource: objects(stage, cvPrefix) },
    ]);
    // The docs function serves the document as built: no file access.
    expect(files(functionPolicyStatements(synth.templates[stage], "PlatformApiHandlerFunction"))).toEqual([]);
    expect(files(functionPolicyStatements(synth.templates[stage], "PlatformStreamConsumerHandlerFunction"))).toEqual([
      {
        Effect: "Allow",
        Action: "s3:DeleteObject",
        Resource: [objects(stage, uploadPrefix), objects(stage, cvPrefix)],
      },
    ]);
  });

  it("gives the three functions FILES_BUCKET, which their configuration accepts", () => {
    for (const fn of [
      "PlatformApiAccountHandlerFunction",
      "PlatformApiFilesHandlerFunction",
      "PlatformStreamConsumerHandlerFunction",
    ]) {
      expect(env(stage, fn).FILES_BUCKET).toEqual({ Ref: bucket(stage)[0] });
    }
    expect(env(stage, "PlatformApiHandlerFunction").FILES_BUCKET).toBeUndefined();
    for (const fn of ["PlatformApiAccountHandlerFunction", "PlatformApiFilesHandlerFunction"]) {
      const config = loadConfig({ ...sampleEnvironment(env(stage, fn)), AWS_REGION: "x" });
      expect(config.FILES_BUCKET).toBeDefined();
    }
  });
});
