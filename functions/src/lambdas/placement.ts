import { buildApp } from "../app-base";
import { lambdaHandle } from "../http/lambda-handle";
import { mount } from "../routes/groups/placement";

/**
 * The `placement` route group's Lambda function (issue 14, routes/groups.ts): API Gateway sends this group's paths
 * here (infra/api.ts). It bundles only this group's routes behind the same middleware chain as every function
 * (app-base.ts); the OpenAPI document is served by the docs function (lambda.ts).
 */
export const handler = lambdaHandle(buildApp(mount).app);
