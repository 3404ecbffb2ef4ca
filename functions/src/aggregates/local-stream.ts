import { setTimeout as sleep } from "node:timers/promises";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from "@aws-sdk/client-dynamodb-streams";
import { localClient } from "../local/tables";
import { type AggregationReport, type AggregatorRecord, aggregateStreamRecords } from "./consumer";
import { reconcileAggregates } from "./reconcile";

/** A running reader of a local table's stream. */
export interface LocalStreamReader {
  /** Resolves once a full round over the shards, begun after the call, found no new record. */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Which table's stream to read, from where, and what to do with each batch. */
export interface LocalStreamOptions {
  endpoint: string;
  tableName: string;
  /** `LATEST` after a reconciliation (npm start), `TRIM_HORIZON` to replay everything the stream holds (tests). */
  from: "LATEST" | "TRIM_HORIZON";
  pollMs?: number;
  /** The consumer: the deployed Lambda's aggregator unless a test passes another. */
  consume?: (records: AggregatorRecord[]) => Promise<AggregationReport>;
  onBatch?: (records: _Record[], report: AggregationReport) => void;
  /** Runs once the starting positions are taken and before the first read (e.g. a reconciliation). */
  prepare?: () => Promise<void>;
  log?: (line: string) => void;
}

interface Shard {
  id: string;
  iterator: string | undefined;
}

const refreshEveryRounds = 40;

/**
 * Reads DynamoDB Local's real stream of a table (DescribeStream → GetShardIterator → GetRecords, as the Lambda
 * event source mapping does in AWS) and feeds each batch to the aggregator. A batch that fails is read again
 * from the same iterator after a pause; the aggregator is idempotent, so re-reading is harmless.
 * @example const reader = await startLocalStreamReader({ endpoint, tableName, from: "LATEST" }); … await reader.stop();
 */
export async function startLocalStreamReader(options: LocalStreamOptions): Promise<LocalStreamReader> {
  const pollMs = options.pollMs ?? 250;
  const consume = options.consume ?? aggregateStreamRecords;
  const tables = localClient(options.endpoint);
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const { Table } = await tables.send(new DescribeTableCommand({ TableName: options.tableName }));
  tables.destroy();
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);

  const shards = new Map<string, Shard>();
  const seen = new Set<string>();
  const openShards = async (type: "LATEST" | "TRIM_HORIZON") => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const { ShardId } of StreamDescription?.Shards ?? []) {
      if (!ShardId || seen.has(ShardId)) continue;
      seen.add(ShardId);
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId, ShardIteratorType: type }),
      );
      shards.set(ShardId, { id: ShardId, iterator: ShardIterator });
    }
  };
  await openShards(options.from);
  await options.prepare?.();

  let stopped = false;
  let round = 0;
  const idleRounds: Array<{ after: number; resolve: () => void }> = [];

  const readRound = async (): Promise<number> => {
    let got = 0;
    for (const shard of [...shards.values()]) {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }));
      const records = out.Records ?? [];
      if (records.length > 0) {
        const report = await consume(records as AggregatorRecord[]);
        options.onBatch?.(records, report);
        got += records.length;
      }
      shard.iterator = out.NextShardIterator;
      // A closed shard is done; its children appear in the next DescribeStream and are read from their start.
      if (!shard.iterator) shards.delete(shard.id);
    }
    return got;
  };

  const loop = (async () => {
    while (!stopped) {
      const started = ++round;
      let got = 0;
      try {
        if (started % refreshEveryRounds === 0 || shards.size === 0) await openShards("TRIM_HORIZON");
        got = await readRound();
      } catch (error) {
        options.log?.(`Aggregator: stream batch failed, retrying (${(error as Error).message})`);
        await sleep(pollMs * 4);
        continue;
      }
      if (got === 0) {
        for (const waiter of idleRounds.filter((w) => started > w.after)) {
          idleRounds.splice(idleRounds.indexOf(waiter), 1);
          waiter.resolve();
        }
        await sleep(pollMs);
      }
    }
  })();

  return {
    drain: (timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("stream reader did not drain in time")), timeoutMs);
        idleRounds.push({
          after: round,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
    stop: async () => {
      stopped = true;
      await loop;
      streams.destroy();
    },
  };
}

/**
 * The aggregator of `npm start`: takes the stream's current position, reconciles (and repairs) the counters
 * from the table, which may hold data the stream no longer has (a restart, a re-seed), then follows the stream
 * from that position, logging each batch that changed a counter.
 */
export async function startLocalAggregator(options: {
  endpoint: string;
  tableName: string;
  log: (line: string) => void;
}): Promise<LocalStreamReader> {
  return startLocalStreamReader({
    ...options,
    from: "LATEST",
    prepare: async () => {
      const started = Date.now();
      const report = await reconcileAggregates({ repair: true });
      options.log(
        `Dashboard aggregates: ${report.cells} counters from ${report.sourceRecords} records, ${report.drift.length} repaired ` +
          `(${((Date.now() - started) / 1000).toFixed(1)} s); following the table stream.`,
      );
    },
    onBatch: (records, report) => {
      if (report.cellsChanged > 0) {
        options.log(`Aggregator: ${records.length} change(s) → ${report.cellsChanged} counter update(s).`);
      }
    },
  });
}
