import { buildApp } from "../app-base";
import { lambdaHandle } from "../http/lambda-handle";
import { mount } from "../routes/groups/catalog";
import { configureDeployedCandidates } from "./candidates";
import { configureDeployedSearch } from "./search";

// The search snapshot the stream consumer keeps in S3, read by search and recommendations (docs/search.md).
configureDeployedSearch();
// The candidate snapshot beside it, read by the recruiter's candidates route (docs/data-model.md).
configureDeployedCandidates();

/**
 * The `catalog` route group's Lambda function (issue 14, routes/groups.ts): API Gateway sends this group's paths here
 * (infra/api.ts). It bundles only this group's routes behind the same middleware chain as every function
 * (app-base.ts); the OpenAPI document is served by the docs function (lambda.ts).
 */
export const handler = lambdaHandle(buildApp(mount).app);
