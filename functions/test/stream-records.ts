import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from "@aws-sdk/client-dynamodb-streams";
import type { MiddlewareStack } from "@smithy/types";
import { dataConfig } from "../src/config";
import { dynamo } from "../src/db/client";
import type { DynamoDBStreamRecord } from "../src/stream";

/** Every record the file table's stream holds, in order (to hand a batch to the consumer again). */
export async function allStreamRecords(endpoint = dataConfig().DYNAMODB_ENDPOINT!): Promise<DynamoDBStreamRecord[]> {
  const { Table } = await dynamo().send(new DescribeTableCommand({ TableName: dataConfig().TABLE_NAME }));
  const StreamArn = Table?.LatestStreamArn;
  const streams = new DynamoDBStreamsClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const records: DynamoDBStreamRecord[] = [];
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn }));
  for (const { ShardId } of StreamDescription?.Shards ?? []) {
    let { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn, ShardId, ShardIteratorType: "TRIM_HORIZON" }),
    );
    while (ShardIterator) {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator, Limit: 1000 }));
      records.push(...((out.Records ?? []) as DynamoDBStreamRecord[]));
      // An open shard answers an empty page at its end: stop there.
      ShardIterator = (out.Records ?? []).length > 0 ? out.NextShardIterator : undefined;
    }
  }
  streams.destroy();
  return records;
}

/**
 * Makes the next DynamoDB write that `matches` succeed at the database but fail at the client, as when the
 * connection drops after DynamoDB committed: the API answers 503 for a write that is stored.
 */
export function loseResponseOfNextWrite(matches: (command: string, input: unknown) => boolean): void {
  const stack = dynamo().middlewareStack as unknown as MiddlewareStack<object, object>;
  const name = "lose-next-write-response";
  stack.remove(name);
  stack.add(
    (next, context) => async (args) => {
      const command = (context as { commandName?: string }).commandName ?? "";
      const result = await next(args);
      if (matches(command, (args as { input: unknown }).input)) {
        stack.remove(name);
        throw Object.assign(new Error("socket hang up (after the write committed)"), { code: "ECONNRESET" });
      }
      return result;
    },
    { step: "initialize", name },
  );
}
