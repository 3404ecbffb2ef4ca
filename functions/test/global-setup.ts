import type { TestProject } from "vitest/node";
import { startDynamoLocal } from "../src/local/dynamodb-local";
import { freePort } from "../src/local/ports";
import { startTestS3 } from "./s3";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
  }
}

/**
 * One in-memory DynamoDB Local and one s3rver for the whole functions suite; each test file makes its own table
 * and its own files bucket.
 */
export default async function setup(project: TestProject) {
  const [dynamo, s3] = await Promise.all([startDynamoLocal({ port: await freePort(), inMemory: true }), startTestS3()]);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("s3Endpoint", s3.endpoint);
  return async () => {
    await Promise.all([dynamo.stop(), s3.stop()]);
  };
}
