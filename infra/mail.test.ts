import { loadMailConfig } from "@ketnoi/functions/config";
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { Code, Function as LambdaFunction, Runtime } from "aws-cdk-lib/aws-lambda";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Topic } from "aws-cdk-lib/aws-sns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KetNoiData } from "./data";
import { bounceRateAlarmThreshold, KetNoiMail } from "./mail";
import { stageSettings } from "./stage";
import { functionPolicyStatements, resourcesOfType, sampleEnvironment, scratchFolder } from "./test/template";

// The mail construct on its own stack (KetNoiPlatform mounts it with a mail domain: infra/ketnoi.test.ts, nag, synth).
const scratch = scratchFolder("ketnoi-mail-");
let template: Template;
beforeAll(() => {
  const app = new App({ outdir: scratch.path });
  const stack = new Stack(app, "MailTest", { env: { account: "123456789012", region: "ap-southeast-1" } });
  const stage = stageSettings("dev");
  const sender = new LambdaFunction(stack, "Sender", {
    runtime: Runtime.NODEJS_22_X,
    handler: "index.handler",
    code: Code.fromInline("export const handler = async () => {};"),
  });
  new KetNoiMail(stack, "Mail", {
    stage,
    data: new KetNoiData(stack, "Data", { stage }),
    domain: "ketnoi.example.vn",
    senders: [sender],
    serverSecret: new Secret(stack, "Secret"),
    webOrigin: "https://ketnoi.example.vn",
    alarmTopic: new Topic(stack, "Alarms"),
  });
  template = Template.fromStack(stack);
});
afterAll(() => scratch.remove());

describe("mail in deploy", () => {
  it("verifies the domain's SES identity under a configuration set whose bounces and complaints reach SNS", () => {
    template.hasResourceProperties("AWS::SES::EmailIdentity", { EmailIdentity: "ketnoi.example.vn" });
    template.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", {
      EventDestination: { Enabled: true, MatchingEventTypes: ["bounce", "complaint"] },
    });
    template.resourceCountIs("AWS::SNS::Subscription", 1);
  });

  it("lets the senders, the mail consumer and the digest send only as no-reply@ through the configuration set", () => {
    for (const prefix of ["Sender", "MailConsumerFunction", "MailDigestFunction"]) {
      const ses = functionPolicyStatements(template, prefix).filter((s) => JSON.stringify(s.Action).includes("ses:"));
      expect(ses, prefix).toHaveLength(1);
      expect(ses[0]!.Action).toEqual(["ses:SendEmail", "ses:SendRawEmail"]);
      expect(ses[0]!.Condition).toEqual({ StringEquals: { "ses:FromAddress": "no-reply@ketnoi.example.vn" } });
      expect(JSON.stringify(ses[0]!.Resource)).not.toContain("*");
    }
    const bounce = functionPolicyStatements(template, "MailBouncesFunction");
    expect(JSON.stringify(bounce)).not.toContain("ses:");
  });

  it("runs the digest daily at 07:00 Vietnam time with a config the mail code accepts", () => {
    template.hasResourceProperties("AWS::Scheduler::Schedule", {
      ScheduleExpression: "cron(0 7 * * ? *)",
      ScheduleExpressionTimezone: "Asia/Ho_Chi_Minh",
    });
    const [, digest] = resourcesOfType(template, "AWS::Lambda::Function").find(([id]) =>
      id.startsWith("MailDigestFunction"),
    )!;
    const env = digest.Properties!.Environment.Variables as Record<string, unknown>;
    const config = loadMailConfig(sampleEnvironment(env));
    expect(config).toMatchObject({ MAIL_TRANSPORT: "ses", MAIL_FROM: "KetNoi <no-reply@ketnoi.example.vn>" });
  });

  it("alarms on the SES bounce rate", () => {
    template.hasResourceProperties("AWS::CloudWatch::Alarm", {
      MetricName: "Reputation.BounceRate",
      Namespace: "AWS/SES",
      Threshold: bounceRateAlarmThreshold,
    });
  });
});
