import { handle } from "hono/aws-lambda";
import { createApp } from "./app";
// The S3 client and pdf-lib, only in this function (files/backend.ts): the API function's bundle goes without them.
import "./files/live";

/**
 * The files function's Lambda entry (API Gateway sends /api/files/* here): the same app and middleware chain as the
 * API function (lambda.ts), mounting only the `files` route group.
 */
export const handler = handle(createApp(["files"]));
