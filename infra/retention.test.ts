import { defaultRetentionRejectedDays, loadDataConfig } from "@ketnoi/functions/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stages } from "./app";
import { retentionIndexActions, retentionSchedule, retentionTableActions } from "./retention";
import {
  functionPolicyStatements,
  ref,
  resourcesOfType,
  type Stage,
  type SynthesizedCdkApp,
  sampleEnvironment,
  synthesizeCdkApp,
} from "./test/template";

// The daily retention job: its function, schedule, alarms and grants.
let synth: SynthesizedCdkApp;
beforeAll(() => {
  synth = synthesizeCdkApp();
});
afterAll(() => synth.remove());
const one = (stage: Stage, type: string, prefix: string) => synth.resource(stage, type, prefix);
const retentionFunction = (stage: Stage) => one(stage, "AWS::Lambda::Function", "PlatformRetentionHandlerFunction");
const rule = (stage: Stage) => one(stage, "AWS::Events::Rule", "PlatformRetentionDaily");
const tableId = (stage: Stage) => one(stage, "AWS::DynamoDB::Table", "PlatformDataTable")[0];
const fnArn = (stage: Stage) => ({ "Fn::GetAtt": [retentionFunction(stage)[0], "Arn"] });

describe.each(stages)("stage %s: the retention job", (stage) => {
  it("runs on nodejs22.x arm64 with only the data variables, the period included, which its config accepts", () => {
    const fn = retentionFunction(stage)[1].Properties!;
    expect(fn).toMatchObject({
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      Handler: "index.handler",
      MemorySize: 512,
      Timeout: 300,
    });
    const env = fn.Environment.Variables as Record<string, unknown>;
    expect(Object.keys(env).sort()).toEqual(["NODE_OPTIONS", "RETENTION_REJECTED_DAYS", "STAGE", "TABLE_NAME"]);
    expect(env).toMatchObject({ STAGE: stage, TABLE_NAME: ref(tableId(stage)), RETENTION_REJECTED_DAYS: "180" });
    // Lambda sets AWS_REGION itself; the entry parses exactly the data layer's variables.
    const config = loadDataConfig({ ...sampleEnvironment(env), AWS_REGION: "ap-southeast-1" });
    expect(config).toMatchObject({ STAGE: stage, RETENTION_REJECTED_DAYS: defaultRetentionRejectedDays });
    expect(env).not.toHaveProperty("DEV_AUTH");
    const [logsId, logs] = one(stage, "AWS::Logs::LogGroup", "PlatformRetentionHandlerLogs");
    expect(fn.LoggingConfig).toMatchObject({ LogFormat: "JSON", LogGroup: ref(logsId) });
    expect(logs.Properties!.RetentionInDays).toBe(stage === "prod" ? 90 : 7);
  });

  it("is invoked once a day at 03:00 Vietnam time by an EventBridge rule, with bounded retries", () => {
    const [ruleId, daily] = rule(stage);
    expect(daily.Properties).toMatchObject({
      ScheduleExpression: "cron(0 20 * * ? *)",
      State: "ENABLED",
      Targets: [
        expect.objectContaining({
          Arn: fnArn(stage),
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        }),
      ],
    });
    expect((Number(retentionSchedule.hour) + 7) % 24).toBe(3);
    const permissions = resourcesOfType(synth.templates[stage], "AWS::Lambda::Permission")
      .map(([, p]) => p.Properties!)
      .filter((p) => JSON.stringify(p.FunctionName) === JSON.stringify(fnArn(stage)));
    expect(permissions).toEqual([
      {
        Action: "lambda:InvokeFunction",
        FunctionName: fnArn(stage),
        Principal: "events.amazonaws.com",
        SourceArn: { "Fn::GetAtt": [ruleId, "Arn"] },
      },
    ]);
    const [, asyncConfig] = one(stage, "AWS::Lambda::EventInvokeConfig", "PlatformRetentionHandlerFunction");
    expect(asyncConfig.Properties).toMatchObject({
      FunctionName: ref(retentionFunction(stage)[0]),
      MaximumRetryAttempts: 1,
      MaximumEventAgeInSeconds: 7200,
    });
  });

  it("alarms on its errors and throttles and on the schedule failing to invoke it, through the alarm topic", () => {
    const [topicId] = one(stage, "AWS::SNS::Topic", "PlatformMonitoringAlarmTopic");
    const [fnId] = retentionFunction(stage);
    const [ruleId] = rule(stage);
    const alarms = resourcesOfType(synth.templates[stage], "AWS::CloudWatch::Alarm")
      .filter(([id]) => id.startsWith("PlatformRetention"))
      .map(([, a]) => a.Properties!);
    expect(alarms.map((a) => `${a.Namespace} ${a.MetricName}`).sort()).toEqual([
      "AWS/Events FailedInvocations",
      "AWS/Lambda Errors",
      "AWS/Lambda Throttles",
    ]);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({
        Threshold: 1,
        EvaluationPeriods: 1,
        Period: 3600,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        TreatMissingData: "notBreaching",
        AlarmActions: [ref(topicId)],
      });
      const dimensions = alarm.Namespace === "AWS/Events" ? [{ Name: "RuleName", Value: ref(ruleId) }] : [];
      if (alarm.Namespace === "AWS/Lambda") dimensions.push({ Name: "FunctionName", Value: ref(fnId) });
      expect(alarm.Dimensions).toEqual(dimensions);
    }
  });

  it("may only read, query and replace items of the table and query its indexes: its whole policy", () => {
    const tableArn = { "Fn::GetAtt": [tableId(stage), "Arn"] };
    const statements = functionPolicyStatements(synth.templates[stage], "PlatformRetentionHandlerFunction");
    expect(statements).toEqual([
      { Effect: "Allow", Action: [...retentionTableActions], Resource: tableArn },
      { Effect: "Allow", Action: retentionIndexActions[0], Resource: { "Fn::Join": ["", [tableArn, "/index/*"]] } },
    ]);
    for (const action of ["dynamodb:Scan", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:*"]) {
      expect(retentionTableActions).not.toContain(action);
    }
  });
});
