import { handle } from "hono/aws-lambda";
import { buildApp } from "./app-base";
import { mount } from "./routes/groups/files";
// The S3 client and pdf-lib, only in this function (files/backend.ts): no other function's bundle carries them.
import "./files/live";

/**
 * The files function's Lambda entry (API Gateway sends /api/files/* here): the `files` route group behind the same
 * middleware chain as every function (app-base.ts). It imports app-base.ts, not app.ts, so the other groups' routes
 * stay out of its bundle (issue 14).
 */
export const handler = handle(buildApp(mount).app);
