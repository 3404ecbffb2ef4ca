import { buildApp } from "./app-base";
import { lambdaHandle } from "./http/lambda-handle";
import { deployedDocumentSource } from "./routes/deployed-document";
import { documentRoutes } from "./routes/docs-page";

/**
 * The docs function's Lambda entry: API Gateway sends it /api/openapi.json, /api/docs and any path no route group
 * claims (infra/api.ts); each route group has a function of its own (lambdas/*.ts, files-lambda.ts). It serves the
 * one OpenAPI document as built (`npm run openapi`, routes/deployed-document.ts) behind the same middleware chain,
 * instead of building the whole app to generate it at its cold start (issue 14: 1,151 kB, ~2.7× the floor's import).
 */
export const handler = lambdaHandle(buildApp((api) => api.route("/", documentRoutes(deployedDocumentSource))).app);
