import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { dynamo } from "./client";
import type { LiteTransport } from "./transport";

/**
 * The lite path's operations over the SDK's DocumentClient (db/client.ts: its timeouts, retry, keep-alive and the
 * call counter's middleware). What tests, local runs, scripts and the functions with ElectroDB use; the lean deployed bundles use transport-fetch.ts.
 */
export function sdkTransport(client: () => DynamoDBDocumentClient = dynamo): LiteTransport {
  return {
    get: (input) => client().send(new GetCommand(input)),
    batchGet: (input) => client().send(new BatchGetCommand(input)),
    query: (input) => client().send(new QueryCommand(input)),
    put: (input) => client().send(new PutCommand(input)),
    update: (input) => client().send(new UpdateCommand(input)),
    delete: (input) => client().send(new DeleteCommand(input)),
    batchWrite: (input) => client().send(new BatchWriteCommand(input)),
    transactWrite: (input) => client().send(new TransactWriteCommand(input)),
    describeTable: (input) => client().send(new DescribeTableCommand(input)),
  };
}
