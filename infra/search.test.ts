import { loadConfig } from "@ketnoi/functions/config";
import { searchStoreFromConfig } from "@ketnoi/functions/search/s3-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stages } from "./app";
import { indexDataActions, tableDataActions } from "./data";
import { candidateSnapshotKey, searchSnapshotKey } from "./search";
import {
  functionPolicyStatements,
  type PolicyStatementJson,
  ref,
  resourcesOfType,
  type Stage,
  type SynthesizedCdkApp,
  sampleEnvironment,
  synthesizeCdkApp,
} from "./test/template";

// Search in deploy: the snapshot bucket, and how the API function reads it. The consumer that writes it:
// stream-consumer.test.ts.
let synth: SynthesizedCdkApp;
beforeAll(() => {
  synth = synthesizeCdkApp();
});
afterAll(() => synth.remove());
const one = (stage: Stage, type: string, prefix: string) => synth.resource(stage, type, prefix);
const bucketId = (stage: Stage) => one(stage, "AWS::S3::Bucket", "PlatformSearchSnapshots")[0];
// The browse function: search and recommendations read the snapshot (catalog's feed too; the docs function does not).
const apiEnv = (stage: Stage) =>
  one(stage, "AWS::Lambda::Function", "PlatformApiBrowseHandlerFunction")[1].Properties!.Environment
    .Variables as Record<string, unknown>;

describe.each(stages)("stage %s: the search snapshot bucket", (stage) => {
  it("is private, encrypted, owner-enforced, and TLS 1.2+ only", () => {
    const [id, bucket] = one(stage, "AWS::S3::Bucket", "PlatformSearchSnapshots");
    expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties!.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
    });
    expect(bucket.Properties!.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] });
    expect(bucket.Properties!.WebsiteConfiguration).toBeUndefined();

    const [, policy] = one(stage, "AWS::S3::BucketPolicy", "PlatformSearchSnapshotsPolicy");
    expect(policy.Properties!.Bucket).toEqual(ref(id));
    const statements = policy.Properties!.PolicyDocument.Statement as PolicyStatementJson[];
    const denies = statements.filter((s) => s.Effect === "Deny");
    expect(denies.map((s) => s.Condition)).toEqual(
      expect.arrayContaining([
        { Bool: { "aws:SecureTransport": "false" } },
        { NumericLessThan: { "s3:TlsVersion": 1.2 } },
      ]),
    );
    for (const deny of denies) expect(deny).toMatchObject({ Action: "s3:*", Principal: { AWS: "*" } });
    // The only Allow is CDK's own emptying of a dev bucket at removal, by its provider's role; none for anyone.
    const allows = statements.filter((s) => s.Effect === "Allow");
    expect(allows).toHaveLength(stage === "prod" ? 0 : 1);
    for (const allow of allows) {
      expect(JSON.stringify(allow.Principal)).toContain("CustomS3AutoDeleteObjectsCustomResourceProviderRole");
    }
  });

  it("is kept in prod and emptied and removed with a dev stack", () => {
    const [, bucket] = one(stage, "AWS::S3::Bucket", "PlatformSearchSnapshots");
    expect(bucket.DeletionPolicy).toBe(stage === "prod" ? "Retain" : "Delete");
    const autoDelete = resourcesOfType(synth.templates[stage], "Custom::S3AutoDeleteObjects").filter(
      ([, r]) => JSON.stringify(r.Properties!.BucketName) === JSON.stringify(ref(bucketId(stage))),
    );
    expect(autoDelete).toHaveLength(stage === "prod" ? 0 : 1);
  });
});

describe.each(stages)("stage %s: the API function and the snapshot", (stage) => {
  it("gets SEARCH_BUCKET and SEARCH_KEY, which its config accepts and its entry turns into the S3 store", () => {
    const env = apiEnv(stage);
    expect(env).toMatchObject({
      SEARCH_BUCKET: ref(bucketId(stage)),
      SEARCH_KEY: searchSnapshotKey,
      CANDIDATES_KEY: candidateSnapshotKey,
    });
    // Lambda sets AWS_REGION itself.
    const config = loadConfig({ ...sampleEnvironment(env), AWS_REGION: "ap-southeast-1" });
    expect(config).toMatchObject({ STAGE: stage, SEARCH_KEY: searchSnapshotKey });
    expect(searchStoreFromConfig(config)).toBeDefined();
    // The same environment without them fails the cold start, naming them.
    const { SEARCH_BUCKET: _bucket, SEARCH_KEY: _key, ...without } = sampleEnvironment(env);
    expect(() => searchStoreFromConfig(loadConfig(without))).toThrow(/SEARCH_BUCKET: required[\s\S]*SEARCH_KEY/);
  });

  it("may read the snapshot key (and list its own bucket), never write it: its whole policy", () => {
    const [tableId] = one(stage, "AWS::DynamoDB::Table", "PlatformDataTable");
    const tableArn = { "Fn::GetAtt": [tableId, "Arn"] };
    const bucketArn = { "Fn::GetAtt": [bucketId(stage), "Arn"] };
    const table = [
      { Effect: "Allow", Action: [...tableDataActions], Resource: tableArn },
      { Effect: "Allow", Action: indexDataActions[0], Resource: { "Fn::Join": ["", [tableArn, "/index/*"]] } },
    ];
    // The docs function serves the document as built: the table (the middleware chain), nothing else.
    expect(functionPolicyStatements(synth.templates[stage], "PlatformApiHandlerFunction")).toEqual(table);
    expect(functionPolicyStatements(synth.templates[stage], "PlatformApiBrowseHandlerFunction")).toEqual([
      ...table,
      // The search snapshot and the candidate snapshot (the candidates route), nothing else in the bucket.
      {
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: [
          { "Fn::Join": ["", [bucketArn, `/${searchSnapshotKey}`]] },
          { "Fn::Join": ["", [bucketArn, `/${candidateSnapshotKey}`]] },
        ],
      },
      { Effect: "Allow", Action: "s3:ListBucket", Resource: bucketArn },
    ]);
  });
});

describe.each(stages)("stage %s: least privilege everywhere", (stage) => {
  it("grants no wildcard action, no Scan, no table management to any KetNoi function", () => {
    const ours = resourcesOfType(synth.templates[stage], "AWS::Lambda::Function").filter(([id]) =>
      id.startsWith("Platform"),
    );
    // The docs function and eight route-group functions, files, stream consumer, MFA claim, retention, interview jobs,
    // and mail's consumer, digest and bounce handler.
    expect(ours).toHaveLength(17);
    for (const [id] of ours) {
      const statements = functionPolicyStatements(synth.templates[stage], id);
      const actions = statements.flatMap((s) => [s.Action].flat() as string[]);
      expect(
        actions.filter((a) => a.includes("*")),
        id,
      ).toEqual([]);
      expect(actions, id).not.toContain("dynamodb:Scan");
      expect(
        actions.filter((a) => /^dynamodb:(Create|Delete|Update)Table|PartiQL/.test(a)),
        id,
      ).toEqual([]);
      expect(
        actions.filter(
          (a) => /^s3:/.test(a) && !["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject"].includes(a),
        ),
        id,
      ).toEqual([]);
      for (const statement of statements.filter((s) => s.Resource === "*")) {
        expect(statement.Action, id).toBe("dynamodb:ListStreams");
      }
    }
  });
});
