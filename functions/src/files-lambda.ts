import { buildApp } from "./app-base";
import { lambdaHandle } from "./http/lambda-handle";
import { mount } from "./routes/groups/files";
// The files backend (files/backend.ts): S3 by signed fetch and pdf-lib, which this function loads only with the first
// PDF check (a chunk of its split build, infra/function.ts splitEntries); no other function's bundle carries them.
import "./files/live";

/**
 * The files function's Lambda entry (API Gateway sends /api/files/* here): the `files` route group behind the same
 * middleware chain as every function (app-base.ts). It imports app-base.ts, not app.ts, so the other groups' routes
 * stay out of its bundle (issue 14).
 */
export const handler = lambdaHandle(buildApp(mount).app);
