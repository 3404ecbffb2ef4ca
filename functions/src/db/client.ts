import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { installDbCallCounter } from "./call-counter";
import { type DynamoSettings, dynamoSettings } from "./settings";

let documentClient: DynamoDBDocumentClient | undefined;

/**
 * The process-wide DynamoDB client, created once. Short timeouts and two attempts so that an unreachable
 * database becomes a quick 503 rather than a hung request. `throwOnRequestTimeout`: @smithy/node-http-handler 4.x
 * only logs a warning when a request exceeds `requestTimeout` unless told to fail it, so a database that accepts
 * connections but never answers (hung, paused) would hold the request forever. The timeout: db/settings.ts.
 *
 * Sockets are not capped. @smithy/node-http-handler's default agent holds 50, and a command queued for one of them
 * runs down the 1-second `connectionTimeout` while it waits (the timer starts when the request is created, not when
 * it gets a socket): a process serving more concurrent commands than that — the local API under load, a
 * multi-page dashboard read beside it — failed healthy, merely slow commands as TimeoutError, i.e. 503
 * "database unavailable" (the district routes bench: dashboard, apply, candidates; routes/db-pool.test.ts). So
 * the connection timeout now measures connecting only; how much runs at once is bounded by the requests served
 * (one at a time in a Lambda), not by a hidden queue. Keep-alive reuses the sockets.
 */
export function dynamo(): DynamoDBDocumentClient {
  documentClient ??= createDocumentClient(dynamoSettings());
  return documentClient;
}

/** A DocumentClient as `dynamo()` builds it, for other settings (transport.test.ts: an unreachable endpoint). */
export function createDocumentClient({ region, endpoint, requestTimeoutMs }: DynamoSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    maxAttempts: 2,
    requestHandler: {
      connectionTimeout: 1000,
      requestTimeout: requestTimeoutMs,
      throwOnRequestTimeout: true,
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY }),
    },
    ...(endpoint ? { endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
  });
  installDbCallCounter(client);
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
