import { Duration } from "aws-cdk-lib";
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from "aws-cdk-lib/aws-dynamodb";
import { type IGrantable, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { tableDefinition } from "../functions/src/db/table";
import { KetNoiFunction } from "./function";
import type { StageSettings } from "./stage";

/**
 * The one table's item actions the code performs: ElectroDB gets (single and batch), queries, conditional
 * creates and puts, patches, transactions (each part needs its own action) and deletes (personal-data erasure
 * on request), plus DescribeTable for /api/health. No Scan, no PartiQL, no table or stream management.
 */
export const tableDataActions = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
] as const;

/** Indexes are only ever queried. */
export const indexDataActions = ["dynamodb:Query"] as const;

/**
 * The consumer of the table's stream (the province-dashboard aggregator). Passing it is all it takes to deploy
 * one: the event source mapping, its dead-letter queue, its grants and its alarms follow.
 */
export interface StreamConsumerProps {
  /** Absolute path of the TypeScript entry exporting `handler` (a DynamoDBStreamHandler returning batchItemFailures). */
  readonly entry: string;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  readonly batchSize?: number;
}

export interface KetNoiDataProps {
  readonly stage: StageSettings;
  readonly streamConsumer?: StreamConsumerProps;
}

/** KetNoi's DynamoDB table, built from the same declaration as the local table, and its stream consumer. */
export class KetNoiData extends Construct {
  readonly table: Table;
  readonly streamConsumer?: KetNoiFunction;
  /** Where stream batches go after the consumer's retries fail; watched by an alarm. */
  readonly deadLetterQueue?: Queue;

  constructor(scope: Construct, id: string, props: KetNoiDataProps) {
    super(scope, id);
    const { stage } = props;
    const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

    this.table = new Table(this, "Table", {
      partitionKey: stringKey(tableDefinition.partitionKey),
      sortKey: stringKey(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      stream: StreamViewType[tableDefinition.stream],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: stage.isProduction },
      deletionProtection: stage.isProduction,
      removalPolicy: stage.removalPolicy,
    });
    for (const index of tableDefinition.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }

    if (props.streamConsumer) {
      const consumer = props.streamConsumer;
      this.deadLetterQueue = new Queue(this, "StreamDeadLetterQueue", {
        retentionPeriod: Duration.days(14),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        removalPolicy: stage.removalPolicy,
      });
      this.streamConsumer = new KetNoiFunction(this, "StreamConsumer", {
        stage,
        entry: consumer.entry,
        description: `KetNoi ${stage.name}: table stream consumer (aggregates)`,
        memorySize: consumer.memorySize ?? 256,
        timeout: consumer.timeout ?? Duration.seconds(60),
        environment: { STAGE: stage.name, TABLE_NAME: this.table.tableName },
      });
      this.grantDataAccess(this.streamConsumer.function);
      this.streamConsumer.function.addEventSource(
        new DynamoEventSource(this.table, {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: consumer.batchSize ?? 100,
          maxBatchingWindow: Duration.seconds(5),
          // A poison record is isolated by halving the batch, retried, then parked in the queue.
          bisectBatchOnError: true,
          retryAttempts: 3,
          reportBatchItemFailures: true,
          onFailure: new SqsDlq(this.deadLetterQueue),
        }),
      );
    }
  }

  /** Item-level access to the table and queries on its indexes: exactly `tableDataActions`/`indexDataActions`. */
  grantDataAccess(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: [...tableDataActions], resources: [this.table.tableArn] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: [...indexDataActions], resources: [`${this.table.tableArn}/index/*`] }),
    );
  }
}
