import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { AwsServiceError, errorAnswer, signedJsonCaller } from "../aws/signed-json";
import type { PostAnswer } from "../aws/signed-post-node";
import { countDbCall } from "./call-counter";
import type { LiteTransport, TableDescription } from "./transport";

export interface FetchTransportOptions {
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Another DynamoDB than AWS's regional endpoint (DynamoDB Local). */
  endpoint?: string;
  /** How long one attempt may take before it fails as TimeoutError (db/client.ts's `requestTimeout`). */
  requestTimeoutMs: number;
  /** Attempts per command, the first included: 2, as db/client.ts's `maxAttempts`. */
  maxAttempts?: number;
}

type Json = Record<string, unknown>;
type Item = Record<string, unknown>;

// The DocumentClient's marshalling (db/client.ts): undefined values dropped, class instances refused.
const marshallOptions = { removeUndefinedValues: true, convertClassInstanceToMap: false } as const;
const toAttributes = (item: Item | undefined) => (item === undefined ? undefined : marshall(item, marshallOptions));
const fromAttributes = (attributes: unknown) =>
  attributes === undefined ? undefined : unmarshall(attributes as Parameters<typeof unmarshall>[0]);

/**
 * An error DynamoDB answered, shaped as the SDK's ServiceException (aws/signed-json.ts): `name` from the body's
 * `__type` (`com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException` → ConditionalCheckFailedException),
 * the message, and `$metadata` with the HTTP status, so http/errors.ts and data/guard.ts classify it exactly as the SDK's.
 */
export class DynamoServiceError extends AwsServiceError {
  /** The item a failed condition found, when the request asked for it (ReturnValuesOnConditionCheckFailure). */
  readonly Item?: Item;
  /** A cancelled transaction's reasons, one per item in order (TransactionCanceledException), as the SDK gives them. */
  CancellationReasons?: { Code?: string; Message?: string; Item?: unknown }[];

  constructor(name: string, message: string, status: number, requestId: string | undefined, item?: Item) {
    super(name, message, status, requestId);
    if (item) this.Item = item;
  }
}

async function serviceError(response: PostAnswer): Promise<DynamoServiceError> {
  const { name, message, body, requestId } = await errorAnswer(response, "DynamoDB");
  const item = body.Item ? (fromAttributes(body.Item) as Item) : undefined;
  const error = new DynamoServiceError(name, message, response.status, requestId, item);
  if (Array.isArray(body.CancellationReasons)) error.CancellationReasons = body.CancellationReasons as never;
  return error;
}

/**
 * The lite path's operations as SigV4-signed POSTs to DynamoDB's JSON protocol (`X-Amz-Target:
 * DynamoDB_20120810.<Operation>`, `application/x-amz-json-1.0`), signed by node:crypto and sent by node:http(s)
 * (aws/signed-json.ts; aws4fetch and the global fetch until their first-use cost was measured) and
 * @aws-sdk/util-dynamodb marshalling, instead of the SDK's DynamoDB client (~200 kB with @smithy, issue 14):
 * - the same outcomes as the DocumentClient (transport.test.ts): values marshalled with db/client.ts's options,
 *   DynamoDB's errors thrown under the SDK's names, a hung request cut after `requestTimeoutMs` as `TimeoutError`,
 *   a refused connection as Node's error with its code (ECONNREFUSED) — all of which data/guard.ts turns into the
 *   same 503 `database_unavailable` as the SDK's;
 * - `maxAttempts` (2) attempts for throttling, 5xx, timeouts and dropped connections, with the SDK's jittered backoff;
 * - keep-alive: one node:http(s) agent per process reuses its connections;
 * - each command counted once in the request's DynamoDB call count (db/call-counter.ts), under the SDK's command name.
 * Not done: the SDK's connection timeout of its own (a connect is bounded by the request timeout), adaptive retry
 * tokens, endpoint discovery, FIPS/dual-stack/China endpoints, and any operation but these.
 */
export function fetchTransport(options: FetchTransportOptions): LiteTransport {
  const signedCall = signedJsonCaller({
    service: "dynamodb",
    region: options.region,
    url: options.endpoint ?? `https://dynamodb.${options.region}.amazonaws.com/`,
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    ...(options.sessionToken ? { sessionToken: options.sessionToken } : {}),
    jsonVersion: "1.0",
    targetPrefix: "DynamoDB_20120810",
    requestTimeoutMs: options.requestTimeoutMs,
    maxAttempts: options.maxAttempts ?? 2,
    error: serviceError,
  });

  function call(operation: string, body: Json): Promise<Json> {
    countDbCall(`${operation}Command`);
    return signedCall(operation, JSON.stringify(body));
  }

  /** Marshals the expression values and start key every operation may carry. */
  const common = (input: Json): Json => ({
    ...input,
    ...(input.ExpressionAttributeValues
      ? { ExpressionAttributeValues: toAttributes(input.ExpressionAttributeValues as Item) }
      : {}),
  });

  return {
    async get(input) {
      const output = await call("GetItem", common({ ...input, Key: toAttributes(input.Key) }));
      return { Item: fromAttributes(output.Item) };
    },
    async batchGet(input) {
      const requestItems: Json = {};
      for (const [table, request] of Object.entries(input.RequestItems ?? {})) {
        requestItems[table] = { ...request, Keys: request.Keys?.map((key) => toAttributes(key)) };
      }
      const output = await call("BatchGetItem", { ...input, RequestItems: requestItems });
      const responses: Record<string, Item[]> = {};
      for (const [table, items] of Object.entries((output.Responses ?? {}) as Record<string, unknown[]>)) {
        responses[table] = items.map((item) => fromAttributes(item) as Item);
      }
      const unprocessed: Record<string, { Keys: Item[] } & Json> = {};
      for (const [table, request] of Object.entries((output.UnprocessedKeys ?? {}) as Record<string, Json>)) {
        unprocessed[table] = {
          ...request,
          Keys: ((request.Keys ?? []) as unknown[]).map((key) => fromAttributes(key) as Item),
        };
      }
      return { Responses: responses, UnprocessedKeys: unprocessed };
    },
    async query(input) {
      const output = await call(
        "Query",
        common({
          ...input,
          ...(input.ExclusiveStartKey ? { ExclusiveStartKey: toAttributes(input.ExclusiveStartKey) } : {}),
        }),
      );
      return {
        Items: ((output.Items ?? []) as unknown[]).map((item) => fromAttributes(item) as Item),
        LastEvaluatedKey: fromAttributes(output.LastEvaluatedKey),
        Count: output.Count as number | undefined,
      };
    },
    async put(input) {
      const output = await call("PutItem", common({ ...input, Item: toAttributes(input.Item) }));
      return { Attributes: fromAttributes(output.Attributes) };
    },
    async update(input) {
      const output = await call("UpdateItem", common({ ...input, Key: toAttributes(input.Key) }));
      return { Attributes: fromAttributes(output.Attributes) };
    },
    async delete(input) {
      const output = await call("DeleteItem", common({ ...input, Key: toAttributes(input.Key) }));
      return { Attributes: fromAttributes(output.Attributes) };
    },
    async batchWrite(input) {
      const requestItems: Json = {};
      for (const [table, requests] of Object.entries(input.RequestItems ?? {})) {
        requestItems[table] = requests.map((request) =>
          request.PutRequest
            ? { PutRequest: { Item: toAttributes(request.PutRequest.Item) } }
            : { DeleteRequest: { Key: toAttributes(request.DeleteRequest?.Key) } },
        );
      }
      const output = await call("BatchWriteItem", { ...input, RequestItems: requestItems });
      const unprocessed: Record<string, Json[]> = {};
      for (const [table, requests] of Object.entries((output.UnprocessedItems ?? {}) as Record<string, Json[]>)) {
        unprocessed[table] = requests.map((request) => {
          const put = request.PutRequest as { Item: unknown } | undefined;
          const remove = request.DeleteRequest as { Key: unknown } | undefined;
          return put
            ? { PutRequest: { Item: fromAttributes(put.Item) } }
            : { DeleteRequest: { Key: fromAttributes(remove?.Key) } };
        });
      }
      return { UnprocessedItems: unprocessed as never };
    },
    async transactWrite(input) {
      const items = (input.TransactItems ?? []).map((item) => {
        const { Put, Delete, Update, ConditionCheck } = item;
        if (Put) return { Put: common({ ...Put, Item: toAttributes(Put.Item) }) };
        if (Delete) return { Delete: common({ ...Delete, Key: toAttributes(Delete.Key) }) };
        if (Update) return { Update: common({ ...Update, Key: toAttributes(Update.Key) }) };
        return { ConditionCheck: common({ ...ConditionCheck!, Key: toAttributes(ConditionCheck!.Key) }) };
      });
      return call("TransactWriteItems", { ...input, TransactItems: items });
    },
    async describeTable(input) {
      const output = await call("DescribeTable", { TableName: input.TableName });
      const table = output.Table as Json | undefined;
      if (!table) return {};
      // The JSON protocol sends epoch seconds; the SDK gives a Date (its parseEpochTimestamp).
      const created = table.CreationDateTime as number | undefined;
      const description: TableDescription = {
        TableName: table.TableName as string | undefined,
        TableStatus: table.TableStatus as string | undefined,
        ItemCount: table.ItemCount as number | undefined,
        ...(created === undefined ? {} : { CreationDateTime: new Date(Math.round(created * 1000)) }),
      };
      return { Table: description };
    },
  };
}
