import { setTimeout as sleep } from "node:timers/promises";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type ShardIteratorType,
} from "@aws-sdk/client-dynamodb-streams";
import { loadCheckpoints, markPending, saveCheckpoint } from "../data/stream-state";
import { isSourceRecord } from "../effects/records";
import { localClient } from "../local/tables";
import { createStreamHandler, type DynamoDBStreamRecord, type PoisonPolicy, type StreamBatchResponse } from "../stream";
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
  /**
   * Where to start in a shard without a saved checkpoint: `LATEST` after a reconciliation (npm start),
   * `TRIM_HORIZON` to replay everything the stream holds (tests). A shard with a checkpoint resumes after it.
   */
  from: "LATEST" | "TRIM_HORIZON";
  pollMs?: number;
  /** The consumer: the deployed Lambda's handler (stream.ts) unless a test passes another. */
  consume?: (records: DynamoDBStreamRecord[]) => Promise<StreamBatchResponse>;
  /** How the default consumer retries a failing record before setting it aside (tests shorten the backoff). */
  poison?: Partial<PoisonPolicy>;
  onBatch?: (records: _Record[], response: StreamBatchResponse) => void;
  /** Runs once the starting positions are taken and before the first read (e.g. a reconciliation). */
  prepare?: () => Promise<void>;
  log?: (line: string) => void;
}

interface Shard {
  id: string;
  iterator: string | undefined;
}

const refreshEveryRounds = 40;
const maxErrorPauseMs = 5_000;

/**
 * Reads DynamoDB Local's real stream of a table (DescribeStream → GetShardIterator → GetRecords, as the Lambda
 * event source mapping does in AWS) and hands each batch to the stream consumer, with the mapping's semantics:
 * a partial batch response resumes at the first failed record; a thrown error (e.g. DynamoDB Local restarted,
 * its iterators gone) pauses with backoff and resumes every shard after its checkpoint, which is saved in the
 * table after each batch with source records, so `npm start` also resumes there after a restart.
 * @example const reader = await startLocalStreamReader({ endpoint, tableName, from: "LATEST" }); … await reader.stop();
 */
export async function startLocalStreamReader(options: LocalStreamOptions): Promise<LocalStreamReader> {
  const pollMs = options.pollMs ?? 250;
  const handler = createStreamHandler(options.poison ? { poison: options.poison } : {});
  const handle = options.consume ?? ((records: DynamoDBStreamRecord[]) => handler({ Records: records }));
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

  const checkpoints = await loadCheckpoints();
  const shards = new Map<string, Shard>();
  const iteratorFor = async (shardId: string, fallback: ShardIteratorType) => {
    const after = checkpoints.get(shardId);
    const position = after
      ? { ShardIteratorType: "AFTER_SEQUENCE_NUMBER" as const, SequenceNumber: after }
      : { ShardIteratorType: fallback };
    try {
      const out = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ...position }),
      );
      return out.ShardIterator;
    } catch (error) {
      // A checkpoint the stream no longer holds (trimmed): everything still there is newer than it.
      if (!after) throw error;
      const out = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: "TRIM_HORIZON" }),
      );
      return out.ShardIterator;
    }
  };
  const openShards = async (fallback: ShardIteratorType, reopen: boolean) => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const { ShardId } of StreamDescription?.Shards ?? []) {
      if (!ShardId) continue;
      const known = shards.get(ShardId);
      if (known && !reopen) continue;
      if (!known && finished.has(ShardId)) continue;
      shards.set(ShardId, { id: ShardId, iterator: await iteratorFor(ShardId, known ? "TRIM_HORIZON" : fallback) });
    }
  };
  const finished = new Set<string>();
  await openShards(options.from, false);
  await options.prepare?.();

  let stopped = false;
  let round = 0;
  let failures = 0;
  const idleRounds: Array<{ after: number; resolve: () => void }> = [];

  const readShard = async (shard: Shard): Promise<number> => {
    const out = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }));
    const records = out.Records ?? [];
    if (records.length === 0) {
      shard.iterator = out.NextShardIterator;
    } else {
      const response = await handle(records as DynamoDBStreamRecord[]);
      options.onBatch?.(records, response);
      const failed = response.batchItemFailures[0]?.itemIdentifier;
      const index = failed ? records.findIndex((r) => r.dynamodb?.SequenceNumber === failed) : records.length;
      const done = records.slice(0, Math.max(index, 0));
      const last = done.at(-1)?.dynamodb?.SequenceNumber;
      if (last) {
        checkpoints.set(shard.id, last);
        if (done.some((r) => isSourceRecord(r as DynamoDBStreamRecord))) await saveCheckpoint(shard.id, last);
      }
      shard.iterator = failed
        ? (
            await streams.send(
              new GetShardIteratorCommand({
                StreamArn: streamArn,
                ShardId: shard.id,
                ShardIteratorType: "AT_SEQUENCE_NUMBER",
                SequenceNumber: failed,
              }),
            )
          ).ShardIterator
        : out.NextShardIterator;
    }
    // A closed shard is done; its children appear in the next DescribeStream and are read from their start.
    if (!shard.iterator) {
      shards.delete(shard.id);
      finished.add(shard.id);
    }
    return records.length;
  };

  const loop = (async () => {
    let broken = false;
    while (!stopped) {
      const started = ++round;
      let got = 0;
      try {
        if (broken) await openShards("TRIM_HORIZON", true);
        else if (started % refreshEveryRounds === 0 || shards.size === 0) await openShards("TRIM_HORIZON", false);
        broken = false;
        for (const shard of [...shards.values()]) got += await readShard(shard);
        failures = 0;
      } catch (error) {
        broken = true;
        failures++;
        const pause = Math.min(pollMs * 2 ** Math.min(failures, 6), maxErrorPauseMs);
        options.log?.(`Stream consumer: batch failed (${(error as Error).message}); retrying in ${pause} ms.`);
        await markPending(new Date().toISOString()).catch(() => {});
        await sleep(pause);
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
 * The stream consumer of `npm start`: resumes each shard after its saved checkpoint (else takes the stream's
 * current position), reconciles (and repairs) the counters from the table, which may hold data the stream no
 * longer has (a re-seed, a stream trimmed while stopped), then follows the stream, logging batches and dead letters.
 * `seeded`: the table was seeded just now, aggregates included (seed/aggregates.ts), so there is nothing to
 * reconcile — a full pass over the demo's years of history would only add seconds to the start.
 */
export async function startLocalAggregator(options: {
  endpoint: string;
  tableName: string;
  log: (line: string) => void;
  seeded?: boolean;
}): Promise<LocalStreamReader> {
  return startLocalStreamReader({
    ...options,
    from: "LATEST",
    prepare: async () => {
      if (options.seeded) {
        options.log("Dashboard aggregates written by the seed; following the table stream.");
        return;
      }
      const started = Date.now();
      const report = await reconcileAggregates({ repair: true });
      options.log(
        `Dashboard aggregates: ${report.cells} counters from ${report.sourceRecords} records, ${report.drift.length} repaired ` +
          `(${((Date.now() - started) / 1000).toFixed(1)} s); following the table stream.`,
      );
    },
    // Normal batches pass silently; a record being retried is worth a line (dead letters log their own).
    onBatch: (records, response) => {
      const failed = response.batchItemFailures[0]?.itemIdentifier;
      if (failed)
        options.log(
          `Stream consumer: record ${failed} failed; retrying it with backoff before the ${records.length - 1} after it.`,
        );
    },
  });
}
