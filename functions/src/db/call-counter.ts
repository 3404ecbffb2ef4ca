import { AsyncLocalStorage } from "node:async_hooks";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * Counts the DynamoDB commands sent by this process, per request scope and in total. The count is the number of
 * commands the code issues (a Query page, a BatchGetItem, a TransactWriteItems each count once; SDK retries do
 * not), which is what grows when a route reads "one item per listing". Tests assert a bound per route with it
 * and the routes bench reports it per request.
 */
export interface DbCallScope {
  calls: number;
  /** Commands by name (GetItemCommand, QueryCommand, …), to say which calls a route makes. */
  commands: Record<string, number>;
}

const scope = new AsyncLocalStorage<DbCallScope>();
let processTotal = 0;

/**
 * Runs `work` in a fresh counting scope and returns its result with the commands it sent (work started inside
 * and still running after it resolves keeps counting into the returned scope).
 * @example const { result, scope } = await countDbCalls(() => app.request("/api/search?q=lap trinh"));
 */
export async function countDbCalls<T>(work: () => Promise<T>): Promise<{ result: T; scope: DbCallScope }> {
  const counted: DbCallScope = { calls: 0, commands: {} };
  const result = await scope.run(counted, work);
  return { result, scope: counted };
}

/** The counting scope of the running request, if any (the API opens one per request). */
export function currentDbScope(): DbCallScope | undefined {
  return scope.getStore();
}

/**
 * Runs `work` outside any request scope: background refreshes shared by every request (a cache reload) are not
 * charged to the request that happened to start them.
 */
export function outsideDbScope<T>(work: () => T): T {
  return scope.exit(work);
}

/** Every command this process has sent since it started. */
export function totalDbCalls(): number {
  return processTotal;
}

/**
 * Counts one command sent by this process, in the running request's scope if any. The SDK's middleware below calls
 * it for the SDK clients; the lite path's fetch transport (db/transport-fetch.ts) calls it itself, once per command.
 */
export function countDbCall(name: string): void {
  processTotal++;
  const counted = scope.getStore();
  if (counted) {
    counted.calls++;
    counted.commands[name] = (counted.commands[name] ?? 0) + 1;
  }
}

/** Adds the counter to a client's middleware stack once; every command sent through it is counted. */
export function installDbCallCounter(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      countDbCall(context.commandName ?? "unknown");
      return next(args);
    },
    { step: "initialize", name: "ketnoiDbCallCounter", override: true },
  );
}
