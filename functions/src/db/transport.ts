import type {
  BatchGetCommandInput,
  BatchGetCommandOutput,
  BatchWriteCommandInput,
  BatchWriteCommandOutput,
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  TransactWriteCommandInput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from "@aws-sdk/lib-dynamodb";

/**
 * How the lite data path (db/lite.ts) and the health check reach DynamoDB (issue 14): the operations they send, with
 * the DocumentClient's own input and output shapes (plain JavaScript values, not AttributeValues). Two
 * implementations behave alike — same results, same error names (ConditionalCheckFailedException, ValidationException,
 * TimeoutError, a network error's code in its cause), one retry, each command counted once (db/call-counter.ts):
 * - transport-sdk.ts: the SDK's DocumentClient (db/client.ts `dynamo()`), for tests, local runs and scripts;
 * - transport-fetch.ts: a SigV4-signed fetch to DynamoDB's JSON protocol (aws4fetch), in the lean deployed bundles
 *   (infra/function.ts `bundleAliases` swaps lite-transport.ts), so health and browse carry no @aws-sdk/client-dynamodb
 *   and no @smithy. The type imports here are erased at build time.
 * lite.test.ts runs against both on DynamoDB Local, transport.test.ts holds their errors to each other.
 */
export interface LiteTransport {
  get(input: GetCommandInput): Promise<Pick<GetCommandOutput, "Item">>;
  batchGet(input: BatchGetCommandInput): Promise<Pick<BatchGetCommandOutput, "Responses" | "UnprocessedKeys">>;
  query(input: QueryCommandInput): Promise<Pick<QueryCommandOutput, "Items" | "LastEvaluatedKey" | "Count">>;
  put(input: PutCommandInput): Promise<Pick<PutCommandOutput, "Attributes">>;
  update(input: UpdateCommandInput): Promise<Pick<UpdateCommandOutput, "Attributes">>;
  delete(input: DeleteCommandInput): Promise<Pick<DeleteCommandOutput, "Attributes">>;
  /** Several writes at once (the lite batch delete, db/lite-writes.ts `deleteMany`). */
  batchWrite(input: BatchWriteCommandInput): Promise<Pick<BatchWriteCommandOutput, "UnprocessedItems">>;
  /**
   * One TransactWriteItems (db/lite-transact.ts). A cancellation is thrown as the SDK throws it: named
   * TransactionCanceledException, with `CancellationReasons` (`Code`, `Message`) in the items' order.
   */
  transactWrite(input: TransactWriteCommandInput): Promise<unknown>;
  /** The table's status and creation time (the health check, the search snapshot's table fingerprint). */
  describeTable(input: { TableName: string }): Promise<{ Table?: TableDescription }>;
}

export interface TableDescription {
  TableName?: string;
  TableStatus?: string;
  CreationDateTime?: Date;
  ItemCount?: number;
}
