import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableDataActions } from "./data";
import { KetNoiPlatform } from "./ketnoi";
import { platformProps } from "./options";
import { placeholderWebAssets } from "./paths";
import { resourceAt, resourcesOfType, scratchFolder } from "./test/template";

// The optional parts, all switched on in one synthesized stack: what a province team adds by setting a variable.
const scratch = scratchFolder("ketnoi-options-");
let template: Template;
const ref = (id: string) => ({ Ref: id });

beforeAll(() => {
  // The aggregator does not exist yet (province-dashboard issue): a stand-in entry proves the wiring only.
  const consumerEntry = join(scratch.path, "consumer.ts");
  writeFileSync(consumerEntry, "export const handler = async () => ({ batchItemFailures: [] });\n");
  const app = new App({ outdir: join(scratch.path, "cdk.out") });
  const stack = new Stack(app, "KetNoi-options", { env: { region: "ap-southeast-1" } });
  new KetNoiPlatform(stack, "Platform", {
    stage: "prod",
    webAssetsFolder: placeholderWebAssets(),
    alarmEmail: "ops@example.vn",
    emailSender: { fromEmail: "no-reply@ketnoi.example.vn", fromName: "KetNoi" },
    domain: { names: ["ketnoi.example.vn"], certificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/abc" },
    streamConsumer: { entry: consumerEntry },
  });
  template = Template.fromStack(stack);
});
afterAll(() => scratch.remove());

describe("stream consumer", () => {
  const consumer = () => resourceAt(template, "AWS::Lambda::Function", "PlatformDataStreamConsumerFunction");

  it("runs like the API function: nodejs22.x on arm64, table name and stage only", () => {
    const fn = consumer()[1].Properties!;
    expect(fn).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], MemorySize: 256, Timeout: 60 });
    expect(Object.keys(fn.Environment.Variables).sort()).toEqual(["NODE_OPTIONS", "STAGE", "TABLE_NAME"]);
  });

  it("reads the stream in batches, isolates failing records and parks them in an encrypted dead-letter queue", () => {
    const [queueId, queue] = resourceAt(template, "AWS::SQS::Queue", "PlatformDataStreamDeadLetterQueue");
    expect(queue.Properties).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
    const [, mapping] = resourceAt(template, "AWS::Lambda::EventSourceMapping", "PlatformDataStreamConsumer");
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { "Fn::GetAtt": [expect.stringMatching(/^PlatformDataTable/), "StreamArn"] },
      StartingPosition: "TRIM_HORIZON",
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [queueId, "Arn"] } } },
    });
  });

  it("may read the stream, write the table and send to its queue; the only '*' is ListStreams, which has no ARN", () => {
    const roleId = consumer()[1].Properties!.Role["Fn::GetAtt"][0];
    const statements = resourcesOfType(template, "AWS::IAM::Policy")
      .filter(([, p]) => JSON.stringify(p.Properties!.Roles).includes(roleId))
      .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement);
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions).toEqual(expect.arrayContaining([...tableDataActions, "dynamodb:GetRecords", "sqs:SendMessage"]));
    for (const statement of statements.filter((s) => s.Resource === "*")) {
      expect(statement.Action).toBe("dynamodb:ListStreams");
    }
  });

  it("alarms on its errors, throttles and any message in the dead-letter queue", () => {
    const alarms = resourcesOfType(template, "AWS::CloudWatch::Alarm").map(([, a]) => a.Properties!);
    const [queueId] = resourceAt(template, "AWS::SQS::Queue", "PlatformDataStreamDeadLetterQueue");
    const dlq = alarms.find((a) => a.MetricName === "ApproximateNumberOfMessagesVisible");
    expect(dlq).toMatchObject({ Threshold: 1, Statistic: "Maximum" });
    expect(dlq!.Dimensions).toEqual([{ Name: "QueueName", Value: { "Fn::GetAtt": [queueId, "QueueName"] } }]);
    const [consumerId] = consumer();
    const consumerAlarms = alarms.filter(
      (a) => JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: "FunctionName", Value: ref(consumerId) }]),
    );
    expect(consumerAlarms.map((a) => a.MetricName).sort()).toEqual(["Errors", "Throttles"]);
  });
});

describe("custom domain, SES and alarm email", () => {
  it("serves the custom domain with its certificate and tells the API that origin", () => {
    const config = resourceAt(template, "AWS::CloudFront::Distribution", "PlatformWebDistribution")[1].Properties!
      .DistributionConfig;
    expect(config.Aliases).toEqual(["ketnoi.example.vn"]);
    expect(config.ViewerCertificate).toMatchObject({
      AcmCertificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/abc",
      MinimumProtocolVersion: "TLSv1.2_2021",
      SslSupportMethod: "sni-only",
    });
    const api = resourceAt(template, "AWS::Lambda::Function", "PlatformApiHandlerFunction")[1].Properties!;
    expect(api.Environment.Variables.WEB_ORIGIN).toBe("https://ketnoi.example.vn");
  });

  it("sends Cognito's emails through SES and alarm emails to the given address", () => {
    const pool = resourceAt(template, "AWS::Cognito::UserPool", "PlatformAuthUserPool")[1].Properties!;
    expect(pool.EmailConfiguration).toMatchObject({
      EmailSendingAccount: "DEVELOPER",
      From: "KetNoi <no-reply@ketnoi.example.vn>",
    });
    const [, subscription] = resourceAt(template, "AWS::SNS::Subscription", "PlatformMonitoringAlarmTopic");
    expect(subscription.Properties).toMatchObject({ Protocol: "email", Endpoint: "ops@example.vn" });
  });
});

describe("platformProps (both entries' settings)", () => {
  const env = { KETNOI_WEB_DIST: placeholderWebAssets() };

  it("gives the custom domain to prod only and needs its certificate", () => {
    const withDomain = {
      ...env,
      KETNOI_DOMAIN: "ketnoi.example.vn, www.ketnoi.example.vn",
      KETNOI_CERTIFICATE_ARN: "arn:c",
    };
    expect(platformProps("prod", { allowPlaceholderWeb: false }, withDomain).domain).toEqual({
      names: ["ketnoi.example.vn", "www.ketnoi.example.vn"],
      certificateArn: "arn:c",
    });
    expect(platformProps("dev", { allowPlaceholderWeb: false }, withDomain).domain).toBeUndefined();
    expect(() => platformProps("prod", { allowPlaceholderWeb: false }, { ...env, KETNOI_DOMAIN: "x.vn" })).toThrow(
      /KETNOI_CERTIFICATE_ARN/,
    );
  });

  it("refuses to deploy without a built web app unless a placeholder is allowed", () => {
    const missing = { KETNOI_WEB_DIST: join(scratch.path, "no-such-dist") };
    expect(() => platformProps("prod", { allowPlaceholderWeb: false }, missing)).toThrow(/npm run build/);
    expect(platformProps("dev", { allowPlaceholderWeb: true }, missing).webAssetsFolder).toBe(placeholderWebAssets());
  });
});
