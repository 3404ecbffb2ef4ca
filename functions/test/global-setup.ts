import type { TestProject } from "vitest/node";
import { assertJava } from "../src/local/dynamodb-local";
import { startTestS3 } from "./s3";

declare module "vitest" {
  export interface ProvidedContext {
    s3Endpoint: string;
  }
}

/**
 * One s3rver for the whole functions suite (each test file makes its own bucket). DynamoDB Local is started per
 * test file by setup.ts: one shared instance slowed down as the suite went on (see there).
 */
export default async function setup(project: TestProject) {
  assertJava(); // fail once, clearly, before every file tries to start DynamoDB Local
  const s3 = await startTestS3();
  project.provide("s3Endpoint", s3.endpoint);
  return async () => {
    await s3.stop();
  };
}
