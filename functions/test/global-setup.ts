import type { TestProject } from "vitest/node";
import { startDynamoLocal } from "../src/local/dynamodb-local";
import { freePort } from "../src/local/ports";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** One in-memory DynamoDB Local for the whole functions suite; each test file makes its own table. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal({ port: await freePort(), inMemory: true });
  project.provide("dynamoEndpoint", dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
