import { Duration } from "aws-cdk-lib";
import type { Metric } from "aws-cdk-lib/aws-cloudwatch";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, FilterRule, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { FilterPattern, MetricFilter } from "aws-cdk-lib/aws-logs";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { KetNoiData } from "./data";
import { KetNoiFunction } from "./function";
import { streamEntry } from "./paths";
import type { KetNoiSearch } from "./search";
import type { StageSettings } from "./stage";

/**
 * The entities (ElectroDB's `__edb_e__`) whose records the consumer acts on, by the code that reads them. Keep
 * in step with that code: a record of any other entity never reaches the function.
 */
export const streamEntities = {
  /** functions/src/stream.ts: listings (index upserts and removals), organisations (name, sectors, badge). */
  search: ["listing", "organisation"],
  /** functions/src/aggregates/consumer.ts (`kinds`): the province dashboard's counted facts. */
  aggregates: ["listing", "application", "booking", "student"],
  /**
   * functions/src/effects/notices.ts (`derivers`): application steps and hours, bookings, invitations, re-offers,
   * messages, interviews (times proposed, booked, moved, cancelled) and offers (made, answered, expired).
   */
  notices: [
    "application",
    "booking",
    "candidateInvite",
    "invitation",
    "placementRound",
    "message",
    "interview",
    "offer",
  ],
  /** functions/src/effects/files.ts: a removed CV file record deletes its objects (the student's delete, erasure). */
  files: ["cvFile"],
} as const;

const consumedEntities = [...new Set(Object.values(streamEntities).flat())];

/**
 * Lambda event filters: a record is delivered when its new image (INSERT, MODIFY) or its old image (MODIFY,
 * REMOVE) is one of `streamEntities`. Notifications, alert markers and their TTL expiries, sessions, audit entries
 * and the dashboard's own counters never invoke the consumer.
 */
export const streamFilters = [
  FilterCriteria.filter({ dynamodb: { NewImage: { __edb_e__: { S: FilterRule.or(...consumedEntities) } } } }),
  FilterCriteria.filter({ dynamodb: { OldImage: { __edb_e__: { S: FilterRule.or(...consumedEntities) } } } }),
];

/**
 * What the consumer does on the table:
 * - search (functions/src/stream.ts and what it calls): reads organisations (GetItem, BatchGetItem), claims an
 *   alert with a conditional put and stores the notification (PutItem), releases a claim whose notification
 *   failed (DeleteItem); its Queries (published listings, an organisation's listings, saved-search shards) are
 *   on gsi1 and gsi2;
 * - dashboard aggregates (functions/src/aggregates/): consistent GetItem of listings, students and contribution
 *   records, consistent Query on the table (a listing's applications and bookings), Query on gsi1 (a student's),
 *   and transactions of PutItem (contribution) and UpdateItem (counters).
 * No Scan, no ConditionCheckItem, no DescribeTable, no table management.
 */
export const consumerTableActions = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
] as const;
export const consumerIndexActions = ["dynamodb:Query"] as const;

export interface KetNoiStreamConsumerProps {
  readonly stage: StageSettings;
  readonly data: KetNoiData;
  readonly search: KetNoiSearch;
}

/** The metric the consumer's dead-letter log lines count (functions/src/stream.ts logs "stream dead letter"). */
export const deadLetterMetricName = "StreamDeadLetters";

/**
 * The table stream's consumer (functions/src/stream-lambda.ts): derives every side effect of a stored change —
 * notices, the search snapshot in S3, saved-search alerts and the province dashboard's counters. Its event source
 * mapping starts at the stream's newest record, takes up to 100 filtered records within 1 s and honours the
 * handler's per-record failures (`batchItemFailures`). A record that keeps failing is the handler's to settle:
 * after 5 tries with backoff it becomes a dead-letter item in the table and a log line, which a metric filter
 * counts for an alarm, and the records after it flow on. The mapping's own retries are for outages (the handler
 * throws when DynamoDB is unreachable, without counting the record's tries): it keeps retrying for up to a day,
 * halving failing batches, and only then parks the batch's description in the SQS dead-letter queue (alarmed
 * too). One consumer per shard (parallelisation factor 1) keeps each item's records in order.
 */
export class KetNoiStreamConsumer extends Construct {
  readonly handler: KetNoiFunction;
  /** Where stream batches go once the retries are spent; watched by an alarm. */
  readonly deadLetterQueue: Queue;
  /** Records the handler set aside as dead letters (a metric filter over its logs); watched by an alarm. */
  readonly deadLetterMetric: Metric;

  constructor(scope: Construct, id: string, props: KetNoiStreamConsumerProps) {
    super(scope, id);
    const { stage, data, search } = props;
    const { table } = data;
    this.deadLetterQueue = new Queue(this, "DeadLetterQueue", {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy: stage.removalPolicy,
    });
    this.handler = new KetNoiFunction(this, "Handler", {
      stage,
      entry: streamEntry,
      description: `KetNoi ${stage.name}: table stream consumer (search snapshot, saved-search alerts, dashboard)`,
      // The search index is held in memory (~240 MB of heap for 5,000 listings); 1 GB also buys the CPU to parse it.
      memorySize: 1024,
      // Load, apply and save a few-MB snapshot, alert evaluation and counter transactions: seconds. The first batch
      // of an environment also builds the index from the published-listings Query.
      timeout: Duration.seconds(60),
      environment: { STAGE: stage.name, TABLE_NAME: table.tableName, ...search.environment },
    });
    const consumer = this.handler.function;

    table.grantStreamRead(consumer);
    consumer.addToRolePolicy(new PolicyStatement({ actions: [...consumerTableActions], resources: [table.tableArn] }));
    consumer.addToRolePolicy(
      new PolicyStatement({ actions: [...consumerIndexActions], resources: [`${table.tableArn}/index/*`] }),
    );
    search.grantSnapshotRead(consumer);
    search.grantSnapshotWrite(consumer);

    // Declared directly (not through DynamoEventSource, whose logical id embeds the stack name) so that both
    // deploy entries, whose stacks are named differently, give the mapping the same logical id.
    consumer.addEventSourceMapping("TableStream", {
      eventSourceArn: table.tableStreamArn!,
      startingPosition: StartingPosition.LATEST,
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(1),
      parallelizationFactor: 1,
      // Poison records are the handler's (dead-letter items); these retries ride out an outage of up to a day.
      bisectBatchOnError: true,
      retryAttempts: 10_000,
      maxRecordAge: Duration.days(1),
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(this.deadLetterQueue),
      filters: streamFilters,
    });

    const metricFilter = new MetricFilter(this, "DeadLetterLines", {
      logGroup: this.handler.logGroup,
      filterPattern: FilterPattern.allTerms("stream dead letter"),
      metricNamespace: `KetNoi/${stage.name}`,
      metricName: deadLetterMetricName,
      metricValue: "1",
      defaultValue: 0,
    });
    this.deadLetterMetric = metricFilter.metric({ period: Duration.minutes(5), statistic: "Sum" });
  }
}
