import { deployedCandidateStore } from "@ketnoi/functions/candidates/store";
import { loadDataConfig } from "@ketnoi/functions/config";
import { sourceEntities } from "@ketnoi/functions/effects/records";
import { searchStoreFromConfig } from "@ketnoi/functions/search/s3-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stages } from "./app";
import { candidateSnapshotKey, searchSnapshotKey } from "./search";
import { consumerIndexActions, consumerTableActions, deadLetterMetricName, streamEntities } from "./stream-consumer";
import {
  functionPolicyStatements,
  ref,
  resourcesOfType,
  type Stage,
  type SynthesizedCdkApp,
  sampleEnvironment,
  synthesizeCdkApp,
} from "./test/template";

// The table stream's consumer: its function, event source mapping, dead-letter queue, alarms and grants.
let synth: SynthesizedCdkApp;
beforeAll(() => {
  synth = synthesizeCdkApp();
});
afterAll(() => synth.remove());
const one = (stage: Stage, type: string, prefix: string) => synth.resource(stage, type, prefix);
const consumerFunction = (stage: Stage) => one(stage, "AWS::Lambda::Function", "PlatformStreamConsumerHandlerFunction");
const queue = (stage: Stage) => one(stage, "AWS::SQS::Queue", "PlatformStreamConsumerDeadLetterQueue");
const tableId = (stage: Stage) => one(stage, "AWS::DynamoDB::Table", "PlatformDataTable")[0];
const bucketId = (stage: Stage) => one(stage, "AWS::S3::Bucket", "PlatformSearchSnapshots")[0];
/** The stream's event source mappings of the function with this logical id prefix. */
const mappingsOf = (stage: Stage, functionPrefix: string) => {
  const [functionId] = one(stage, "AWS::Lambda::Function", functionPrefix);
  return resourcesOfType(synth.templates[stage], "AWS::Lambda::EventSourceMapping").filter(
    ([, mapping]) => JSON.stringify(mapping.Properties!.FunctionName) === JSON.stringify(ref(functionId)),
  );
};

/**
 * Lambda's event filter matching, for the subset of patterns used here: a list of allowed values at a leaf, and
 * nested objects. A record must match every key of a pattern; a batch keeps the records matching any pattern.
 */
function matches(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.includes(value);
  if (typeof pattern !== "object" || pattern === null || typeof value !== "object" || value === null) return false;
  return Object.entries(pattern).every(([key, inner]) => matches(inner, (value as Record<string, unknown>)[key]));
}
/** A stream record as DynamoDB writes it: INSERT has only the new image, REMOVE only the old one. */
const streamRecord = (eventName: "INSERT" | "MODIFY" | "REMOVE", entity: string) => {
  const image = { pk: { S: "$ketnoi#x" }, __edb_e__: { S: entity }, __edb_v__: { S: "1" } };
  return {
    eventName,
    dynamodb: {
      ...(eventName !== "REMOVE" ? { NewImage: image } : {}),
      ...(eventName !== "INSERT" ? { OldImage: image } : {}),
    },
  };
};

describe.each(stages)("stage %s: the stream consumer", (stage) => {
  it("runs on nodejs22.x arm64, sized for the in-memory index, with only the variables its config reads", () => {
    const fn = consumerFunction(stage)[1].Properties!;
    expect(fn).toMatchObject({
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      Handler: "index.handler",
      MemorySize: 1024,
      Timeout: 60,
    });
    const env = fn.Environment.Variables as Record<string, unknown>;
    expect(Object.keys(env).sort()).toEqual([
      "CANDIDATES_KEY",
      "FILES_BUCKET",
      "NODE_OPTIONS",
      "SEARCH_BUCKET",
      "SEARCH_KEY",
      "STAGE",
      "TABLE_NAME",
    ]);
    expect(env).toMatchObject({
      STAGE: stage,
      TABLE_NAME: ref(tableId(stage)),
      SEARCH_BUCKET: ref(bucketId(stage)),
      SEARCH_KEY: searchSnapshotKey,
      CANDIDATES_KEY: candidateSnapshotKey,
    });
    // Lambda sets AWS_REGION itself. The consumer's entry parses exactly this and builds the S3 store from it.
    const config = loadDataConfig({ ...sampleEnvironment(env), AWS_REGION: "ap-southeast-1" });
    expect(config).toMatchObject({ STAGE: stage, SEARCH_KEY: searchSnapshotKey });
    expect(searchStoreFromConfig(config)).toBeDefined();
    expect(deployedCandidateStore(config, { AWS_ACCESS_KEY_ID: "k", AWS_SECRET_ACCESS_KEY: "s" })).toBeDefined();
    const [logsId, logs] = one(stage, "AWS::Logs::LogGroup", "PlatformStreamConsumerHandlerLogs");
    expect(fn.LoggingConfig).toMatchObject({ LogFormat: "JSON", LogGroup: ref(logsId) });
    expect(logs.Properties!.RetentionInDays).toBe(stage === "prod" ? 90 : 7);
  });

  it("reads the table stream from LATEST in batches, reports per-record failures, parks the rest in the DLQ", () => {
    const [queueId, dlq] = queue(stage);
    expect(dlq.Properties).toMatchObject({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
    expect(dlq.DeletionPolicy).toBe(stage === "prod" ? "Retain" : "Delete");
    const [, queuePolicy] = one(stage, "AWS::SQS::QueuePolicy", "PlatformStreamConsumerDeadLetterQueuePolicy");
    expect(queuePolicy.Properties!.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );

    // The stream has two readers, this consumer and the mail consumer (infra/mail.ts): DynamoDB Streams serves two
    // per shard without throttling, so a third reader needs a fan-out (Kinesis) first.
    expect(resourcesOfType(synth.templates[stage], "AWS::Lambda::EventSourceMapping")).toHaveLength(2);
    const mappings = mappingsOf(stage, "PlatformStreamConsumerHandlerFunction");
    expect(mappings).toHaveLength(1);
    expect(mappings[0]![1].Properties).toMatchObject({
      FunctionName: ref(consumerFunction(stage)[0]),
      EventSourceArn: { "Fn::GetAtt": [tableId(stage), "StreamArn"] },
      StartingPosition: "LATEST",
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 1,
      ParallelizationFactor: 1,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10_000,
      MaximumRecordAgeInSeconds: 24 * 3600,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [queueId, "Arn"] } } },
    });
  });

  it("is invoked for exactly the entities its code reads, on every kind of change", () => {
    const [, mapping] = mappingsOf(stage, "PlatformStreamConsumerHandlerFunction")[0]!;
    const patterns = (mapping.Properties!.FilterCriteria.Filters as { Pattern: string }[]).map((f) =>
      JSON.parse(f.Pattern),
    );
    const delivered = (record: ReturnType<typeof streamRecord>) => patterns.some((p) => matches(p, record));
    const consumed = new Set<string>(Object.values(streamEntities).flat());
    const ignored = ["notification", "searchAlert", "savedSearch", "dashCell", "dashContribution", "audit", "user"];
    for (const eventName of ["INSERT", "MODIFY", "REMOVE"] as const) {
      for (const entity of consumed)
        expect(delivered(streamRecord(eventName, entity)), `${entity} ${eventName}`).toBe(true);
      for (const entity of ignored)
        expect(delivered(streamRecord(eventName, entity)), `${entity} ${eventName}`).toBe(false);
    }
  });

  it("is invoked for every entity the consumer's code treats as a source of effects", () => {
    // A new deriver (e.g. messages' notices) that is missing here would work locally and never run in deploy.
    const consumed = new Set<string>(Object.values(streamEntities).flat());
    expect([...sourceEntities].filter((entity) => !consumed.has(entity))).toEqual([]);
  });

  it("has the mail consumer as its one other reader, invoked only for inserted notifications", () => {
    const [, mapping] = mappingsOf(stage, "PlatformMailConsumerFunction")[0]!;
    expect(mapping.Properties).toMatchObject({
      EventSourceArn: { "Fn::GetAtt": [tableId(stage), "StreamArn"] },
      StartingPosition: "LATEST",
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      MaximumRecordAgeInSeconds: 24 * 3600,
    });
    const patterns = (mapping.Properties!.FilterCriteria.Filters as { Pattern: string }[]).map((f) =>
      JSON.parse(f.Pattern),
    );
    const delivered = (record: ReturnType<typeof streamRecord>) => patterns.some((p) => matches(p, record));
    expect(delivered(streamRecord("INSERT", "notification"))).toBe(true);
    expect(delivered(streamRecord("MODIFY", "notification"))).toBe(false); // marked read
    expect(delivered(streamRecord("REMOVE", "notification"))).toBe(false); // expired by its TTL
    for (const entity of [...new Set(Object.values(streamEntities).flat()), "searchAlert", "user"]) {
      for (const eventName of ["INSERT", "MODIFY", "REMOVE"] as const)
        expect(delivered(streamRecord(eventName, entity)), `${entity} ${eventName}`).toBe(false);
    }
  });

  it("alarms on its errors, throttles, lag behind the stream and any message in its dead-letter queue", () => {
    const [consumerId] = consumerFunction(stage);
    const [queueId] = queue(stage);
    const alarms = resourcesOfType(synth.templates[stage], "AWS::CloudWatch::Alarm").map(([, a]) => a.Properties!);
    const onConsumer = alarms.filter(
      (a) => JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: "FunctionName", Value: ref(consumerId) }]),
    );
    expect(onConsumer.map((a) => a.MetricName).sort()).toEqual(["Errors", "IteratorAge", "Throttles"]);
    expect(onConsumer.find((a) => a.MetricName === "IteratorAge")).toMatchObject({
      Statistic: "Maximum",
      Threshold: 300_000,
    });
    const dlq = alarms.find((a) => a.MetricName === "ApproximateNumberOfMessagesVisible");
    expect(dlq).toMatchObject({
      Threshold: 1,
      Statistic: "Maximum",
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
    });
    expect(dlq!.Dimensions).toEqual([{ Name: "QueueName", Value: { "Fn::GetAtt": [queueId, "QueueName"] } }]);
  });

  it("counts the handler's dead-letter lines in a metric and alarms on the first one", () => {
    const [logsId] = one(stage, "AWS::Logs::LogGroup", "PlatformStreamConsumerHandlerLogs");
    const [, filter] = one(stage, "AWS::Logs::MetricFilter", "PlatformStreamConsumerDeadLetterLines");
    expect(filter.Properties).toMatchObject({
      LogGroupName: ref(logsId),
      FilterPattern: '"stream dead letter"',
      MetricTransformations: [
        { MetricNamespace: `KetNoi/${stage}`, MetricName: deadLetterMetricName, MetricValue: "1", DefaultValue: 0 },
      ],
    });
    const alarms = resourcesOfType(synth.templates[stage], "AWS::CloudWatch::Alarm").map(([, a]) => a.Properties!);
    expect(alarms.find((a) => a.MetricName === deadLetterMetricName)).toMatchObject({
      Namespace: `KetNoi/${stage}`,
      Statistic: "Sum",
      Threshold: 1,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
    });
  });

  it("may read the stream, read and write the items its code touches, and read/write the snapshot key: its whole policy", () => {
    const tableArn = { "Fn::GetAtt": [tableId(stage), "Arn"] };
    const bucketArn = { "Fn::GetAtt": [bucketId(stage), "Arn"] };
    // The search snapshot and the candidate snapshot, the only two objects it may read and write.
    const snapshotArn = [
      { "Fn::Join": ["", [bucketArn, `/${searchSnapshotKey}`]] },
      { "Fn::Join": ["", [bucketArn, `/${candidateSnapshotKey}`]] },
    ];
    const allow = (Action: string | readonly string[], Resource: unknown) => ({
      Effect: "Allow",
      Action: typeof Action === "string" ? Action : [...Action],
      Resource,
    });
    const expected = [
      // ListStreams has no resource-level permission: "*" is the only form IAM accepts.
      allow("dynamodb:ListStreams", "*"),
      allow(["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], {
        "Fn::GetAtt": [tableId(stage), "StreamArn"],
      }),
      allow(consumerTableActions, tableArn),
      allow(consumerIndexActions[0], { "Fn::Join": ["", [tableArn, "/index/*"]] }),
      allow("s3:GetObject", snapshotArn),
      allow("s3:ListBucket", bucketArn),
      allow("s3:PutObject", snapshotArn),
      allow(["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], {
        "Fn::GetAtt": [queue(stage)[0], "Arn"],
      }),
      // Erased CV files' objects (files.test.ts checks the bucket and prefixes).
      expect.objectContaining({ Action: "s3:DeleteObject" }),
    ];
    const statements = functionPolicyStatements(synth.templates[stage], "PlatformStreamConsumerHandlerFunction");
    expect(statements).toEqual(expect.arrayContaining(expected));
    expect(statements).toHaveLength(expected.length);
    expect(consumerTableActions).not.toContain("dynamodb:ConditionCheckItem");
    expect(consumerTableActions).not.toContain("dynamodb:DescribeTable");
  });
});
