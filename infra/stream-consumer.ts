import { Duration } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, FilterRule, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
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

/**
 * The table stream's consumer (functions/src/stream-lambda.ts): keeps the search snapshot in S3 current, alerts
 * saved searches, and updates the province dashboard's counters. Its event source mapping starts at the stream's
 * newest record, takes up to 100 filtered records within 1 s, splits a failing batch in two until the bad record
 * is alone, retries it 5 times and honours the handler's per-record failures (`batchItemFailures`); then the
 * batch's description goes to the dead-letter queue (the records themselves stay in the stream for 24 h). One
 * consumer per shard (parallelisation factor 1) keeps each item's records in order.
 */
export class KetNoiStreamConsumer extends Construct {
  readonly handler: KetNoiFunction;
  /** Where stream batches go once the retries are spent; watched by an alarm. */
  readonly deadLetterQueue: Queue;

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
      // A poison record is isolated by halving the batch, retried, then reported to the queue.
      bisectBatchOnError: true,
      retryAttempts: 5,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(this.deadLetterQueue),
      filters: streamFilters,
    });
  }
}
