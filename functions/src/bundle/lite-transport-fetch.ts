import { dynamoSettings } from "../db/settings";
import type { LiteTransport } from "../db/transport";
import { fetchTransport } from "../db/transport-fetch";

let transport: LiteTransport | undefined;

/**
 * Stands in for functions/src/db/lite-transport.ts in the lean deployed bundles (infra/function.ts `bundleAliases`): the
 * lite data path and the health check talk to DynamoDB over a SigV4-signed POST (db/transport-fetch.ts) with the
 * function role's keys from the environment, where the Lambda runtime puts them, and the settings the SDK client
 * would have (db/settings.ts). A function that imports nothing else of the SDK's DynamoDB client (health, browse)
 * then carries none of it: no @aws-sdk/client-dynamodb, no @smithy (infra/bundle-contents.test.ts).
 * bundle-routes.test.ts runs the built health and browse bundles through it against DynamoDB Local.
 */
export function liteTransport(): LiteTransport {
  transport ??= fetchTransport(fetchTransportOptions());
  return transport;
}

/** The options from the configuration and the Lambda environment (exported for lite.test.ts and transport.test.ts). */
export function fetchTransportOptions() {
  const settings = dynamoSettings();
  const env = process.env;
  // DynamoDB Local takes any keys (db/client.ts sends "local" too).
  const local = settings.endpoint !== undefined;
  return {
    ...settings,
    accessKeyId: local ? "local" : requireEnv(env.AWS_ACCESS_KEY_ID, "AWS_ACCESS_KEY_ID"),
    secretAccessKey: local ? "local" : requireEnv(env.AWS_SECRET_ACCESS_KEY, "AWS_SECRET_ACCESS_KEY"),
    sessionToken: local ? undefined : env.AWS_SESSION_TOKEN,
  };
}

function requireEnv(value: string | undefined, name: string): string {
  if (!value) throw new Error(`lite transport: ${name} is not set (the Lambda runtime sets the role's keys)`);
  return value;
}
