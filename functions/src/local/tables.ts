import { setTimeout as sleep } from "node:timers/promises";
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
} from "@aws-sdk/client-dynamodb";
import { createTableInput } from "../db/table";

/** A client for DynamoDB Local's endpoint (fixed dummy credentials; -sharedDb ignores them). */
export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
}

/**
 * Creates the table from the shared declaration unless it exists; a table kept from an earlier version (under
 * .data/) gets the indexes declared since. Returns whether it was created.
 */
export async function ensureTable(
  endpoint: string,
  tableName: string,
  options: { stream?: boolean } = {},
): Promise<boolean> {
  const client = localClient(endpoint);
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    await addMissingIndexes(client, tableName, new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName)));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName, options)));
    return true;
  } finally {
    client.destroy();
  }
}

/** Deletes the table if it exists. */
export async function dropTable(endpoint: string, tableName: string): Promise<void> {
  const client = localClient(endpoint);
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  } finally {
    client.destroy();
  }
}

/** Adds, one at a time as DynamoDB requires, each declared index the table lacks, and waits until it is active. */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, existing: Set<string | undefined>) {
  const input = createTableInput(tableName);
  for (const index of input.GlobalSecondaryIndexes.filter((i) => !existing.has(i.IndexName))) {
    const attributes: string[] = index.KeySchema.map((k) => k.AttributeName);
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: input.AttributeDefinitions.filter((a) => attributes.includes(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    for (let attempt = 0; attempt < 100; attempt++) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const status = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === index.IndexName)?.IndexStatus;
      if (status === "ACTIVE" && Table?.TableStatus === "ACTIVE") break;
      await sleep(100);
    }
  }
}
