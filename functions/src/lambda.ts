import { handle } from "hono/aws-lambda";
import { createApp } from "./app";
import { configureDeployedCandidates } from "./lambdas/candidates";
import { configureDeployedSearch } from "./lambdas/search";
import { apiFunctionGroups } from "./routes/groups";

configureDeployedSearch();
configureDeployedCandidates();

/**
 * The docs function's Lambda entry: API Gateway sends it only /api/openapi.json and /api/docs (infra/api.ts); each
 * route group has a function of its own (lambdas/*.ts, files-lambda.ts). It builds the whole app (every group but
 * `files`, whose S3 client and pdf-lib stay out), because the one OpenAPI document is generated from the routes
 * themselves; only a reader of the documents meets its cold start. It still answers every group's route (the
 * bundle tests drive it), which keeps it usable as a single-function fallback.
 */
export const handler = handle(createApp(apiFunctionGroups));
