import { dataConfig } from "../config";

/** Where DynamoDB is and how long a request to it may take: both transports read it (db/client.ts, transport-fetch.ts). */
export interface DynamoSettings {
  region: string;
  /** Another DynamoDB than AWS's (DynamoDB Local); its keys are "local". */
  endpoint?: string;
  requestTimeoutMs: number;
}

/**
 * The settings from the configuration: a request may take 5 s against AWS, 30 s against DynamoDB Local (on a loaded
 * laptop it sometimes takes over 5 s to answer a request it does answer), `DYNAMODB_REQUEST_TIMEOUT_MS` overriding
 * both (the outage test uses 4 s). No SDK import here: the deployed fetch transport reads it too.
 */
export function dynamoSettings(): DynamoSettings {
  const { AWS_REGION, DYNAMODB_ENDPOINT, DYNAMODB_REQUEST_TIMEOUT_MS } = dataConfig();
  return {
    region: AWS_REGION,
    endpoint: DYNAMODB_ENDPOINT,
    requestTimeoutMs: DYNAMODB_REQUEST_TIMEOUT_MS ?? (DYNAMODB_ENDPOINT ? 30_000 : 5_000),
  };
}
