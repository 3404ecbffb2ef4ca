import { tableDefinition } from "@ketnoi/functions/db/table";
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from "aws-cdk-lib/aws-dynamodb";
import { type IGrantable, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import type { StageSettings } from "./stage";

/**
 * The one table's item actions the code performs: ElectroDB gets (single and batch), queries, conditional
 * creates and puts, patches, transactions (each part needs its own action) and deletes, single and batched
 * (personal-data erasure deletes a student's records with BatchWriteItem), plus DescribeTable for /api/health.
 * No Scan, no PartiQL, no table or stream management.
 */
export const tableDataActions = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
] as const;

/** Indexes are only ever queried. */
export const indexDataActions = ["dynamodb:Query"] as const;

export interface KetNoiDataProps {
  readonly stage: StageSettings;
}

/**
 * KetNoi's DynamoDB table, built from the same declaration as the local table. Its stream is read by the stream
 * consumer (./stream-consumer.ts).
 */
export class KetNoiData extends Construct {
  readonly table: Table;

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
