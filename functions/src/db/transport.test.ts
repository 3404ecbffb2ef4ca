import { randomUUID } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchTransportOptions } from "../bundle/lite-transport-fetch";
import { dataConfig } from "../config";
import { guard } from "../data/guard";
import { AppError } from "../http/errors";
import { freePort } from "../local/ports";
import { countDbCalls } from "./call-counter";
import { createDocumentClient } from "./client";
import { liteEntity } from "./lite";
import { transactWrite } from "./lite-transact";
import { listingModel } from "./models/listing";
import type { DynamoSettings } from "./settings";
import type { LiteTransport } from "./transport";
import { fetchTransport } from "./transport-fetch";
import { sdkTransport } from "./transport-sdk";

// The deployed bundles reach DynamoDB through a signed fetch, the tests of the sources through the SDK's
// DocumentClient (db/transport.ts): here both, against DynamoDB Local, give the same results, the same error names
// and, through `guard`, the same AppErrors — a failed condition a 409, a database that refuses connections or
// accepts them and never answers the 503 `database_unavailable` the outage test holds the API to.

/** A transport of each kind for these settings (keys "local", as DynamoDB Local takes any). */
const bothFor = (settings: DynamoSettings): [string, LiteTransport][] => {
  const client = createDocumentClient(settings);
  return [
    ["sdk", sdkTransport(() => client)],
    ["fetch", fetchTransport({ ...settings, accessKeyId: "local", secretAccessKey: "local" })],
  ];
};

const table = () => dataConfig().TABLE_NAME;
const local = () => bothFor({ ...fetchTransportOptions(), requestTimeoutMs: 30_000 });

/** What an operation gave, or the name and AppError its failure becomes. */
async function outcome<T>(operation: () => Promise<T>) {
  try {
    return { value: await operation() };
  } catch (error) {
    const name = (error as Error).name;
    try {
      await guard(() => Promise.reject(error));
    } catch (guarded) {
      return guarded instanceof AppError ? { name, app: [guarded.code, guarded.status] } : { name };
    }
    return { name };
  }
}

describe("both transports on DynamoDB Local", () => {
  const pk = `transport-${randomUUID()}`;
  // Every kind of value the DocumentClient marshals: strings (Vietnamese), numbers, booleans, null, lists, maps, sets.
  const item = (sk: string, n: number) => ({
    pk,
    sk,
    name: "Lập trình viên",
    n,
    fraction: 0.25,
    flag: n % 2 === 0,
    nothing: null,
    list: ["a", 1, { deep: true }],
    map: { nested: { x: "y" }, empty: "" },
    tags: new Set(["b", "a"]),
    counts: new Set([1, 2]),
  });

  beforeAll(async () => {
    const [, [, fetchT]] = local() as [[string, LiteTransport], [string, LiteTransport]];
    for (let i = 0; i < 5; i++) await fetchT.put({ TableName: table(), Item: item(`item#${i}`, i) });
  });

  it("read the same items, pages, batches and table description", async () => {
    const results = [];
    for (const [, transport] of local()) {
      const keys = [0, 3, 9].map((i) => ({ pk, sk: `item#${i}` }));
      const batch = await transport.batchGet({ RequestItems: { [table()]: { Keys: keys } } });
      const pages = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await transport.query({
          TableName: table(),
          KeyConditionExpression: "#pk = :pk AND begins_with(#sk, :sk)",
          ExpressionAttributeNames: { "#pk": "pk", "#sk": "sk" },
          ExpressionAttributeValues: { ":pk": pk, ":sk": "item#" },
          ScanIndexForward: false,
          Limit: 2,
          ExclusiveStartKey: start,
        });
        pages.push(page);
        start = page.LastEvaluatedKey;
      } while (start);
      const described = await transport.describeTable({ TableName: table() });
      results.push({
        get: (await transport.get({ TableName: table(), Key: { pk, sk: "item#1" }, ConsistentRead: true })).Item,
        missing: (await transport.get({ TableName: table(), Key: { pk, sk: "none" } })).Item,
        batch: batch.Responses?.[table()]?.sort((a, b) => String(a.sk).localeCompare(String(b.sk))),
        unprocessed: Object.keys(batch.UnprocessedKeys ?? {}).length,
        pages: pages.map((p) => ({ Items: p.Items, LastEvaluatedKey: p.LastEvaluatedKey, Count: p.Count })),
        table: {
          name: described.Table?.TableName,
          status: described.Table?.TableStatus,
          created: described.Table?.CreationDateTime?.getTime(),
        },
      });
    }
    expect(results[0]).toMatchObject({ get: item("item#1", 1), missing: undefined });
    expect(results[0]!.pages.map((p) => p.Items?.length)).toEqual([2, 2, 1]);
    expect(results[0]!.table.created).toBeGreaterThan(0);
    expect(results[1]).toEqual(results[0]);
  });

  it("write alike: update and delete, with the same returned attributes", async () => {
    const results = [];
    for (const [name, transport] of local()) {
      const key = { pk, sk: `write#${name}` };
      await transport.put({ TableName: table(), Item: { ...key, n: 1, gone: undefined } });
      const updated = await transport.update({
        TableName: table(),
        Key: key,
        UpdateExpression: "SET #n = #n + :one, #t = :t",
        ConditionExpression: "attribute_exists(#pk)",
        ExpressionAttributeNames: { "#n": "n", "#t": "tags", "#pk": "pk" },
        ExpressionAttributeValues: { ":one": 1, ":t": new Set(["x"]) },
        ReturnValues: "ALL_NEW",
      });
      const deleted = await transport.delete({ TableName: table(), Key: key, ReturnValues: "ALL_OLD" });
      results.push({ updated: updated.Attributes, deleted: deleted.Attributes, key });
    }
    expect(results[0]!.updated).toEqual({ ...results[0]!.key, n: 2, tags: new Set(["x"]) });
    expect(results[1]!.updated).toEqual({ ...results[1]!.key, n: 2, tags: new Set(["x"]) });
    expect(results[1]!.deleted).toEqual(results[1]!.updated);
    expect(results[0]!.deleted).toEqual(results[0]!.updated);
  });

  it("write several alike: batch writes, a committed transaction and a cancelled one with the same reasons", async () => {
    const results = [];
    for (const [name, transport] of local()) {
      const a = { pk, sk: `tx#${name}#a` };
      const b = { pk, sk: `tx#${name}#b` };
      const via = () => transport;
      const put = await transport.batchWrite({
        RequestItems: {
          [table()]: [{ PutRequest: { Item: { ...a, n: 1 } } }, { PutRequest: { Item: { ...b, n: 1 } } }],
        },
      });
      const committed = await transactWrite(
        [
          {
            Update: {
              TableName: table(),
              Key: a,
              UpdateExpression: "SET #n = #n + :one",
              ExpressionAttributeNames: { "#n": "n" },
              ExpressionAttributeValues: { ":one": 1 },
            },
          },
          { Delete: { TableName: table(), Key: b } },
        ],
        via,
      );
      // The first item's condition holds, the second's fails: DynamoDB names each item's reason, in order.
      const cancelled = await transactWrite(
        [
          {
            ConditionCheck: {
              TableName: table(),
              Key: a,
              ConditionExpression: "#n = :two",
              ExpressionAttributeNames: { "#n": "n" },
              ExpressionAttributeValues: { ":two": 2 },
            },
          },
          {
            Put: {
              TableName: table(),
              Item: { ...b, n: 9 },
              ConditionExpression: "attribute_exists(#pk)",
              ExpressionAttributeNames: { "#pk": "pk" },
            },
          },
        ],
        via,
      );
      const left = await transport.get({ TableName: table(), Key: a, ConsistentRead: true });
      const gone = await transport.get({ TableName: table(), Key: b, ConsistentRead: true });
      const removed = await transport.batchWrite({ RequestItems: { [table()]: [{ DeleteRequest: { Key: a } }] } });
      const after = await transport.get({ TableName: table(), Key: a, ConsistentRead: true });
      results.push({
        unprocessed: [put.UnprocessedItems ?? {}, removed.UnprocessedItems ?? {}],
        committed,
        cancelled: {
          canceled: cancelled.canceled,
          codes: cancelled.data.map((reason) => [reason.rejected, reason.code]),
        },
        a: left.Item?.n,
        b: gone.Item,
        afterBatchDelete: after.Item,
      });
    }
    expect(results[0]).toEqual({
      unprocessed: [{}, {}],
      committed: {
        canceled: false,
        data: [
          { rejected: false, code: "None" },
          { rejected: false, code: "None" },
        ],
      },
      cancelled: {
        canceled: true,
        codes: [
          [false, "None"],
          [true, "ConditionalCheckFailed"],
        ],
      },
      a: 2,
      b: undefined,
      afterBatchDelete: undefined,
    });
    expect(results[1]).toEqual(results[0]);
  });

  it("fail alike: a failed condition is ConditionalCheckFailedException (409 through guard), a bad request ValidationException", async () => {
    const results = [];
    for (const [, transport] of local()) {
      const listings = liteEntity(listingModel, () => transport);
      results.push({
        put: await outcome(() =>
          transport.put({
            TableName: table(),
            Item: { pk, sk: "item#0" },
            ConditionExpression: "attribute_not_exists(#pk)",
            ExpressionAttributeNames: { "#pk": "pk" },
          }),
        ),
        // The lite path's patch of an item that does not exist: its own attribute_exists condition.
        patch: await outcome(() =>
          listings.patch({ listingId: `none-${randomUUID()}` } as never, { positions: 1 } as never),
        ),
        validation: await outcome(() =>
          transport.query({
            TableName: table(),
            IndexName: "no-such-index",
            KeyConditionExpression: "#pk = :pk",
            ExpressionAttributeNames: { "#pk": "pk" },
            ExpressionAttributeValues: { ":pk": pk },
          }),
        ),
      });
    }
    expect(results[0]).toEqual({
      put: { name: "ConditionalCheckFailedException", app: ["version_conflict", 409] },
      patch: { name: "ConditionalCheckFailedException", app: ["version_conflict", 409] },
      validation: { name: "ValidationException" },
    });
    expect(results[1]).toEqual(results[0]);
  });

  it("count each command once in the request's scope, under the same names", async () => {
    const counted = [];
    for (const [, transport] of local()) {
      const { scope } = await countDbCalls(async () => {
        await transport.get({ TableName: table(), Key: { pk, sk: "item#1" } });
        await transport.batchGet({ RequestItems: { [table()]: { Keys: [{ pk, sk: "item#2" }] } } });
        await transport.query({
          TableName: table(),
          KeyConditionExpression: "#pk = :pk",
          ExpressionAttributeNames: { "#pk": "pk" },
          ExpressionAttributeValues: { ":pk": pk },
        });
        await transport.describeTable({ TableName: table() });
      });
      counted.push(scope);
    }
    expect(counted[0]).toEqual({
      calls: 4,
      commands: { GetItemCommand: 1, BatchGetItemCommand: 1, QueryCommand: 1, DescribeTableCommand: 1 },
    });
    expect(counted[1]).toEqual(counted[0]);
  });
});

describe("both transports when DynamoDB cannot answer", () => {
  let hung: Server;
  const sockets: Socket[] = [];
  let hungEndpoint: string;

  beforeAll(async () => {
    // Accepts connections and reads the request, never answers: a paused or wedged database.
    hung = createServer((socket) => {
      sockets.push(socket);
      socket.on("data", () => {});
    });
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    hungEndpoint = `http://127.0.0.1:${(hung.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => hung.close(resolve));
  });

  const get = (transport: LiteTransport) => () => transport.get({ TableName: table(), Key: { pk: "x", sk: "y" } });

  it("a refused connection is database_unavailable (503) through guard, after the one retry", async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    for (const [name, transport] of bothFor({ region: "ap-southeast-1", endpoint, requestTimeoutMs: 2000 })) {
      expect(await outcome(get(transport)), name).toMatchObject({ app: ["database_unavailable", 503] });
    }
  });

  it("a connection closed under the request is database_unavailable (503) through guard", async () => {
    // Reads the request, then drops the connection without an answer: fetch's "other side closed" (UND_ERR_SOCKET),
    // the SDK's ECONNRESET / socket hang up.
    const dropping = createServer((socket) => socket.once("data", () => socket.destroy()));
    await new Promise<void>((resolve) => dropping.listen(0, "127.0.0.1", resolve));
    try {
      const endpoint = `http://127.0.0.1:${(dropping.address() as { port: number }).port}`;
      for (const [name, transport] of bothFor({ region: "ap-southeast-1", endpoint, requestTimeoutMs: 2000 })) {
        expect(await outcome(get(transport)), name).toMatchObject({ app: ["database_unavailable", 503] });
      }
    } finally {
      await new Promise((resolve) => dropping.close(resolve));
    }
  });

  it("a hung endpoint is cut at the request timeout, twice, and becomes database_unavailable (503)", async () => {
    for (const [name, transport] of bothFor({
      region: "ap-southeast-1",
      endpoint: hungEndpoint,
      requestTimeoutMs: 400,
    })) {
      const before = sockets.length;
      const started = performance.now();
      const result = await outcome(get(transport));
      const elapsed = performance.now() - started;
      expect(result, name).toEqual({ name: "TimeoutError", app: ["database_unavailable", 503] });
      // Two attempts of 400 ms each (a backoff between), not one, and not the 30 s a local endpoint would wait.
      expect(elapsed, name).toBeGreaterThanOrEqual(790);
      expect(elapsed, name).toBeLessThan(5000);
      expect(sockets.length - before, `${name}: requests that reached the endpoint`).toBeGreaterThanOrEqual(1);
    }
  });
});
