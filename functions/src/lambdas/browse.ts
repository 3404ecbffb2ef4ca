import { buildApp } from "../app-base";
import { lambdaHandle } from "../http/lambda-handle";
import { mount } from "../routes/groups/browse";
import { configureDeployedSearch } from "./search";

// The search snapshot the stream consumer keeps in S3, read by search and recommendations (docs/search.md).
configureDeployedSearch();

/**
 * The `browse` route group's Lambda function (issue 14, routes/groups.ts): listing detail, search and
 * recommendations, API Gateway sends those routes here (infra/api.ts). Its reads go through the lite data path
 * (db/lite.ts) and its middleware too, so the bundle carries no ElectroDB (infra/bundle-contents.test.ts).
 */
export const handler = lambdaHandle(buildApp(mount).app);
